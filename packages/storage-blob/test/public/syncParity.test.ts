// The blocking entry carries the peer's names too, and the older construction style and
// BlobBatch work through core-http's sync bridge (the worker runs the built package: build first).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as syncEntry from "../../src/sync.js";
import { azurite, uniqueName } from "../helpers/azurite.js";

const {
  BlobBatch,
  BlobServiceClient,
  newPipeline,
  RestError,
  StorageRetryPolicyFactory,
  StorageSharedKeyCredential,
} = syncEntry;
const peer = createRequire(import.meta.url)("@azure/storage-blob") as Record<string, unknown>;

describe("@azkit/storage-blob/sync and the peer's names", () => {
  it("exports every runtime name of @azure/storage-blob", () => {
    const missing = Object.keys(peer).filter((name) => !(name in syncEntry));
    expect(missing).toEqual([]);
  });

  it("builds blocking clients on newPipeline(credential, options) and on a Pipeline with a retry factory", () => {
    const { accountName, accountKey, blobUrl } = azurite();
    const credential = new StorageSharedKeyCredential(accountName, accountKey);
    const service = new BlobServiceClient(
      blobUrl,
      newPipeline(credential, { retryOptions: { maxTries: 2 } }),
    );
    const container = service.getContainerClient(uniqueName("syncpipe"));
    container.create();
    expect(container.exists()).toBe(true);
    const withFactory = new syncEntry.Pipeline(
      [new StorageRetryPolicyFactory({ maxTries: 1 })],
      {},
      credential,
    );
    expect(
      new BlobServiceClient(blobUrl, withFactory).getContainerClient(container.containerName).exists(),
    ).toBe(true);
    let caught: unknown;
    try {
      new BlobServiceClient(blobUrl, newPipeline(credential)).getContainerClient("missing").getProperties();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RestError);
    container.delete();
  });

  it("fills a BlobBatch and submits it, blocking", () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const container = service.getContainerClient(uniqueName("syncbatch"));
    container.create();
    for (const name of ["a", "b"]) container.getBlockBlobClient(name).uploadData(Buffer.from("x"));
    const batch = new BlobBatch();
    batch.deleteBlob(container.getBlobClient("a"));
    batch.deleteBlob(container.getBlobClient("b"));
    const response = service.getBlobBatchClient().submitBatch(batch);
    expect(response.subResponsesSucceededCount).toBe(2);
    expect(container.getBlobClient("a").exists()).toBe(false);
    container.delete();
  });
});
