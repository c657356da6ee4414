import { AbortError, HttpResponseError, mapError, type PipelineResponse } from "@azkit/core-http";
import { sanitizeText, sanitizeUrl } from "@azkit/core-logging";
import { type ArmErrorBody, isRecord, readArmError } from "./arm/armStatus.js";
import type { LroResponse } from "./lroResponse.js";

/** The error a wait rejects with when its abort signal fires; the operation goes on in the service. */
export function createAbortError(): AbortError {
  return new AbortError(
    "Stopped waiting for the long-running operation: the abort signal fired. The operation itself goes on in the service.",
  );
}

/** The `HttpResponseError` for an operation the service reports as Failed or Canceled. */
export function createOperationError(inputs: {
  status: "failed" | "canceled";
  response: LroResponse;
  error: ArmErrorBody | undefined;
  method: string;
  url: string;
}): HttpResponseError {
  const { status, response, error, method, url } = inputs;
  const code =
    typeof error?.code === "string"
      ? error.code
      : status === "failed"
        ? "OperationFailed"
        : "OperationCanceled";
  const what =
    typeof error?.message === "string"
      ? error.message
      : `The long-running operation ${status === "failed" ? "failed" : "was canceled"}.`;
  const raw = asPipelineResponse(response.rawResponse);
  const message = sanitizeText(
    `(${code}) ${what}\nStatus: ${status === "failed" ? "Failed" : "Canceled"}\nOperation: ${method} ${sanitizeUrl(url)}`,
  );
  return new HttpResponseError(message, {
    statusCode: response.statusCode,
    code,
    details: error,
    request: raw?.request,
    response: raw,
  });
}

/**
 * The `HttpResponseError` (or its 404/409/... subclass) for a 4xx/5xx response received while
 * `doing` something with the operation: core-http's `mapError` when the response came through a
 * pipeline, else one built from the ARM error body.
 */
export function createResponseError(response: LroResponse, doing: string): HttpResponseError {
  const raw = asPipelineResponse(response.rawResponse);
  if (raw) {
    const error = mapError(raw);
    error.message = `${error.message}\nWhile: ${doing}`;
    return error;
  }
  const body = readArmError(response.body);
  const code = typeof body?.code === "string" ? body.code : undefined;
  const what =
    typeof body?.message === "string" ? body.message : `The service answered ${response.statusCode}.`;
  return new HttpResponseError(
    sanitizeText(`${code ? `(${code}) ` : ""}${what}\nStatus: ${response.statusCode}\nWhile: ${doing}`),
    {
      statusCode: response.statusCode,
      code,
      details: body,
    },
  );
}

/** `value` when it is a core-http `PipelineResponse` (what `createPipelineLro` keeps as `rawResponse`). */
function asPipelineResponse(value: unknown): PipelineResponse | undefined {
  if (!isRecord(value) || typeof value.status !== "number" || !isRecord(value.request)) return undefined;
  const headers = value.headers as { get?: unknown } | undefined;
  return typeof headers?.get === "function" ? (value as unknown as PipelineResponse) : undefined;
}
