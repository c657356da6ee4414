// Provisional: replaced by @azkit/core-http's HttpResponseError / AbortError once core-http builds.
import { sanitizeUrl } from "@azkit/core-logging";
import type { ArmErrorBody } from "./arm/armStatus.js";
import { readArmError } from "./arm/armStatus.js";
import type { LroResponse } from "./lroResponse.js";

class HttpResponseError extends Error {
  statusCode?: number;
  code?: string;
  details?: unknown;
  response?: unknown;
  constructor(
    message: string,
    options: { statusCode?: number; code?: string; details?: unknown; response?: unknown },
  ) {
    super(message);
    this.name = "HttpResponseError";
    Object.assign(this, options);
  }
}

class AbortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AbortError";
  }
}

/** The error a wait rejects with when its abort signal fires; the operation goes on in the service. */
export function createAbortError(): Error {
  return new AbortError(
    "Stopped waiting for the long-running operation: the abort signal fired. The operation itself goes on.",
  );
}

/** The `HttpResponseError` for an operation the service reports as Failed or Canceled. */
export function createOperationError(inputs: {
  status: "failed" | "canceled";
  response: LroResponse;
  error: ArmErrorBody | undefined;
  url: string;
}): Error {
  const { status, response, error, url } = inputs;
  const code = error?.code ?? (status === "failed" ? "OperationFailed" : "OperationCanceled");
  const detail = error?.message ? `: ${error.message}` : ".";
  return new HttpResponseError(
    `The long-running operation on ${sanitizeUrl(url)} ${status === "failed" ? "failed" : "was canceled"} (${code})${detail}`,
    { statusCode: response.statusCode, code, details: error, response: response.rawResponse },
  );
}

/** The `HttpResponseError` for a 4xx/5xx response while `doing` something with the operation. */
export function createResponseError(response: LroResponse, doing: string): Error {
  const error = readArmError(response.body);
  const code = error?.code ?? `HTTP${response.statusCode}`;
  const detail = error?.message ? `: ${error.message}` : ".";
  return new HttpResponseError(`Status ${response.statusCode} while ${doing} (${code})${detail}`, {
    statusCode: response.statusCode,
    code,
    details: error,
    response: response.rawResponse,
  });
}
