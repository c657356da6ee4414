import { type AzkitClientLogger, createClientLogger, sanitizeUrl } from "@azkit/core-logging";
import { isAbortError, isServiceRequestError, isServiceResponseError } from "../errors.js";
import { DEFAULT_REQUEST_SETTINGS } from "../options/resolveOptions.js";
import type { RequestSettings } from "../options/requestSettings.js";
import type { PipelinePolicy } from "../pipeline.js";
import type { PipelineRequest } from "../pipelineRequest.js";
import type { PipelineResponse, SendRequest } from "../pipelineResponse.js";
import { isRequestNotSent } from "../transport/transportErrors.js";
import { abortableDelay } from "./abortableDelay.js";
import { canResendBody } from "./canResendBody.js";
import { getRetryAfterInMs } from "./retryAfter.js";

/**
 * The name of the retry policy.
 * @public
 */
export const retryPolicyName = "retryPolicy";

/**
 * Options of {@link retryPolicy}.
 * @public
 */
export interface RetryPolicyOptions {
  /** Writes one info line per retry; core-http's logger by default. */
  logger?: AzkitClientLogger;
}

/** What a retry strategy decides: wait and try again, or stop (return the response / throw). */
type RetryDecision = { retryAfterInMs: number; reason: string } | undefined;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

/** Failures to connect (nothing reached the service). */
const CONNECT_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "CONNECT_TIMEOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EPIPE",
]);

/** Failures after the request went out (the service may have acted on it). */
const READ_ERROR_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "READ_TIMEOUT",
  "REQUEST_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/** 408, 429, 500, 502, 503, 504 and 506..599; never 501 (not implemented) or 505 (version). */
export function isRetriableStatus(status: number): boolean {
  return (
    status === 408 ||
    status === 429 ||
    status === 500 ||
    status === 502 ||
    status === 503 ||
    status === 504 ||
    (status >= 506 && status < 600)
  );
}

function backoffInMs(settings: Readonly<RequestSettings>, retryNumber: number): number {
  const max = settings.retryBackoffMaxInMs;
  if (settings.retryMode === "fixed") return Math.min(settings.retryBackoffFactorInMs, max);
  // Exponential with jitter: uniformly in [d/2, d] where d = factor * 2^(n-1), capped.
  const ceiling = Math.min(max, settings.retryBackoffFactorInMs * 2 ** (retryNumber - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The one decision of the loop: whether (and how long) to wait before the next attempt. */
function decide(
  request: PipelineRequest,
  response: PipelineResponse | undefined,
  error: unknown,
  retryNumber: number,
  settings: Readonly<RequestSettings>,
): RetryDecision {
  if (!canResendBody(request)) return undefined;
  const idempotent = IDEMPOTENT_METHODS.has(request.method) || request.retrySafe === true;
  if (error !== undefined) {
    if (isAbortError(error) || request.abortSignal?.aborted) return undefined;
    const code = (error as { code?: string }).code ?? "";
    let retriable = false;
    if (isServiceRequestError(error) && isRequestNotSent(error)) retriable = CONNECT_ERROR_CODES.has(code);
    else if (idempotent && (isServiceRequestError(error) || isServiceResponseError(error))) {
      retriable = READ_ERROR_CODES.has(code) || CONNECT_ERROR_CODES.has(code);
    }
    if (!retriable) return undefined;
    return { retryAfterInMs: backoffInMs(settings, retryNumber), reason: code };
  }
  if (response === undefined || !idempotent || !isRetriableStatus(response.status)) return undefined;
  const asked = getRetryAfterInMs(response.headers);
  const wait =
    asked !== undefined ? Math.min(asked, settings.retryBackoffMaxInMs) : backoffInMs(settings, retryNumber);
  return { retryAfterInMs: wait, reason: `status ${response.status}` };
}

/**
 * Retries failed attempts as the request's settings say: GET/HEAD/PUT/DELETE/OPTIONS on connect
 * errors, read errors and 408/429/500/502/503/504/506+; POST/PATCH only on connect errors (nothing
 * was sent) unless the operation marks them `retrySafe`. `retry-after-ms`,
 * `x-ms-retry-after-ms` and `Retry-After` win over backoff, capped at `retryBackoffMaxInMs`.
 * `retryTotal: 0` disables it; every wait ends early when the request's abort signal fires.
 * @public
 */
export function retryPolicy(options: RetryPolicyOptions = {}): PipelinePolicy {
  const logger = options.logger ?? createClientLogger("core-http");

  /** The slow path: the first attempt failed or got a status worth a look. */
  const retryLoop = async (
    request: PipelineRequest,
    next: SendRequest,
    settings: Readonly<RequestSettings>,
    firstResponse: PipelineResponse | undefined,
    firstError: unknown,
  ): Promise<PipelineResponse> => {
    const total = settings.retryTotal;
    let response = firstResponse;
    let error = firstError;
    for (let retryNumber = 1; ; retryNumber++) {
      const decision =
        retryNumber > total ? undefined : decide(request, response, error, retryNumber, settings);
      if (decision === undefined) {
        if (error !== undefined) throw error;
        return response!;
      }
      if (logger.info.enabled) {
        logger.info(
          `Retry ${retryNumber}/${total} of ${request.method} ${sanitizeUrl(request.url)} in ${Math.round(decision.retryAfterInMs)} ms after ${decision.reason}.`,
          { requestId: request.requestId, attempt: retryNumber + 1, reason: decision.reason },
        );
      }
      // Free the connection of a response we are about to drop.
      response?.readableStreamBody?.resume();
      await abortableDelay(
        decision.retryAfterInMs,
        request.abortSignal,
        `${request.method} (waiting to retry)`,
      );
      response = undefined;
      error = undefined;
      try {
        response = await next(request);
        // Nothing below 408 is ever retried.
        if (response.status < 408) return response;
      } catch (caught) {
        error = caught;
      }
    }
  };

  return {
    name: retryPolicyName,
    sendRequest(request, next) {
      const settings = request.settings ?? DEFAULT_REQUEST_SETTINGS;
      if (settings.retryTotal === 0) return next(request);
      // Fast path without an async frame: most responses are final at once.
      return next(request).then(
        (response) =>
          response.status < 408 ? response : retryLoop(request, next, settings, response, undefined),
        (error: unknown) => retryLoop(request, next, settings, undefined, error),
      );
    },
  };
}
