// What a broken download body does next: resume from the first byte not yet delivered, or fail.
// One place for the rule, so the resumable `download()` stream and the parallel range engine
// resume (and give up) alike.
import { AbortError, isAbortError, ServiceResponseError } from "@azkit/core-http";
import { UNEXPECTED_RANGE } from "../requests/rangeResponse.js";

/** Where a range stands when its body failed. */
export interface BodyBreak {
  /** What is downloaded, for messages: `Blob.download photos/cat.jpg`. */
  what: string;
  /** First byte offset of the range. */
  start: number;
  /** Bytes the range must deliver in total. */
  length: number;
  /** Bytes delivered before the break. */
  delivered: number;
  /** Resumes already made. */
  reopens: number;
  /** Resumes allowed. */
  maxRetryRequests: number;
  abortSignal?: AbortSignal;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | undefined)?.code as string | undefined;
}

/** The typed error of a body that ended before its `length` bytes. */
export function incompleteBody(what: string, delivered: number, length: number): ServiceResponseError {
  return new ServiceResponseError(
    `${what}: the body ended after ${delivered} of ${length} bytes (INCOMPLETE_BODY).`,
    { code: "INCOMPLETE_BODY" },
  );
}

/**
 * Returns nothing when the body should be reopened from `start + delivered`, or the error to
 * fail with. A break of the body, or a resume answered with other bytes (UNEXPECTED_RANGE), counts
 * as one resume; once resumes ran out, a break fails as a ServiceResponseError that says how many
 * were made and other bytes fail as they are. An abort fails as azkit's AbortError, and any other
 * failure (412: the blob changed) as it is.
 */
export function resumeOrFail(error: unknown, at: BodyBreak): unknown {
  const { what, start, length, delivered, reopens, maxRetryRequests, abortSignal } = at;
  if (abortSignal?.aborted || isAbortError(error)) {
    return isAbortError(error)
      ? error
      : new AbortError(`${what} was aborted.`, { cause: abortSignal?.reason });
  }
  const breakOff = error instanceof ServiceResponseError;
  if (breakOff && reopens < maxRetryRequests) return undefined;
  if (!breakOff || codeOf(error) === UNEXPECTED_RANGE) return error;
  return new ServiceResponseError(
    `${what}: the body broke off ${reopens + 1} times, at byte ${start + delivered} of ${start}-${start + length - 1} last, and ${maxRetryRequests} resumes (maxRetryRequests) did not finish it: ${(error as Error).message}`,
    { code: codeOf(error) ?? "ECONNRESET", cause: error },
  );
}
