// How azkit reads one ranged download body, for both the resumable `download()` stream and the
// parallel engine: every chunk goes to a synchronous sink straight from the stream's 'data' event
// (no promise or async-iterator step per ~64 KiB network chunk), a body that runs past its range
// is refused, and an early end, an error or a close without one is a break for the caller's resume
// rule (resumeDecision.ts).
import { ServiceResponseError } from "@azkit/core-http";
import { UNEXPECTED_RANGE } from "../requests/rangeResponse.js";
import { incompleteBody } from "./resumeDecision.js";

/**
 * Takes `chunk`, the bytes at `position` of the range, before the next one arrives (copies it,
 * keeps it or passes it on); returns a promise when the body must wait for it before reading on.
 */
export type RangeSink = (chunk: Buffer, position: number) => Promise<void> | undefined;

/** The range a body delivers. */
export interface BodyRange {
  /** What is downloaded, for messages: `Blob.download photos/cat.jpg bytes 0-99`. */
  what: string;
  /** First byte offset of the range in the blob. */
  start: number;
  /** Bytes the range holds. */
  length: number;
}

/**
 * Feeds `body` to `sink` from `progress.delivered` on (the count of bytes of the range the sink
 * took, kept up to date also when the body breaks) until the range is complete (`settle()`) or
 * the body breaks (`settle(error)`); then stops listening. Returns a function that stops listening
 * earlier (for a body destroyed from outside). A late error of a body given up is ignored.
 */
export function followBody(
  body: NodeJS.ReadableStream,
  { what, start, length }: BodyRange,
  progress: { delivered: number },
  sink: RangeSink,
  settle: (error?: unknown) => void,
): () => void {
  let settled = false;
  const stop = (): void => {
    if (settled) return;
    settled = true;
    body.off("data", onData);
    body.off("end", onEnd);
    body.off("error", onError);
    body.off("close", onClose);
    body.on("error", ignore);
  };
  const finish = (error?: unknown): void => {
    if (settled) return;
    stop();
    settle(error);
  };
  const resume = (): void => {
    if (!settled) body.resume();
  };
  function onData(data: Buffer | string): void {
    if (settled) return;
    const chunk = typeof data === "string" ? Buffer.from(data) : data;
    if (progress.delivered + chunk.length > length) {
      finish(
        new ServiceResponseError(
          `${what}: the body runs past the ${length} bytes of bytes ${start}-${start + length - 1}; nothing past them was used (${UNEXPECTED_RANGE}).`,
          { code: UNEXPECTED_RANGE },
        ),
      );
      return;
    }
    let wait: Promise<void> | undefined;
    try {
      wait = sink(chunk, progress.delivered);
    } catch (error) {
      finish(error);
      return;
    }
    progress.delivered += chunk.length;
    if (wait !== undefined) {
      body.pause();
      wait.then(resume, finish);
    }
  }
  function onEnd(): void {
    finish(progress.delivered >= length ? undefined : incompleteBody(what, progress.delivered, length));
  }
  function onError(error: unknown): void {
    finish(error);
  }
  function onClose(): void {
    // Destroyed without an error (azkit's transports always give one): a break like any other.
    finish(
      new ServiceResponseError(
        `${what}: the body closed after ${progress.delivered} of ${length} bytes, before its end.`,
        { code: "ECONNRESET" },
      ),
    );
  }
  body.on("end", onEnd);
  body.on("error", onError);
  body.on("close", onClose);
  body.on("data", onData);
  return stop;
}

function ignore(): void {}
