// Block uploads: one PUT up to the single-shot threshold, otherwise staged blocks in parallel and
// one commit. Sources are read in order, and a block's memory is taken only when a concurrency
// slot is free, so at most `blockSize x concurrency` bytes are held at once; a file's blocks are
// sent as ranges of the file (core-http reads them as the socket takes them), holding much less.
import { createHash, type Hash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import type { BlockBlobParallelUploadOptions } from "../models/blobModels.js";
import { createBlockIdFactory } from "./blockIds.js";
import { createFileRangeBody, guardProgressCallback } from "@azkit/core-http";
import { ConcurrencyLimit, validateConcurrency } from "./concurrencyLimit.js";
import { md5 } from "./md5.js";

export const DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
export const DEFAULT_SINGLE_SHOT = 256 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 5;
export const MAX_BLOCK_SIZE = 4000 * 1024 * 1024;
export const MAX_BLOCKS = 50_000;

/** A block sent as a range of a file: a body factory each attempt reads from the file again. */
export interface FileRangeBlock {
  readonly byteLength: number;
  readonly body: () => NodeJS.ReadableStream;
}

/** What the engine needs from a block blob client. */
export interface BlockSink {
  stageBlock(
    blockId: string,
    data: Uint8Array | FileRangeBlock,
    blockMD5: Uint8Array | undefined,
    onBytes: (n: number) => void,
  ): Promise<void>;
  commit(blockIds: string[], blobMD5: Uint8Array | undefined): Promise<unknown>;
}

/**
 * Reads the next block (undefined at the end); `release` hands a block's memory back once it was
 * sent, so readers can reuse at most `concurrency` buffers instead of allocating one per block.
 */
interface BlockReader {
  read(): Promise<Uint8Array | FileRangeBlock | undefined>;
  release?(block: Uint8Array): void;
}

/** Buffers of one size, reused: a block's buffer returns here when the block was sent. */
class BufferPool {
  readonly #free: Buffer[] = [];
  readonly #owners = new WeakMap<Uint8Array, Buffer>();
  constructor(readonly size: number) {}
  take(): Buffer {
    return this.#free.pop() ?? Buffer.allocUnsafe(this.size);
  }
  /** Marks `view` (the whole buffer or its head) as backed by `buffer`. */
  lend(buffer: Buffer, view: Uint8Array): Uint8Array {
    this.#owners.set(view, buffer);
    return view;
  }
  give(view: Uint8Array): void {
    const owner = this.#owners.get(view);
    if (owner) this.#free.push(owner);
  }
}

export function validateBlockSize(blockSize: number): void {
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
    throw new RangeError(`blockSize must be an integer in [1, ${MAX_BLOCK_SIZE}], got ${blockSize}`);
  }
}

/**
 * Checks, before the first byte is sent, that `size` bytes fit in the service's 50,000 blocks of
 * `blockSize` (a size known up front: buffers and files).
 */
export function validateBlockCount(size: number, blockSize: number, where: string): void {
  const blocks = Math.ceil(size / blockSize);
  if (blocks > MAX_BLOCKS) {
    throw new RangeError(
      `${where}: ${size} bytes in blocks of ${blockSize} bytes need ${blocks} blocks; a blob has at most ${MAX_BLOCKS}. Use blockSize >= ${Math.ceil(size / MAX_BLOCKS)}.`,
    );
  }
}

/** Turns what `uploadData` accepts into bytes (views, no copies); anything else is a TypeError. */
export function toUploadBytes(data: unknown, where: string): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (
    data instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== "undefined" && data instanceof SharedArrayBuffer)
  ) {
    return new Uint8Array(data);
  }
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const given = data === null ? "null" : Array.isArray(data) ? "an array" : typeof data;
  throw new TypeError(
    `${where}: data must be a Buffer, Uint8Array, ArrayBuffer or ArrayBufferView (upload strings with upload(text, Buffer.byteLength(text))); got ${given}.`,
  );
}

