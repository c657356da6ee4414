// BlobBatch filled operation by operation and sent with BlobBatchClient.submitBatch, as in
// @azure/storage-blob, against Azurite (which implements Blob Batch).
import { describe, expect, it } from "vitest";
import {
  AnonymousCredential,
  BlobBatch,
  BlockBlobTier,
  type ContainerClient,
  StorageSharedKeyCredential,
} from "../../src/index.js";
import { azurite, containerPerFile, serviceClient } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("batchreq", (c) => {
  container = c;
});

describe("BlobBatch with BlobBatchClient.submitBatch", () => {
  it("deletes blobs given by URL + credential and by client, and reports each answer in order", async () => {
    const { accountName, accountKey } = azurite();
    const credential = new StorageSharedKeyCredential(accountName, accountKey);
    for (const name of ["b0", "b1", "b2"]) await container.getBlockBlobClient(name).upload("x", 1);
    const blockBlobClient0 = container.getBlockBlobClient("b0");
    const blockBlobClient1 = container.getBlockBlobClient("b1");

    // The peer's usage (BlobBatchClient.submitBatch's documentation), with this test's clients.
    const blobBatchClient = serviceClient().getBlobBatchClient();
    const batchRequest = new BlobBatch();
    await batchRequest.deleteBlob(blockBlobClient0.url, credential);
    await batchRequest.deleteBlob(blockBlobClient1.url, credential, { deleteSnapshots: "include" });
    await batchRequest.deleteBlob(container.getBlobClient("b2"));
    await batchRequest.deleteBlob(container.getBlobClient("never-existed"));
    const batchResp = await blobBatchClient.submitBatch(batchRequest);

    expect(batchResp.subResponsesSucceededCount).toBe(3);
    expect(batchResp.subResponsesFailedCount).toBe(1);
    expect(batchResp.subResponses.map((r) => r.status)).toEqual([202, 202, 202, 404]);
    expect(batchResp.subResponses[3]!.errorCode).toBe("BlobNotFound");
    expect(batchRequest.getSubRequests().get(0)?.url).toBe(blockBlobClient0.url);
    for (const name of ["b0", "b1", "b2"]) expect(await container.getBlobClient(name).exists()).toBe(false);
  });

  it("sets tiers with BlockBlobTier values through createBatch()", async () => {
    for (const name of ["t0", "t1"]) await container.getBlockBlobClient(name).upload("x", 1);
    const batchClient = container.getBlobBatchClient();
    const batch = batchClient.createBatch();
    await batch.setBlobAccessTier(container.getBlobClient("t0"), BlockBlobTier.Cool);
    await batch.setBlobAccessTier(container.getBlobClient("t1"), BlockBlobTier.Archive);
    expect(batch.getMultiPartContentType()).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(batch.getHttpRequestBody()).toContain("x-ms-access-tier: Archive");
    const response = await batchClient.submitBatch(batch);
    expect(response.subResponsesSucceededCount).toBe(2);
    expect((await container.getBlobClient("t0").getProperties()).accessTier).toBe("Cool");
    expect((await container.getBlobClient("t1").getProperties()).accessTier).toBe("Archive");
  });

  it("refuses a second kind of operation, more than 256 operations, and an empty batch", async () => {
    const batch = new BlobBatch();
    await batch.deleteBlob(container.getBlobClient("a"));
    await expect(batch.setBlobAccessTier(container.getBlobClient("a"), "Cool")).rejects.toThrow(
      /one kind only/,
    );
    // @ts-expect-error a URL without its credential, as plain JavaScript could pass it
    await expect(batch.deleteBlob("https://x/c/b")).rejects.toThrow(/needs its credential/);
    const full = new BlobBatch();
    const anonymous = new AnonymousCredential();
    await Promise.all(
      Array.from({ length: 256 }, (_, i) => full.deleteBlob(`https://acct/c/b${i}`, anonymous)),
    );
    expect(full.getSubRequests().size).toBe(256);
    expect([...full.getSubRequests().keys()].slice(0, 3)).toEqual([0, 1, 2]);
    await expect(full.deleteBlob("https://acct/c/one-more", anonymous)).rejects.toThrow(/at most 256/);
    await expect(serviceClient().getBlobBatchClient().submitBatch(new BlobBatch())).rejects.toThrow(/empty/);
  });
});
