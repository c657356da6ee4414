import { createPipelineRequest, ResourceNotFoundError } from "@azkit/core-http";
import { DefaultAzureCredential } from "@azkit/identity";
import { startAzurite } from "azurite-runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as defaultAzureCredential } from "../identity/defaultAzureCredential.js";
import { main as syncGetToken } from "../identity/syncGetToken.js";
import { main as turnOnLogging } from "../logging/turnOnLogging.js";
import { createArmClient, resourceGroupsPath, resourcesApiVersion } from "../resources/armClient.js";
import { main as deleteResourceGroupPoller } from "../resources/deleteResourceGroupPoller.js";
import { main as listResourceGroups, sampleGroupNames } from "../resources/listResourceGroups.js";
import { samples } from "../sampleList.js";
import { main as downloadParallel } from "../storage-blob/downloadParallelWithProgressAndMd5.js";
import { main as listPaged } from "../storage-blob/listContainersAndBlobsPaged.js";
import { main as uploadFile } from "../storage-blob/uploadFile.js";
import { main as uploadFileSync } from "../storage-blob/uploadFileSync.js";

// The samples read the connection string the way a user's program would; the management samples read
// the AZURE_* variables test/globalSetup.ts set for its ARM emulator.
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

  it("identity/defaultAzureCredential gets an ARM token that expires in the future", async () => {
    const { expiresOn } = await defaultAzureCredential();
    expect(expiresOn.getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
  });

  it("identity/syncGetToken gets a token with the blocking credential", () => {
    const { expiresOn, tokenLength } = syncGetToken();
    expect(expiresOn.getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(tokenLength).toBeGreaterThan(20);
  });

  it("resources/listResourceGroups lists the groups it created, one page per nextLink, within maxPageSize", async () => {
    const { names, pageSizes } = await listResourceGroups();
    expect(names).toEqual(expect.arrayContaining(sampleGroupNames));
    expect(pageSizes.length).toBeGreaterThanOrEqual(2);
    for (const size of pageSizes) expect(size).toBe(1);
  });

  it("resources/deleteResourceGroupPoller waits out both deletes, the second from a resume token", async () => {
    const { states, resumedRequests, goneAfterwards } = await deleteResourceGroupPoller();
    expect(states[0]).toBe("running");
    expect(states.at(-1)).toBe("succeeded");
    // The resumed poller only polled the operation (GETs on its Location): the DELETE went once.
    expect(resumedRequests.length).toBeGreaterThan(0);
    expect(resumedRequests.every((r) => r.startsWith("GET "))).toBe(true);
    expect(resumedRequests.at(-1)).toBe("GET 200");
    expect(goneAfterwards).toEqual([true, true]);

    await using credential = new DefaultAzureCredential();
    const client = createArmClient(credential);
    for (const name of sampleGroupNames) {
      const get = createPipelineRequest({
        url: `${resourceGroupsPath()}/${name}?api-version=${resourcesApiVersion}`,
      });
      await expect(client.sendRequest(get)).rejects.toBeInstanceOf(ResourceNotFoundError);
    }
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
      "identity/defaultAzureCredential",
      "identity/syncGetToken",
      "resources/listResourceGroups",
      "resources/deleteResourceGroupPoller",
      "storage-blob/uploadFile",
      "storage-blob/uploadFileSync",
      "storage-blob/downloadParallelWithProgressAndMd5",
      "storage-blob/listContainersAndBlobsPaged",
    ]);
  });
});