/** Stages blocks from `read` with bounded memory, then commits them in order. */
export async function stageAndCommit(
  reader: BlockReader,
  sink: BlockSink,
  options: BlockBlobParallelUploadOptions,
): Promise<unknown> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  validateConcurrency(concurrency, "upload");
  const limit = new ConcurrencyLimit(concurrency);
  const onProgress = guardProgressCallback(options.onProgress, "upload");
  const blockId = createBlockIdFactory();
  const ids: string[] = [];
  const running = new Set<Promise<void>>();
  const wholeHash: Hash | undefined = options.computeMD5 ? createHash("md5") : undefined;
  let failure: { error: unknown } | undefined;
  let loaded = 0;
  const onBytes = (n: number): void => {
    loaded += n;
    onProgress?.({ loadedBytes: loaded });
  };
  for (let index = 0; ; index++) {
    await limit.acquire();
    if (failure) {
      limit.release();
      break;
    }
    let data: Uint8Array | FileRangeBlock | undefined;
    try {
      data = await reader.read();
    } catch (error) {
      limit.release();
      failure ??= { error };
      break;
    }
    if (!data) {
      limit.release();
      break;
    }
    if (index >= MAX_BLOCKS) {
      limit.release();
      failure ??= {
        error: new RangeError(`The upload needs more than ${MAX_BLOCKS} blocks; raise blockSize`),
      };
      break;
    }
    // Only bytes in memory are hashed: readers give file ranges only without computeMD5.
    const bytes = data instanceof Uint8Array ? data : undefined;
    if (bytes) wholeHash?.update(bytes);
    const id = blockId(index);
    ids.push(id);
    const block = data;
    const task = sink
      .stageBlock(id, block, options.computeMD5 && bytes ? md5(bytes) : undefined, onBytes)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        if (bytes) reader.release?.(bytes);
        limit.release();
        running.delete(task);
      });
    running.add(task);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  return sink.commit(ids, wholeHash ? new Uint8Array(wholeHash.digest()) : undefined);
}

/** Blocks of an in-memory buffer (views, no copies). */
export function bufferReader(data: Uint8Array, blockSize: number): BlockReader {
  let offset = 0;
  return {
    async read() {
      if (offset >= data.byteLength) return undefined;
      const block = data.subarray(offset, Math.min(offset + blockSize, data.byteLength));
      offset += block.byteLength;
      return block;
    },
  };
}

/** Blocks of a file, each read into a fresh buffer when its slot is free. */
export function fileReader(file: FileHandle, size: number, blockSize: number): BlockReader {
  const pool = new BufferPool(blockSize);
  let offset = 0;
  return {
    async read() {
      if (offset >= size) return undefined;
      const length = Math.min(blockSize, size - offset);
      const buffer = pool.take();
      let read = 0;
      while (read < length) {
        const { bytesRead } = await file.read(buffer, read, length - read, offset + read);
        if (bytesRead === 0) throw new Error(`The file ended at ${offset + read} bytes, expected ${size}`);
        read += bytesRead;
      }
      offset += length;
      return pool.lend(buffer, length === blockSize ? buffer : buffer.subarray(0, length));
    },
    release: (block) => pool.give(block),
  };
}

/** Blocks of a file as ranges of it: nothing is read until a block's request sends it. */
export function fileRangeReader(file: FileHandle, size: number, blockSize: number): BlockReader {
  let offset = 0;
  return {
    async read() {
      if (offset >= size) return undefined;
      const byteLength = Math.min(blockSize, size - offset);
      const body = createFileRangeBody(file, offset, byteLength);
      offset += byteLength;
      return { byteLength, body };
    },
  };
}

/**
 * Blocks of a stream: chunks are gathered into one block buffer of `blockSize` (the last may be
 * shorter); the stream is paused while no slot is free, which is what bounds memory.
 */
export function streamReader(stream: NodeJS.ReadableStream, blockSize: number): BlockReader {
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const pool = new BufferPool(blockSize);
  let pending: Buffer | undefined;
  let ended = false;
  const read = async (): Promise<Uint8Array | undefined> => {
    if (ended && !pending) return undefined;
    const block = pool.take();
    let filled = 0;
    while (filled < blockSize) {
      if (!pending) {
        if (ended) break;
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          break;
        }
        pending = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
        if (pending.length === 0) {
          pending = undefined;
          continue;
        }
      }
      const take = Math.min(pending.length, blockSize - filled);
      pending.copy(block, filled, 0, take);
      filled += take;
      pending = take === pending.length ? undefined : pending.subarray(take);
    }
    if (filled === 0) {
      pool.give(pool.lend(block, block));
      return undefined;
    }
    return pool.lend(block, filled === blockSize ? block : block.subarray(0, filled));
  };
  return { read, release: (block) => pool.give(block) };
}
