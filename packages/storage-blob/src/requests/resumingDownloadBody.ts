// The body `download()` hands over: the response's own bytes, passed on chunk by chunk, that
// resumes after an early end, a reset or a read timeout by reopening the rest of the range (the
// caller pins the reopen to the first response's ETag and checks the range, so a changed blob is
// the reopen's ResourceModifiedError and a misplaced range UNEXPECTED_RANGE, never mixed bytes).
// A Readable fed by the source's events, not an async generator behind `Readable.from`: a small
// download then costs two streams instead of a stream, two async iterators and a promise per chunk.
import { Readable } from "node:stream";
import { guardProgressCallback } from "@azkit/core-http";
import type { RangeBodyOptions } from "../transfer/rangeBody.js";
import { incompleteBody, resumeOrFail } from "../transfer/resumeDecision.js";

type Source = NodeJS.ReadableStream & { destroy?(error?: Error): void };

/** Where the body is and how to resume it, as for a range of the parallel engine, plus progress. */
export interface ResumingDownloadBodyOptions extends RangeBodyOptions {
  /** Called with the bytes delivered so far, after each chunk. */
  onProgress?: (progress: { loadedBytes: number }) => void;
}

export class ResumingDownloadBody extends Readable {
  readonly #options: ResumingDownloadBodyOptions;
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
    this.#onBreak(incompleteBody(what, this.#delivered, length));
  };
  readonly #onError = (error: unknown): void => {
    this.#onBreak(error);
  };

  constructor(first: NodeJS.ReadableStream, options: ResumingDownloadBodyOptions) {
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
    const { start, reopen } = this.#options;
    const source = this.#source;
    this.#detach();
    const fatal = resumeOrFail(error, {
      ...this.#options,
      delivered: this.#delivered,
      reopens: this.#reopens,
    });
    if (fatal !== undefined) {
      this.destroy(fatal as Error);
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
