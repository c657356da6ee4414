// How the parallel engine reads one range body: followed chunk by chunk into a synchronous sink
// (followBody.ts), and a break resumes from the first byte the sink has not taken, under the same
// rule as the resumable `download()` stream (resumeDecision.ts).
import { type BodyRange, followBody, type RangeSink } from "./followBody.js";
import { resumeOrFail } from "./resumeDecision.js";

export type { RangeSink } from "./followBody.js";

/** Where the range is and how to resume it. */
export interface RangeBodyOptions extends BodyRange {
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
  const progress = { delivered: 0 };
  let source: NodeJS.ReadableStream | undefined = first;
  let reopens = 0;
  for (;;) {
    try {
      if (source === undefined) source = await options.reopen(start + progress.delivered);
      const body = source;
      await new Promise<void>((resolve, reject) =>
        followBody(body, options, progress, sink, (error) =>
          error === undefined ? resolve() : reject(error),
        ),
      );
      return;
    } catch (error) {
      (source as { destroy?: () => void } | undefined)?.destroy?.();
      const fatal = resumeOrFail(error, { ...options, delivered: progress.delivered, reopens });
      if (fatal !== undefined) throw fatal;
      reopens++;
      source = undefined;
    }
  }
}
