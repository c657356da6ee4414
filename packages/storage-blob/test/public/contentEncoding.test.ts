import { createHash, randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { PipelinePolicy } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobServiceClient, type ContainerClient, StorageSharedKeyCredential } from "../../src/index.js";
import { azurite, uniqueName } from "../helpers/azurite.js";

// A blob stored with Content-Encoding: gzip is opaque bytes to the client, as in
// @azure/storage-blob: downloads hand over what was stored, so lengths, ranges and MD5s agree.
const KiB = 1024;
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest();
let container: ContainerClient;
let gzipped: Buffer;
const acceptEncodings: (string | undefined)[] = [];

const recordAcceptEncoding: PipelinePolicy = {
  name: "recordAcceptEncoding",
  sendRequest(request, next) {
    if (request.method === "GET") acceptEncodings.push(request.headers.get("accept-encoding"));
    return next(request);
  },
};

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  const { blobUrl, accountName, accountKey } = azurite();
  const service = new BlobServiceClient(blobUrl, new StorageSharedKeyCredential(accountName, accountKey), {
    retryTotal: 0,
    additionalPolicies: [{ policy: recordAcceptEncoding, position: "perRetry" }],
  });
  container = service.getContainerClient(uniqueName("gzip"));
  await container.create();
  // Half random (incompressible), half one repeated byte: the decoded body would be far longer.
  gzipped = gzipSync(Buffer.concat([randomBytes(160 * KiB), Buffer.alloc(640 * KiB, "a")]));
  const blob = container.getBlockBlobClient("stored.gz");
  await blob.uploadData(gzipped, {
    blobHTTPHeaders: {
      blobContentEncoding: "gzip",
      blobContentType: "text/plain",
      blobContentMD5: md5(gzipped),
    },
  });
});
afterAll(async () => {
  await container.deleteIfExists();
});

describe("a blob stored with Content-Encoding: gzip", () => {
  it("keeps its stored encoding and MD5", async () => {
    const properties = await container.getBlobClient("stored.gz").getProperties();
    expect(properties.contentEncoding).toBe("gzip");
    expect(properties.contentLength).toBe(gzipped.length);
    expect(Buffer.from(properties.contentMD5!)).toEqual(md5(gzipped));
  });

  it("downloadToBuffer in parallel ranges returns the stored gzip bytes, MD5s verified", async () => {
    const data = await container
      .getBlobClient("stored.gz")
      .downloadToBuffer(0, undefined, { blockSize: 64 * KiB, concurrency: 4, verifyMD5: true });
    expect(data.length).toBe(gzipped.length);
    expect(data.equals(gzipped)).toBe(true);
  });

  it("download streams the stored gzip bytes", async () => {
    const response = await container.getBlobClient("stored.gz").download();
    expect(response.contentEncoding).toBe("gzip");
    expect(response.contentLength).toBe(gzipped.length);
    expect((await readAll(response.readableStreamBody!)).equals(gzipped)).toBe(true);
  });

  it("a ranged download returns exactly that slice of the stored bytes, its MD5 verified", async () => {
    const response = await container
      .getBlobClient("stored.gz")
      .download(1000, 50 * KiB, { rangeGetContentMD5: true });
    expect(response.contentRange).toBe(`bytes 1000-${1000 + 50 * KiB - 1}/${gzipped.length}`);
    const slice = await readAll(response.readableStreamBody!);
    expect(slice.equals(gzipped.subarray(1000, 1000 + 50 * KiB))).toBe(true);
    expect(Buffer.from(response.contentMD5!)).toEqual(md5(slice));
  });

  it("is asked for without Accept-Encoding, so no transport decodes it", () => {
    expect(acceptEncodings.length).toBeGreaterThan(0);
    expect(acceptEncodings.filter((value) => value !== undefined)).toEqual([]);
  });
});
