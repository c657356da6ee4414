import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { isAbortError } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobIntegrityError, type ContainerClient } from "../../src/index.js";
import { newContainer } from "../helpers/azurite.js";

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;
let container: ContainerClient;
let data: Buffer;
let dir: string;
let sourceFile: string;
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");

beforeAll(async () => {
  container = await newContainer("xfer");
  data = randomBytes(SIZE);
  dir = await mkdtemp(join(tmpdir(), "azkit-blob-"));
  sourceFile = join(dir, "source.bin");
  await writeFile(sourceFile, data);
});
afterAll(async () => {
  await container.deleteIfExists();
  await rm(dir, { recursive: true, force: true });
});

describe("64 MiB round trips with concurrency 4", () => {
  it("uploadData in blocks, downloadToBuffer in parallel ranges: byte-identical, with progress", async () => {
    const blob = container.getBlockBlobClient("by-buffer.bin");
    const upProgress: number[] = [];
    await blob.uploadData(data, {
      blockSize: 4 * MiB,
      maxSingleShotSize: 8 * MiB,
      concurrency: 4,
      onProgress: (p) => upProgress.push(p.loadedBytes),
    });
    expect(upProgress.at(-1)).toBe(SIZE);
    expect(upProgress).toEqual([...upProgress].sort((a, b) => a - b));
    const blocks = await blob.getBlockList("committed");
    expect(blocks.committedBlocks).toHaveLength(16);
    const downProgress: number[] = [];
    const back = await blob.downloadToBuffer(0, undefined, {
      blockSize: 4 * MiB,
      concurrency: 4,
      onProgress: (p) => downProgress.push(p.loadedBytes),
    });
    expect(back.length).toBe(SIZE);
    expect(md5(back)).toBe(md5(data));
    expect(downProgress.at(-1)).toBe(SIZE);
  });

  it("uploadFile and downloadToFile: byte-identical, with per-block and whole-blob MD5", async () => {
    const blob = container.getBlockBlobClient("by-file.bin");
    await blob.uploadFile(sourceFile, {
      blockSize: 8 * MiB,
      maxSingleShotSize: 1 * MiB,
      concurrency: 4,
      computeMD5: true,
    });
    const props = await blob.getProperties();
    expect(Buffer.from(props.contentMD5!).toString("hex")).toBe(md5(data));
    const target = join(dir, "target.bin");
    await blob.downloadToFile(target, 0, undefined, { blockSize: 4 * MiB, concurrency: 4, verifyMD5: true });
    expect(md5(await readFile(target))).toBe(md5(data));
  });

  it("uploadFile without computeMD5, uneven last block: byte-identical, with progress", async () => {
    const blob = container.getBlockBlobClient("by-file-streamed.bin");
    const progress: number[] = [];
    // 7 MiB blocks: the last block (1 MiB) is shorter, so each block's Content-Length is its own.
    await blob.uploadFile(sourceFile, {
      blockSize: 7 * MiB,
      maxSingleShotSize: 1 * MiB,
      concurrency: 4,
      onProgress: (p) => progress.push(p.loadedBytes),
    });
    expect(progress.at(-1)).toBe(SIZE);
    const blocks = await blob.getBlockList("committed");
    expect(blocks.committedBlocks?.map((b) => b.size)).toEqual([...Array(9).fill(7 * MiB), 1 * MiB]);
    expect(md5(await blob.downloadToBuffer(0, undefined, { blockSize: 8 * MiB, concurrency: 4 }))).toBe(
      md5(data),
    );
  });

  it("uploadFile in one PUT (up to maxSingleShotSize): byte-identical, with progress", async () => {
    const blob = container.getBlockBlobClient("by-file-single-shot.bin");
    const progress: number[] = [];
    await blob.uploadFile(sourceFile, {
      maxSingleShotSize: SIZE,
      onProgress: (p) => progress.push(p.loadedBytes),
    });
    expect(progress.at(-1)).toBe(SIZE);
    expect((await blob.getBlockList("committed")).committedBlocks).toEqual([]);
    expect(md5(await blob.downloadToBuffer(0, undefined, { blockSize: 8 * MiB, concurrency: 4 }))).toBe(
      md5(data),
    );
  });

  it("uploadFile in blocks stops on abort with an AbortError and commits nothing", async () => {
    const blob = container.getBlockBlobClient("by-file-aborted.bin");
    const controller = new AbortController();
    const error = await blob
      .uploadFile(sourceFile, {
        blockSize: 4 * MiB,
        maxSingleShotSize: 1 * MiB,
        concurrency: 2,
        abortSignal: controller.signal,
        onProgress: (p) => {
          if (p.loadedBytes > 2 * MiB) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(await blob.exists()).toBe(false);
  });

  it("uploadStream from a file stream, download as one resilient stream: byte-identical", async () => {
    const blob = container.getBlockBlobClient("by-stream.bin");
    await blob.uploadStream(createReadStream(sourceFile, { highWaterMark: 256 * 1024 }), 4 * MiB, 4);
    const response = await blob.download();
    const hash = createHash("md5");
    let length = 0;
    for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) {
      hash.update(chunk);
      length += chunk.length;
    }
    expect(length).toBe(SIZE);
    expect(hash.digest("hex")).toBe(md5(data));
  });
});

describe("uploadStream memory bound", () => {
  it("never holds more than blockSize x concurrency bytes read from the stream but not yet sent", async () => {
    const blockSize = 256 * 1024;
    const concurrency = 3;
    let produced = 0;
    let maxAhead = 0;
    const blob = container.getBlockBlobClient("bounded.bin");
    let sent = 0;
    const source = new Readable({
      read() {
        if (produced >= 8 * MiB) return this.push(null);
        produced += 64 * 1024;
        maxAhead = Math.max(maxAhead, produced - sent);
        this.push(Buffer.alloc(64 * 1024, 7));
      },
      highWaterMark: 64 * 1024,
    });
    await blob.uploadStream(source, blockSize, concurrency, {
      onProgress: (p) => {
        sent = p.loadedBytes;
      },
    });
    expect((await blob.getProperties()).contentLength).toBe(8 * MiB);
    // Read-ahead: the blocks in flight plus the stream's own small buffers.
    expect(maxAhead).toBeLessThanOrEqual(blockSize * concurrency + 4 * 64 * 1024);
  });
});

describe("integrity on download", () => {
  it("fails with BlobIntegrityError when the stored MD5 does not match the bytes", async () => {
    const blob = container.getBlockBlobClient("lying-md5.bin");
    const body = randomBytes(1 * MiB);
    await blob.uploadData(body);
    await blob.setHTTPHeaders({ blobContentMD5: new Uint8Array(createHash("md5").update("other").digest()) });
    const error = await blob.downloadToBuffer(0, undefined, { verifyMD5: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobIntegrityError);
    expect((error as BlobIntegrityError).code).toBe("Md5Mismatch");
    // Without verification the same bytes are returned.
    expect(md5(await blob.downloadToBuffer())).toBe(md5(body));
  });

  it("verifies range MD5s (rangeGetContentMD5) on parallel ranges of up to 4 MiB", async () => {
    const blob = container.getBlockBlobClient("range-md5.bin");
    const body = randomBytes(3 * MiB + 17);
    await blob.uploadData(body, { maxSingleShotSize: 1, blockSize: MiB });
    const back = await blob.downloadToBuffer(0, undefined, {
      blockSize: MiB,
      concurrency: 4,
      verifyMD5: true,
    });
    expect(md5(back)).toBe(md5(body));
  });

  it("downloads a sub-range into a given buffer", async () => {
    const blob = container.getBlockBlobClient("range.bin");
    const body = randomBytes(100_000);
    await blob.uploadData(body);
    const target = Buffer.alloc(50_000);
    await blob.downloadToBuffer(target, 25_000, 50_000, { blockSize: 7_000, concurrency: 4 });
    expect(target.equals(body.subarray(25_000, 75_000))).toBe(true);
  });

  it("downloads an empty blob to an empty buffer", async () => {
    const blob = container.getBlockBlobClient("empty.bin");
    await blob.uploadData(new Uint8Array(0));
    expect((await blob.downloadToBuffer()).length).toBe(0);
  });
});

describe("abortSignal", () => {
  it("rejects an upload whose signal is already aborted without sending it", async () => {
    const blob = container.getBlockBlobClient("never.bin");
    const error = await blob
      .uploadData(data.subarray(0, 20 * MiB), { abortSignal: AbortSignal.abort(), maxSingleShotSize: MiB })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(await blob.exists()).toBe(false);
  });

  it("stops a parallel download when aborted on its first progress event", async () => {
    const blob = container.getBlockBlobClient("by-buffer.bin");
    const controller = new AbortController();
    const error = await blob
      .downloadToBuffer(0, undefined, {
        blockSize: MiB,
        concurrency: 2,
        abortSignal: controller.signal,
        onProgress: () => controller.abort(),
      })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});

describe("download with rangeGetContentMD5", () => {
  it("verifies the range's MD5 while streaming", async () => {
    const blob = container.getBlockBlobClient("range-md5-stream.bin");
    const body = randomBytes(3 * MiB);
    await blob.uploadData(body);
    const response = await blob.download(MiB, MiB, { rangeGetContentMD5: true });
    expect(response.contentMD5).toBeDefined();
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(body.subarray(MiB, 2 * MiB))).toBe(true);
  });
});
