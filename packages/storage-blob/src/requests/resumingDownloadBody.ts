// The body `download()` hands over: the response's own bytes, passed on chunk by chunk, that
// resumes after an early end, a reset or a read timeout by reopening the rest of the range (the
// caller pins the reopen to the first response's ETag and checks the range, so a changed blob is
// the reopen's ResourceModifiedError and a misplaced range UNEXPECTED_RANGE, never mixed bytes).
// A Readable fed by the source's events, not an async generator behind `Readable.from`: a small
// download then costs two streams instead of a stream, two async iterators and a promise per chunk.
import { Readable } from "node:stream";
import { AbortError, guardProgressCallback, isAbortError, ServiceResponseError } from "@azkit/core-http";
import type { ResilientStreamOptions } from "../transfer/resilientStream.js";
import { UNEXPECTED_RANGE } from "./rangeResponse.js";

type Source = NodeJS.ReadableStream & { destroy?(error?: Error): void };

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | undefined)?.code as string | undefined;
}

export class ResumingDownloadBody extends Readable {
  readonly #options: ResilientStreamOptions;
  readonly #onProgress: ((progress: { loadedBytes: number }) => void) | undefined;
  #source: Source | undefined;
  #delivered = 0;
  #reopens = 0;
  readonly #onData = (chunk: Buffer | string): void => {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.#delivered += buffer.length;
    if (!this.push(buffer)) this.#source?.pause();
    this.#onProgress?.({ loadedBytes: this.#delivered });
  };
  readonly #onEnd = (): void => {
    if (this.#delivered >= this.#options.length) {
      this.#detach();
      this.push(null);
      return;
    }
    const { what, length } = this.#options;
    this.#onBreak(
      new ServiceResponseError(
        `${what}: the body ended after ${this.#delivered} of ${length} bytes (INCOMPLETE_BODY).`,
        { code: "INCOMPLETE_BODY" },
      ),
    );
  };
  readonly #onError = (error: unknown): void => {
    this.#onBreak(error);
  };

  constructor(first: NodeJS.ReadableStream, options: ResilientStreamOptions) {
    super();
    this.#options = options;
    this.#onProgress = guardProgressCallback(options.onProgress, options.what);
    this.#attach(first as Source);
  }

  override _read(): void {
    this.#source?.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const source = this.#source;
    this.#detach();
    source?.destroy?.();
    callback(error);
  }

  #attach(source: Source): void {
    this.#source = source;
    source.on("data", this.#onData);
    source.on("end", this.#onEnd);
    source.on("error", this.#onError);
  }

  #detach(): void {
    const source = this.#source;
    if (source === undefined) return;
    this.#source = undefined;
    source.off("data", this.#onData);
    source.off("end", this.#onEnd);
    source.off("error", this.#onError);
    // A late error of a source given up must not become an uncaught exception.
    source.on("error", ignore);
  }

  /** One break of the body: resume from where it stopped, or end the stream with the error. */
  #onBreak(error: unknown): void {
    const { what, start, length, reopen, maxRetryRequests, abortSignal } = this.#options;
    const source = this.#source;
    this.#detach();
    if (abortSignal?.aborted || isAbortError(error)) {
      this.destroy(
        isAbortError(error) ? error : new AbortError(`${what} was aborted.`, { cause: abortSignal?.reason }),
      );
      return;
    }
    // A break of the body, or a resume answered with other bytes, counts as one resume; any other
    // failure of a resume (412: the blob changed) is final.
    const breakOff = error instanceof ServiceResponseError;
    if (!breakOff || this.#reopens >= maxRetryRequests) {
      if (!breakOff || codeOf(error) === UNEXPECTED_RANGE) {
        this.destroy(error as Error);
        return;
      }
      this.destroy(
        new ServiceResponseError(
          `${what}: the body broke off ${this.#reopens + 1} times, at byte ${start + this.#delivered} of ${start}-${start + length - 1} last, and ${maxRetryRequests} resumes (maxRetryRequests) did not finish it: ${(error as Error).message}`,
          { code: codeOf(error) ?? "ECONNRESET", cause: error },
        ),
      );
      return;
    }
    this.#reopens++;
    source?.destroy?.();
    reopen(start + this.#delivered).then(
      (next) => {
        if (this.destroyed) (next as Source).destroy?.();
        else this.#attach(next as Source);
      },
      (reopenError: unknown) => this.#onBreak(reopenError),
    );
  }
}

function ignore(): void {}
