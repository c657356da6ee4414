import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { isResourceModifiedError } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobServiceClient, type ContainerClient, StorageSharedKeyCredential } from "../../src/index.js";
import { azurite, newContainer } from "../helpers/azurite.js";
import { type CuttingProxy, startCuttingProxy } from "../helpers/cuttingProxy.js";

const MiB = 1024 * 1024;
let container: ContainerClient;
let proxy: CuttingProxy | undefined;
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");

beforeAll(async () => {
  container = await newContainer("resil");
});
afterAll(async () => {
  await proxy?.close();
  await container.deleteIfExists();
});

function containerViaProxy(proxyUrl: string): ContainerClient {
  const { accountName, accountKey } = azurite();
  return new BlobServiceClient(proxyUrl, new StorageSharedKeyCredential(accountName, accountKey), {
    retryTotal: 0,
  }).getContainerClient(container.containerName);
}

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("resilient download through a proxy that cuts bodies", () => {
  it("resumes the stream with ranged GETs pinned to the ETag and returns identical bytes", async () => {
    const body = randomBytes(5 * MiB);
    const { etag } = await container.getBlockBlobClient("cut.bin").uploadData(body);
    // Cut the first response after 1 MiB and the first resumption after 300 KiB more.
    proxy = await startCuttingProxy(azurite().blobUrl, {
      cutAfter: (_req, index) => (index === 0 ? MiB : index === 1 ? 300 * 1024 : undefined),
    });
    const blob = containerViaProxy(proxy.url).getBlobClient("cut.bin");
    const response = await blob.download(0, undefined, { maxRetryRequests: 3 });
    const back = await drain(response.readableStreamBody!);
    expect(md5(back)).toBe(md5(body));
    expect(proxy.gets.map((g) => g.cut)).toEqual([true, true, false]);
    expect(proxy.gets[1]!.range).toBe(`bytes=${MiB}-${5 * MiB - 1}`);
    expect(proxy.gets[1]!.ifMatch).toBe(etag);
    expect(proxy.gets[2]!.range).toBe(`bytes=${MiB + 300 * 1024}-${5 * MiB - 1}`);
    await proxy.close();
    proxy = undefined;
  });

  it("gives up after maxRetryRequests resumptions", async () => {
    const body = randomBytes(2 * MiB);
    await container.getBlockBlobClient("always-cut.bin").uploadData(body);
    proxy = await startCuttingProxy(azurite().blobUrl, { cutAfter: () => 100 * 1024 });
    const blob = containerViaProxy(proxy.url).getBlobClient("always-cut.bin");
    const response = await blob.download(0, undefined, { maxRetryRequests: 2 });
    await expect(drain(response.readableStreamBody!)).rejects.toThrow();
    expect(proxy.gets).toHaveLength(3);
    await proxy.close();
    proxy = undefined;
  });

  it("fails with ResourceModifiedError, not mixed bytes, when the blob changes mid-download", async () => {
    const original = container.getBlockBlobClient("changing.bin");
    await original.uploadData(randomBytes(2 * MiB));
    proxy = await startCuttingProxy(azurite().blobUrl, {
      cutAfter: (_req, index) => (index === 0 ? 512 * 1024 : undefined),
      beforeCut: async () => {
        await original.uploadData(randomBytes(2 * MiB));
      },
    });
    const blob = containerViaProxy(proxy.url).getBlobClient("changing.bin");
    const response = await blob.download();
    const error = await drain(response.readableStreamBody!).catch((e: unknown) => e);
    expect(isResourceModifiedError(error)).toBe(true);
    expect((error as { statusCode: number }).statusCode).toBe(412);
    await proxy.close();
    proxy = undefined;
  });

  it("resumes every parallel range of downloadToBuffer", async () => {
    const body = randomBytes(4 * MiB);
    await container.getBlockBlobClient("ranges-cut.bin").uploadData(body);
    // Cut every first attempt of each range (even requests), serve the resumptions.
    const seenRanges = new Set<string>();
    proxy = await startCuttingProxy(azurite().blobUrl, {
      cutAfter: (req) => {
        const range = req.headers["x-ms-range"] as string | undefined;
        // Only first attempts start on a block boundary; resumptions start mid-block.
        const start = Number(/bytes=(\d+)-/.exec(range ?? "")?.[1] ?? -1);
        if (!range || start % MiB !== 0 || seenRanges.has(range)) return undefined;
        seenRanges.add(range);
        return 64 * 1024;
      },
    });
    const blob = containerViaProxy(proxy.url).getBlobClient("ranges-cut.bin");
    const back = await blob.downloadToBuffer(0, undefined, { blockSize: MiB, concurrency: 4 });
    expect(md5(back)).toBe(md5(body));
    expect(proxy.gets.filter((g) => g.cut).length).toBeGreaterThanOrEqual(4);
  });

  it("resumes every parallel range of downloadToFile mid-write, each byte at its place", async () => {
    await proxy?.close();
    const body = randomBytes(8 * MiB);
    await container.getBlockBlobClient("file-ranges-cut.bin").uploadData(body);
    // Ranges of 3 MiB are written in batches of 1 MiB: cut each first attempt after a batch
    // went to disk and partway into the next, so the resumption continues a half-gathered batch.
    const blockSize = 3 * MiB;
    const cutAt = MiB + 512 * 1024 + 1001;
    const seenRanges = new Set<string>();
    proxy = await startCuttingProxy(azurite().blobUrl, {
      cutAfter: (req) => {
        const range = req.headers["x-ms-range"] as string | undefined;
        const start = Number(/bytes=(\d+)-/.exec(range ?? "")?.[1] ?? -1);
        if (!range || start % blockSize !== 0 || seenRanges.has(range)) return undefined;
        seenRanges.add(range);
        return cutAt;
      },
    });
    const path = join(mkdtempSync(join(tmpdir(), "azkit-resume-")), "out.bin");
    try {
      await containerViaProxy(proxy.url)
        .getBlobClient("file-ranges-cut.bin")
        .downloadToFile(path, 0, undefined, { blockSize, concurrency: 3 });
      expect(md5(readFileSync(path))).toBe(md5(body));
      expect(proxy.gets.filter((g) => g.cut)).toHaveLength(3);
      const resumes = proxy.gets.filter((g) => !g.cut).map((g) => g.range);
      expect(resumes.sort()).toEqual(
        [0, 3, 6].map((m) => `bytes=${m * MiB + cutAt}-${Math.min((m + 3) * MiB, 8 * MiB) - 1}`).sort(),
      );
    } finally {
      rmSync(dirname(path), { recursive: true, force: true });
    }
  });
});
