// A download body that survives an early end, a reset or a read timeout: it reopens the rest of
// the range (the caller pins the reopen to the first response's ETag with If-Match), so a changed
// blob surfaces as the reopen's ResourceModifiedError instead of mixed bytes.
import { Readable } from "node:stream";

/** How to resume: open the bytes from `offset` to the end of the original range. */
export interface ResilientStreamOptions {
  /** First byte offset of the range the body covers. */
  start: number;
  /** Bytes the body must deliver in total. */
  length: number;
  /** Opens a fresh body from `offset`; throws the typed error when the blob changed. */
  reopen: (offset: number) => Promise<NodeJS.ReadableStream>;
  /** How many reopens are allowed before the error is passed on. */
  maxRetryRequests: number;
  /** Called with the bytes delivered so far, after each chunk. */
  onProgress?: (progress: { loadedBytes: number }) => void;
  abortSignal?: AbortSignal;
}

/** Thrown when the body keeps ending early after every allowed reopen. */
export class IncompleteBodyError extends Error {
  constructor(delivered: number, expected: number) {
    super(`The download body ended after ${delivered} of ${expected} bytes`);
    this.name = "IncompleteBodyError";
  }
}

/** The body's chunks, resuming after breaks; what both the stream and the parallel engine read. */
export function resilientChunks(
  first: NodeJS.ReadableStream,
  options: ResilientStreamOptions,
): AsyncGenerator<Buffer> {
  const { start, length, reopen, maxRetryRequests, onProgress, abortSignal } = options;
  async function* bytes(): AsyncGenerator<Buffer> {
    let source: NodeJS.ReadableStream = first;
    let delivered = 0;
    let reopens = 0;
    for (;;) {
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          delivered += buf.length;
          yield buf;
          onProgress?.({ loadedBytes: delivered });
        }
        if (delivered >= length) return;
        throw new IncompleteBodyError(delivered, length);
      } catch (error) {
        abortSignal?.throwIfAborted();
        if (reopens >= maxRetryRequests) throw error;
        reopens++;
        (source as Readable).destroy?.();
        source = await reopen(start + delivered);
      }
    }
  }
  return bytes();
}

export function createResilientStream(
  first: NodeJS.ReadableStream,
  options: ResilientStreamOptions,
): Readable {
  return Readable.from(resilientChunks(first, options), { objectMode: false });
}
