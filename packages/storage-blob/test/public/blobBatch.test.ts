import { describe, expect, it } from "vitest";
import type { ContainerClient } from "../../src/index.js";
import { containerPerFile, serviceClient } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("batch", (c) => {
  container = c;
});

describe("BlobBatchClient", () => {
  it("deletes many blobs in one request and reports each operation", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `del-${i}`);
    for (const name of names) await container.getBlockBlobClient(name).upload("x", 1);
    const result = await serviceClient()
      .getBlobBatchClient()
      .deleteBlobs([...names.map((n) => container.getBlobClient(n)), container.getBlobClient("missing")]);
    expect(result.subResponses).toHaveLength(11);
    expect(result.subResponsesSucceededCount).toBe(10);
    expect(result.subResponsesFailedCount).toBe(1);
    expect(result.subResponses[10]!.status).toBe(404);
    expect(result.subResponses[10]!.errorCode).toBe("BlobNotFound");
    for (const name of names) expect(await container.getBlobClient(name).exists()).toBe(false);
  });

  it("sets the access tier of many blobs through a container-scoped batch", async () => {
    const names = ["t1", "t2", "t3"];
    for (const name of names) await container.getBlockBlobClient(name).upload("x", 1);
    const result = await container.getBlobBatchClient().setBlobsAccessTier(
      names.map((n) => container.getBlobClient(n)),
      "Cool",
    );
    expect(result.subResponsesSucceededCount).toBe(3);
    for (const name of names)
      expect((await container.getBlobClient(name).getProperties()).accessTier).toBe("Cool");
  });

  it("refuses an empty batch and one over 256 operations before sending", async () => {
    const batch = container.getBlobBatchClient();
    await expect(batch.deleteBlobs([])).rejects.toThrow(RangeError);
    const tooMany = Array.from({ length: 257 }, (_, i) => container.getBlobClient(`b${i}`));
    await expect(batch.deleteBlobs(tooMany)).rejects.toThrow(/1 to 256/);
  });
});
