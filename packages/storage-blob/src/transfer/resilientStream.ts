// A download body that survives an early end, a reset or a read timeout: it reopens the rest of
// the range (the caller pins the reopen to the first response's ETag with If-Match and checks the
// answer covers exactly the bytes asked for), so a changed blob surfaces as the reopen's
// ResourceModifiedError and a misplaced range as UNEXPECTED_RANGE, never as mixed bytes.
import { Readable } from "node:stream";
import { guardProgressCallback } from "@azkit/core-http";
import { incompleteBody, resumeOrFail } from "./resumeDecision.js";

/** How to resume: open the bytes from `offset` to the end of the original range. */
export interface ResilientStreamOptions {
  /** What is downloaded, for messages: `Blob.download photos/cat.jpg`. */
  what: string;
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

/** The body's chunks, resuming after breaks; what both the stream and the parallel engine read. */
export function resilientChunks(
  first: NodeJS.ReadableStream,
  options: ResilientStreamOptions,
): AsyncGenerator<Buffer> {
  const { what, start, length, reopen, maxRetryRequests, abortSignal } = options;
  const onProgress = guardProgressCallback(options.onProgress, what);
  async function* bytes(): AsyncGenerator<Buffer> {
    let source: NodeJS.ReadableStream | undefined = first;
    let delivered = 0;
    let reopens = 0;
    for (;;) {
      try {
        if (source === undefined) source = await reopen(start + delivered);
        for await (const chunk of source as AsyncIterable<Buffer>) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          delivered += buf.length;
          yield buf;
          onProgress?.({ loadedBytes: delivered });
        }
        if (delivered >= length) return;
        throw incompleteBody(what, delivered, length);
      } catch (error) {
        const fatal = resumeOrFail(error, {
          what,
          start,
          length,
          delivered,
          reopens,
          maxRetryRequests,
          abortSignal,
        });
        if (fatal !== undefined) throw fatal;
        reopens++;
        (source as Readable | undefined)?.destroy?.();
        source = undefined;
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
