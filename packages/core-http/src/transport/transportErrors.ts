import { AbortError, type AzureError, ServiceRequestError, ServiceResponseError } from "../errors.js";
import type { PipelineRequest } from "../pipelineRequest.js";

/**
 * Marks a transport error raised before any byte of the request left this process, so the retry
 * policy may retry even a POST. Internal: a registered symbol so copies of the package agree.
 */
export const REQUEST_NOT_SENT: unique symbol = Symbol.for("@azkit/core-http/requestNotSent") as never;

/** Whether a transport error happened before the request was sent. */
export function isRequestNotSent(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as Record<symbol, unknown>)[REQUEST_NOT_SENT] === true
  );
}

function markNotSent<T extends AzureError>(error: T): T {
  Object.defineProperty(error, REQUEST_NOT_SENT, { value: true });
  return error;
}

/** Builds the ServiceRequestError for a failure before any response arrived. */
export function requestError(
  request: PipelineRequest,
  safeUrl: string,
  cause: unknown,
  notSent: boolean,
  code?: string,
): ServiceRequestError {
  const causeCode =
    code ?? ((cause as { code?: unknown } | undefined)?.code as string | undefined) ?? "REQUEST_SEND_ERROR";
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new ServiceRequestError(
    `${request.method} ${safeUrl} failed before a response arrived: ${reason} (${causeCode}).`,
    { code: causeCode, cause, request },
  );
  return notSent ? markNotSent(error) : error;
}

/** Builds the ServiceResponseError for a connection that broke or went silent while reading. */
export function responseError(
  request: PipelineRequest,
  safeUrl: string,
  cause: unknown,
  statusCode: number | undefined,
  code?: string,
): ServiceResponseError {
  const causeCode =
    code ?? ((cause as { code?: unknown } | undefined)?.code as string | undefined) ?? "ECONNRESET";
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ServiceResponseError(
    `${request.method} ${safeUrl}: the response broke off: ${reason} (${causeCode}).`,
    {
      code: causeCode,
      cause,
      request,
      statusCode,
    },
  );
}

/** The AbortError for a request whose signal fired. */
export function abortError(request: PipelineRequest, safeUrl: string): AbortError {
  const reason = request.abortSignal?.reason;
  return new AbortError(`${request.method} ${safeUrl} was aborted.`, {
    cause: reason instanceof Error && reason.name !== "AbortError" ? reason : undefined,
  });
}
