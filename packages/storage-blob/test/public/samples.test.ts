import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as downloadParallel } from "../../samples/downloadParallelWithProgressAndMd5.js";
import { main as listPaged } from "../../samples/listContainersAndBlobsPaged.js";
import { main as uploadFile } from "../../samples/uploadFile.js";
import { azurite } from "../helpers/azurite.js";

// The samples read the connection string the way a user's program would.
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.AZURE_STORAGE_CONNECTION_STRING;
  process.env.AZURE_STORAGE_CONNECTION_STRING = azurite().connectionString;
});
afterAll(() => {
  if (saved === undefined) delete process.env.AZURE_STORAGE_CONNECTION_STRING;
  else process.env.AZURE_STORAGE_CONNECTION_STRING = saved;
});

describe("samples", () => {
  it("uploadFile uploads a 10 MiB file in blocks", async () => {
    expect((await uploadFile()).size).toBe(10 * 1024 * 1024);
  });

  it("downloadParallelWithProgressAndMd5 downloads 24 MiB with a matching MD5", async () => {
    expect(await downloadParallel()).toEqual({ bytes: 24 * 1024 * 1024, md5Matches: true });
  });

  it("listContainersAndBlobsPaged lists by hierarchy and resumes paging from a token", async () => {
    const result = await listPaged();
    expect(result.containers).toHaveLength(1);
    expect(result.directories).toEqual(["a/", "b/", "c/"]);
    expect(result.pages).toEqual([2, 2, 1]);
  });
});
