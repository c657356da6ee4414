import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAzurite } from "azurite-runner";
import { main as turnOnLogging } from "../logging/turnOnLogging.js";
import { samples } from "../sampleList.js";
import { main as downloadParallel } from "../storage-blob/downloadParallelWithProgressAndMd5.js";
import { main as listPaged } from "../storage-blob/listContainersAndBlobsPaged.js";
import { main as uploadFile } from "../storage-blob/uploadFile.js";
import { main as uploadFileSync } from "../storage-blob/uploadFileSync.js";

// The samples read the connection string the way a user's program would.
let stopAzurite: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const { info, stop } = await startAzurite();
  stopAzurite = stop;
  process.env.AZURE_STORAGE_CONNECTION_STRING = info.connectionString;
}, 60_000);
afterAll(async () => {
  delete process.env.AZURE_STORAGE_CONNECTION_STRING;
  await stopAzurite?.();
});

describe("samples", () => {
  it("logging/turnOnLogging shows exactly the records its levels allow", async () => {
    const records = await turnOnLogging();
    expect(records.map((r) => `${r.namespace} ${r.level}`)).toEqual([
      "azkit:storage-blob verbose",
      "azkit:identity warning",
    ]);
  });

  it("storage-blob/uploadFile uploads a 10 MiB file in blocks", async () => {
    expect((await uploadFile()).size).toBe(10 * 1024 * 1024);
  });

  it("storage-blob/uploadFileSync uploads with the blocking surface and lists with a plain for...of", () => {
    expect(uploadFileSync()).toEqual({ size: 128 * 1024, names: ["notes/notes.txt"] });
  });

  it("storage-blob/downloadParallelWithProgressAndMd5 downloads 24 MiB with a matching MD5", async () => {
    expect(await downloadParallel()).toEqual({ bytes: 24 * 1024 * 1024, md5Matches: true });
  });

  it("storage-blob/listContainersAndBlobsPaged lists by hierarchy and resumes paging from a token", async () => {
    const result = await listPaged();
    expect(result.containers).toHaveLength(1);
    expect(result.directories).toEqual(["a/", "b/", "c/"]);
    expect(result.pages).toEqual([2, 2, 1]);
  });

  it("the runner's list names every sample file above", () => {
    expect(samples.map((s) => s.name)).toEqual([
      "logging/turnOnLogging",
      "storage-blob/uploadFile",
      "storage-blob/uploadFileSync",
      "storage-blob/downloadParallelWithProgressAndMd5",
      "storage-blob/listContainersAndBlobsPaged",
    ]);
  });
});
