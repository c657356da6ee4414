// A download body that survives an early end, a reset or a read timeout: it reopens the rest of
// the range (the caller pins the reopen to the first response's ETag with If-Match and checks the
// answer covers exactly the bytes asked for), so a changed blob surfaces as the reopen's
// ResourceModifiedError and a misplaced range as UNEXPECTED_RANGE, never as mixed bytes.
import type { Readable } from "node:stream";
import { AbortError, guardProgressCallback, isAbortError, ServiceResponseError } from "@azkit/core-http";
import { UNEXPECTED_RANGE } from "../requests/rangeResponse.js";

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

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | undefined)?.code as string | undefined;
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
        throw new ServiceResponseError(
          `${what}: the body ended after ${delivered} of ${length} bytes (INCOMPLETE_BODY).`,
          { code: "INCOMPLETE_BODY" },
        );
      } catch (error) {
        if (abortSignal?.aborted || isAbortError(error)) {
          throw isAbortError(error)
            ? error
            : new AbortError(`${what} was aborted.`, { cause: abortSignal?.reason });
        }
        // A break of the body, or a resume answered with other bytes, counts as one resume; any
        // other failure of a resume (412: the blob changed) is final.
        const breakOff = error instanceof ServiceResponseError;
        if (!breakOff || reopens >= maxRetryRequests) {
          if (!breakOff || codeOf(error) === UNEXPECTED_RANGE) throw error;
          throw new ServiceResponseError(
            `${what}: the body broke off ${reopens + 1} times, at byte ${start + delivered} of ${start}-${start + length - 1} last, and ${maxRetryRequests} resumes (maxRetryRequests) did not finish it: ${(error as Error).message}`,
            { code: codeOf(error) ?? "ECONNRESET", cause: error },
          );
        }
        reopens++;
        (source as Readable | undefined)?.destroy?.();
        source = undefined;
      }
    }
  }
  return bytes();
}
