import { STATUS_CODES } from "node:http";
import { sanitizeText, sanitizeUrl } from "@azkit/core-logging";
import {
  ClientAuthenticationError,
  HttpResponseError,
  type HttpResponseErrorOptions,
  ResourceExistsError,
  ResourceModifiedError,
  ResourceNotFoundError,
} from "./errors.js";
import type { PipelineResponse } from "./pipelineResponse.js";

/**
 * What the service said about an error, parsed from an ARM/OData JSON body
 * (`{ error: { code, message, target, details } }`), a storage XML body (`<Error><Code>`) or the
 * `x-ms-error-code` header.
 * @public
 */
export interface ServiceErrorBody {
  /** The service's error code, such as `ResourceGroupNotFound`. */
  code?: string;
  /** The service's message. */
  message?: string;
  /** The target the error is about, when given. */
  target?: string;
  /** Further details (`details`, `innererror`, extra XML elements). */
  details?: unknown;
}

/**
 * A constructor of an {@link HttpResponseError} (sub)class.
 * @public
 */
export type HttpResponseErrorClass = new (
  message: string,
  options: HttpResponseErrorOptions,
) => HttpResponseError;

/**
 * How a service picks its own error classes: by status, or by a function of the status and the
 * parsed body (return `undefined` to use the default class).
 * @public
 */
export type ErrorMap =
  | { [statusCode: number]: HttpResponseErrorClass | undefined }
  | ((info: ServiceErrorBody & { statusCode: number }) => HttpResponseErrorClass | undefined);

/**
 * The default class for a status: 401/403 ClientAuthenticationError, 404 ResourceNotFoundError,
 * 409 ResourceExistsError, 412 ResourceModifiedError, else HttpResponseError.
 */
function defaultClass(statusCode: number): HttpResponseErrorClass {
  switch (statusCode) {
    case 401:
    case 403:
      return ClientAuthenticationError;
    case 404:
      return ResourceNotFoundError;
    case 409:
      return ResourceExistsError;
    case 412:
      return ResourceModifiedError;
    default:
      return HttpResponseError;
  }
}

/**
 * Parses the error body of a response. Unknown shapes give an empty result.
 * @public
 */
export function parseServiceErrorBody(response: PipelineResponse): ServiceErrorBody {
  const text = response.bodyAsText?.trim();
  let parsed: ServiceErrorBody = {};
  if (text) {
    if (text.startsWith("{")) parsed = parseJsonError(text);
    else if (text.startsWith("<")) parsed = parseXmlError(text);
  }
  if (!parsed.code) {
    const headerCode = response.headers.get("x-ms-error-code");
    if (headerCode) parsed.code = headerCode;
  }
  return parsed;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function parseJsonError(text: string): ServiceErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== "object" || body === null) return {};
  const root = body as Record<string, unknown>;
  // Entra ID token endpoints: { error: "invalid_client", error_description: "..." }
  if (typeof root.error === "string") {
    return { code: root.error, message: asString(root.error_description) };
  }
  const inner = (root.error ?? root["odata.error"] ?? root) as Record<string, unknown>;
  if (typeof inner !== "object" || inner === null) return {};
  const rawMessage = inner.message;
  const message =
    asString(rawMessage) ??
    asString((rawMessage as { value?: unknown } | undefined)?.value) ??
    asString(root.Message);
  const details = inner.details ?? inner.innererror ?? inner.additionalInfo;
  return {
    code: asString(inner.code) ?? asString(root.Code),
    message,
    target: asString(inner.target),
    ...(details !== undefined ? { details } : {}),
  };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Storage errors are flat `<Error><Code/><Message/>...</Error>`; a regex keeps the XML parser out of the error path. */
function parseXmlError(text: string): ServiceErrorBody {
  const error = /<Error>([\s\S]*)<\/Error>/.exec(text)?.[1];
  if (error === undefined) return {};
  const fields: Record<string, string> = {};
  for (const match of error.matchAll(/<([A-Za-z][\w.-]*)>([\s\S]*?)<\/\1>/g)) {
    fields[match[1]!] = decodeXml(match[2]!.trim());
  }
  const { Code, Message, ...rest } = fields;
  return {
    code: Code,
    message: Message?.split("\n")[0],
    ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
  };
}

/**
 * Turns a response with a status >= 400 into the typed error to throw: the class from `map` or
 * the status, `code` from the body, and a message `"(Code) message"` plus status, operation and
 * the sanitized URL. Services extend it through `map`.
 *
 * @example
 * ```ts
 * if (response.status >= 400) throw mapError(response, { 409: ContainerAlreadyExistsError });
 * ```
 * @public
 */
export function mapError(response: PipelineResponse, map?: ErrorMap): HttpResponseError {
  const statusCode = response.status;
  const body = parseServiceErrorBody(response);
  const chosen = typeof map === "function" ? map({ ...body, statusCode }) : map?.[statusCode];
  const ErrorClass = chosen ?? defaultClass(statusCode);
  const request = response.request;
  const reason = STATUS_CODES[statusCode] ?? "Unknown Status";
  const head = body.code
    ? `(${body.code}) ${body.message ?? reason}`
    : (body.message ?? `The service answered ${statusCode} ${reason}.`);
  const where = `${request.operationName ? `${request.operationName}: ` : ""}${request.method} ${sanitizeUrl(request.url)}`;
  const message = sanitizeText(`${head}\nStatus: ${statusCode} ${reason}\nOperation: ${where}`);
  const details =
    body.details !== undefined || body.target !== undefined
      ? body.target !== undefined
        ? { target: body.target, details: body.details }
        : body.details
      : undefined;
  return new ErrorClass(message, { statusCode, code: body.code, details, request, response });
}
