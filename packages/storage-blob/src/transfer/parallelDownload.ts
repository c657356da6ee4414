// Parallel ranged downloads into a buffer or a file. Every range is pinned to the ETag seen
// first, so a blob that changes mid-download fails with ResourceModifiedError instead of mixing
// old and new bytes; every range body resumes itself (rangeBody) after a break.
import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import type { BlobGetPropertiesResponse, BlobDownloadToBufferOptions } from "../models/blobModels.js";
import { assertMD5, md5OfFile } from "./md5.js";
import { guardProgressCallback } from "@azkit/core-http";
import { validateRange } from "../requests/rangeHeaders.js";
import { runInParallel, validateConcurrency } from "./concurrencyLimit.js";
import { RangeFileWriter } from "./rangeFileWriter.js";
import { type RangeSink, readRangeBody } from "./rangeBody.js";

const DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
const DEFAULT_CONCURRENCY = 5;
/** The service returns a range MD5 only for ranges up to 4 MiB. */
const MAX_RANGE_MD5 = 4 * 1024 * 1024;

/** What the engine needs from a blob client. */
export interface RangeSource {
  name: string;
  getProperties(): Promise<BlobGetPropertiesResponse>;
  openRange(
    start: number,
    length: number,
    etag: string,
    withMD5: boolean,
  ): Promise<{ body: NodeJS.ReadableStream; contentMD5?: Uint8Array }>;
}

interface Plan {
  properties: BlobGetPropertiesResponse;
  offset: number;
  count: number;
  blockSize: number;
  ranges: number;
  withRangeMD5: boolean;
  wholeBlob: boolean;
}

async function plan(
  source: RangeSource,
  offset: number,
  count: number | undefined,
  options: BlobDownloadToBufferOptions,
): Promise<Plan> {
  validateRange(offset, count, "BlobClient.downloadToBuffer/downloadToFile");
  validateConcurrency(
    options.concurrency ?? DEFAULT_CONCURRENCY,
    "BlobClient.downloadToBuffer/downloadToFile",
  );
  const blockSizeOption = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  if (!Number.isSafeInteger(blockSizeOption) || blockSizeOption < 1) {
    throw new RangeError(
      `BlobClient.downloadToBuffer/downloadToFile: blockSize must be an integer >= 1; got ${blockSizeOption}.`,
    );
  }
  const properties = await source.getProperties();
  const size = properties.contentLength ?? 0;
  const end = count === undefined ? size : Math.min(size, offset + count);
  const total = Math.max(0, end - offset);
  const blockSize = blockSizeOption;
  return {
    properties,
    offset,
    count: total,
    blockSize,
    ranges: Math.ceil(total / blockSize),
    withRangeMD5: options.verifyMD5 === true && blockSize <= MAX_RANGE_MD5,
    wholeBlob: offset === 0 && total === size,
  };
}

/**
 * Streams one range into `sink(chunk, positionInRange)`, resuming breaks, and checks the range
 * MD5 when asked for; `flush` runs once the whole range was taken.
 */
async function copyRange(
  source: RangeSource,
  p: Plan,
  index: number,
  options: BlobDownloadToBufferOptions,
  onBytes: (n: number) => void,
  sink: RangeSink,
  flush?: () => Promise<void>,
): Promise<void> {
  const start = p.offset + index * p.blockSize;
  const length = Math.min(p.blockSize, p.offset + p.count - start);
  const etag = p.properties.etag ?? "*";
  const what = `Blob.download ${source.name} bytes ${start}-${start + length - 1}`;
  const first = await source.openRange(start, length, etag, p.withRangeMD5);
  const hash = p.withRangeMD5 && first.contentMD5 ? createHash("md5") : undefined;
  await readRangeBody(
    first.body,
    {
      what,
      start,
      length,
      maxRetryRequests: options.maxRetryRequestsPerBlock ?? 5,
      abortSignal: options.abortSignal as AbortSignal | undefined,
      reopen: async (from) => (await source.openRange(from, start + length - from, etag, false)).body,
    },
    (chunk, position) => {
      hash?.update(chunk);
      const wait = sink(chunk, position);
      onBytes(chunk.length);
      return wait;
    },
  );
  await flush?.();
  if (hash && first.contentMD5) {
    assertMD5(
      first.contentMD5,
      new Uint8Array(hash.digest()),
      `download of ${source.name} bytes ${start}-${start + length - 1}`,
    );
  }
}

function progress(options: BlobDownloadToBufferOptions): (n: number) => void {
  let loaded = 0;
  const onProgress = guardProgressCallback(options.onProgress, "download");
  return (n) => {
    loaded += n;
    onProgress?.({ loadedBytes: loaded });
  };
}

export async function downloadRangesToBuffer(
  source: RangeSource,
  offset: number,
  count: number | undefined,
  options: BlobDownloadToBufferOptions,
  given?: Buffer,
): Promise<Buffer> {
  const p = await plan(source, offset, count, options);
  if (given && given.length < p.count) {
    throw new RangeError(`downloadToBuffer: the buffer holds ${given.length} bytes, the range is ${p.count}`);
  }
  const buffer = given ?? Buffer.allocUnsafe(p.count);
  const onBytes = progress(options);
  await runInParallel(p.ranges, options.concurrency ?? DEFAULT_CONCURRENCY, (index) => {
    const base = index * p.blockSize;
    return copyRange(source, p, index, options, onBytes, (chunk, position) => {
      chunk.copy(buffer, base + position);
      return undefined;
    });
  });
  if (options.verifyMD5 && p.wholeBlob && p.properties.contentMD5) {
    const actual = new Uint8Array(createHash("md5").update(buffer.subarray(0, p.count)).digest());
    assertMD5(p.properties.contentMD5, actual, `download of ${source.name}`);
  }
  return given ?? buffer;
}

export async function downloadRangesToFile(
  source: RangeSource,
  offset: number,
  count: number | undefined,
  options: BlobDownloadToBufferOptions,
  file: FileHandle,
  filePath: string,
): Promise<BlobGetPropertiesResponse> {
  const p = await plan(source, offset, count, options);
  const onBytes = progress(options);
  await runInParallel(p.ranges, options.concurrency ?? DEFAULT_CONCURRENCY, (index) => {
    const writer = new RangeFileWriter(file, index * p.blockSize);
    return copyRange(source, p, index, options, onBytes, writer.write, writer.flush);
  });
  if (options.verifyMD5 && p.wholeBlob && p.properties.contentMD5) {
    await file.sync();
    assertMD5(p.properties.contentMD5, await md5OfFile(filePath), `download of ${source.name}`);
  }
  return p.properties;
}
