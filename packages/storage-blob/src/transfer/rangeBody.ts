// How the parallel engine reads one range body: every chunk goes to a synchronous sink straight
// from the stream's 'data' event (no promise or async-iterator step per ~64 KiB network chunk), the
// body pauses only while the sink asks it to, and a break resumes from the first byte the sink has
// not taken, under the same rule as the resumable `download()` stream (resumeDecision).
import { ServiceResponseError } from "@azkit/core-http";
import { UNEXPECTED_RANGE } from "../requests/rangeResponse.js";
import { incompleteBody, resumeOrFail } from "./resumeDecision.js";

/**
 * Takes `chunk`, the bytes at `position` of the range, before the next one arrives (copies it or
 * keeps it); returns a promise when the body must wait for it before reading on.
 */
export type RangeSink = (chunk: Buffer, position: number) => Promise<void> | undefined;

/** Where the range is and how to resume it. */
export interface RangeBodyOptions {
  /** What is downloaded, for messages: `Blob.download photos/cat.jpg bytes 0-99`. */
  what: string;
  /** First byte offset of the range in the blob. */
  start: number;
  /** Bytes the range holds. */
  length: number;
  /** Opens a fresh body from blob offset `offset` to the end of the range. */
  reopen: (offset: number) => Promise<NodeJS.ReadableStream>;
  /** How many reopens are allowed before the error is passed on. */
  maxRetryRequests: number;
  abortSignal?: AbortSignal;
}

/** Streams the range `first` begins into `sink`, resuming breaks; resolves once all of it was taken. */
export async function readRangeBody(
  first: NodeJS.ReadableStream,
  options: RangeBodyOptions,
  sink: RangeSink,
): Promise<void> {
  const { start } = options;
  const state = { delivered: 0 };
  let source: NodeJS.ReadableStream | undefined = first;
  let reopens = 0;
  for (;;) {
    try {
      if (source === undefined) source = await options.reopen(start + state.delivered);
      await drain(source, state, options, sink);
      return;
    } catch (error) {
      (source as { destroy?: () => void } | undefined)?.destroy?.();
      const fatal = resumeOrFail(error, { ...options, delivered: state.delivered, reopens });
      if (fatal !== undefined) throw fatal;
      reopens++;
      source = undefined;
    }
  }
}

/** Feeds one body to the sink; `state.delivered` counts what the sink took, also on failure. */
function drain(
  body: NodeJS.ReadableStream,
  state: { delivered: number },
  { what, start, length }: RangeBodyOptions,
  sink: RangeSink,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      body.off("data", onData);
      body.off("end", onEnd);
      body.off("error", onError);
      body.off("close", onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const resume = (): void => {
      if (!settled) body.resume();
    };
    function onData(data: Buffer | string): void {
      if (settled) return;
      const chunk = typeof data === "string" ? Buffer.from(data) : data;
      if (state.delivered + chunk.length > length) {
        settle(
          new ServiceResponseError(
            `${what}: the body runs past the ${length} bytes of bytes ${start}-${start + length - 1}; nothing past them was used (${UNEXPECTED_RANGE}).`,
            { code: UNEXPECTED_RANGE },
          ),
        );
        return;
      }
      let wait: Promise<void> | undefined;
      try {
        wait = sink(chunk, state.delivered);
      } catch (error) {
        settle(error);
        return;
      }
      state.delivered += chunk.length;
      if (wait !== undefined) {
        body.pause();
        wait.then(resume, settle);
      }
    }
    function onEnd(): void {
      settle(state.delivered >= length ? undefined : incompleteBody(what, state.delivered, length));
    }
    function onError(error: unknown): void {
      settle(error);
    }
    function onClose(): void {
      // Destroyed without an error (our transport always gives one): a break like any other.
      settle(
        new ServiceResponseError(
          `${what}: the body closed after ${state.delivered} of ${length} bytes, before its end.`,
          { code: "ECONNRESET" },
        ),
      );
    }
    body.on("end", onEnd);
    body.on("error", onError);
    body.on("close", onClose);
    body.on("data", onData);
  });
}
