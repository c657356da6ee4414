import { sanitizeHeaders, sanitizeText, sanitizeUrl } from "@azkit/core-logging";
import { createHttpHeaders } from "./httpHeaders.js";
import { brandClass, brandedInstanceOf, hasBrand } from "./errorBrands.js";
import type { PipelineRequest } from "./pipelineRequest.js";
import type { PipelineResponse } from "./pipelineResponse.js";

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Options every azkit error accepts.
 * @public
 */
export interface AzureErrorOptions {
  /** A stable, machine-readable code, such as `ECONNREFUSED` or the service's error code. */
  code?: string;
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * The base of every error azkit throws. `code` is stable across releases; match on it (or on the
 * class) rather than on the message.
 * @public
 */
export class AzureError extends Error {
  /** A stable, machine-readable code. */
  code: string;

  /** Creates the error; messages must never carry secrets. */
  constructor(message: string, options: AzureErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? "AzureError";
  }

  /**
   * `instanceof` checks the brand, so errors from another copy of azkit (a second install, the
   * sync bridge) still match.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the (sub)class on the right of instanceof.
    return brandedInstanceOf(this, value);
  }

  /** What `util.inspect`/`console.log` print: the stack and the codes, never request headers or bodies. */
  [inspectSymbol](): string {
    const fields: Record<string, unknown> = { code: this.code };
    const status = (this as { statusCode?: number }).statusCode;
    if (status !== undefined) fields.statusCode = status;
    const details = (this as { details?: unknown }).details;
    if (details !== undefined) fields.details = details;
    return `${this.stack ?? `${this.name}: ${this.message}`} ${sanitizeText(JSON.stringify(fields))}`;
  }
}
brandClass(AzureError, "AzureError");

/**
 * Options of a {@link RestError} (the `@azure/core-rest-pipeline` shape).
 * @public
 */
export interface RestErrorOptions extends AzureErrorOptions {
  /** The HTTP status, when a response arrived. */
  statusCode?: number;
  /** The request that failed. */
  request?: PipelineRequest;
  /** The response, when one arrived. */
  response?: PipelineResponse;
}

function hide(target: object, name: string, value: unknown): void {
  // Request and response carry credentials in their headers: keep them off enumeration so
  // JSON.stringify, structured logging and util.inspect leave them out.
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * What an error keeps of its request: a copy whose URL and headers are redacted by the logging
 * allow-list (a SAS `sig`, `Authorization`), without its body or proxy credentials, so that
 * printing `err.request.url` or `err.request.headers` never shows a secret (as `/sync` errors).
 */
function redactedRequest(request: PipelineRequest | undefined): PipelineRequest | undefined {
  if (request === undefined || request === null || typeof request !== "object") return request;
  let url = request.url;
  try {
    url = sanitizeUrl(request.url);
  } catch {
    url = "";
  }
  return {
    ...request,
    url,
    headers: createHttpHeaders(sanitizeHeaders(request.headers)),
    body: undefined,
    proxySettings: undefined,
  };
}

function redactedResponse(
  response: PipelineResponse | undefined,
  request: PipelineRequest | undefined,
): PipelineResponse | undefined {
  if (response === undefined || response === null || typeof response !== "object") return response;
  return { ...response, request: request ?? redactedRequest(response.request)! };
}

/**
 * An error on the way to or from a service; kept for code written against
 * `@azure/core-rest-pipeline`. Transport failures ({@link ServiceRequestError},
 * {@link ServiceResponseError}) and status errors ({@link HttpResponseError}) all are RestErrors.
 * @public
 */
export class RestError extends AzureError {
  /** The code `@azure/core-rest-pipeline` gives a request that could not be sent. */
  static readonly REQUEST_SEND_ERROR: string = "REQUEST_SEND_ERROR";
  /** The code `@azure/core-rest-pipeline` gives a body that could not be parsed. */
  static readonly PARSE_ERROR: string = "PARSE_ERROR";
  /** The HTTP status, when a response arrived. */
  statusCode?: number;
  /** The request that failed (not enumerable, so it is never printed). */
  declare request?: PipelineRequest;
  /** The response, when one arrived (not enumerable). */
  declare response?: PipelineResponse;

  /** Creates the error. */
  constructor(message: string, options: RestErrorOptions = {}) {
    super(message, { code: options.code ?? "RestError", cause: options.cause });
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
    const request = redactedRequest(options.request ?? options.response?.request);
    hide(this, "request", request);
    hide(this, "response", redactedResponse(options.response, request));
  }
}
brandClass(RestError, "RestError");

/**
 * The request could not be sent or got no response: connection refused, DNS failure, connect
 * timeout, TLS failure, plain http refused. `code` is the system code (`ECONNREFUSED`, ...).
 * @public
 */
export class ServiceRequestError extends RestError {}
brandClass(ServiceRequestError, "ServiceRequestError");

/**
 * The connection broke or went silent while the response was awaited or read (`ECONNRESET`,
 * `READ_TIMEOUT`, ...).
 * @public
 */
export class ServiceResponseError extends RestError {}
brandClass(ServiceResponseError, "ServiceResponseError");

/**
 * Options of an {@link HttpResponseError}.
 * @public
 */
export interface HttpResponseErrorOptions extends RestErrorOptions {
  /** The HTTP status (>= 400). */
  statusCode: number;
  /** The service's structured details (`details`, `innererror`, `target`...). */
  details?: unknown;
}

/**
 * The service answered with a status >= 400. `code` is the service's own code when the body or
 * `x-ms-error-code` gives one, else `HTTP_<status>`.
 * @public
 */
export class HttpResponseError extends RestError {
  /** The HTTP status. */
  declare statusCode: number;
  /** The service's structured error details, when it sent any. */
  details?: unknown;

  /** Creates the error. */
  constructor(message: string, options: HttpResponseErrorOptions) {
    super(message, { ...options, code: options.code ?? `HTTP_${options.statusCode}` });
    if (options.details !== undefined) this.details = options.details;
  }
}
brandClass(HttpResponseError, "HttpResponseError");

/**
 * 404: the resource does not exist.
 * @public
 */
export class ResourceNotFoundError extends HttpResponseError {}
brandClass(ResourceNotFoundError, "ResourceNotFoundError");

/**
 * 409: the resource already exists, or conflicts with the request.
 * @public
 */
export class ResourceExistsError extends HttpResponseError {}
brandClass(ResourceExistsError, "ResourceExistsError");

/**
 * 412: a precondition (ETag, If-Match) failed because the resource changed.
 * @public
 */
export class ResourceModifiedError extends HttpResponseError {}
brandClass(ResourceModifiedError, "ResourceModifiedError");

/**
 * 401/403, or a credential that could not get a token.
 * @public
 */
export class ClientAuthenticationError extends HttpResponseError {}
brandClass(ClientAuthenticationError, "ClientAuthenticationError");

/**
 * The caller's abort signal fired. `code` is `ABORTED`.
 * @public
 */
export class AbortError extends AzureError {
  /** Creates the error. */
  constructor(message = "The operation was aborted.", options: AzureErrorOptions = {}) {
    super(message, { code: options.code ?? "ABORTED", cause: options.cause });
  }
}
brandClass(AbortError, "AbortError");

/**
 * Whether `value` is an azkit {@link AzureError} (from any copy of the package).
 * @public
 */
export function isAzureError(value: unknown): value is AzureError {
  return hasBrand(value, "AzureError");
}

/**
 * Whether `value` is a {@link RestError} (from any copy of the package).
 * @public
 */
export function isRestError(value: unknown): value is RestError {
  return hasBrand(value, "RestError");
}

/**
 * Whether `value` is a {@link ServiceRequestError}.
 * @public
 */
export function isServiceRequestError(value: unknown): value is ServiceRequestError {
  return hasBrand(value, "ServiceRequestError");
}

/**
 * Whether `value` is a {@link ServiceResponseError}.
 * @public
 */
export function isServiceResponseError(value: unknown): value is ServiceResponseError {
  return hasBrand(value, "ServiceResponseError");
}

/**
 * Whether `value` is an {@link HttpResponseError}.
 * @public
 */
export function isHttpResponseError(value: unknown): value is HttpResponseError {
  return hasBrand(value, "HttpResponseError");
}

/**
 * Whether `value` is a {@link ResourceNotFoundError}.
 * @public
 */
export function isResourceNotFoundError(value: unknown): value is ResourceNotFoundError {
  return hasBrand(value, "ResourceNotFoundError");
}

/**
 * Whether `value` is a {@link ResourceExistsError}.
 * @public
 */
export function isResourceExistsError(value: unknown): value is ResourceExistsError {
  return hasBrand(value, "ResourceExistsError");
}

/**
 * Whether `value` is a {@link ResourceModifiedError}.
 * @public
 */
export function isResourceModifiedError(value: unknown): value is ResourceModifiedError {
  return hasBrand(value, "ResourceModifiedError");
}

/**
 * Whether `value` is a {@link ClientAuthenticationError}.
 * @public
 */
export function isClientAuthenticationError(value: unknown): value is ClientAuthenticationError {
  return hasBrand(value, "ClientAuthenticationError");
}

/**
 * Whether `value` is an {@link AbortError} (azkit's, or any error named `AbortError`, as DOM
 * and `@azure/abort-controller` throw).
 * @public
 */
export function isAbortError(value: unknown): value is AbortError {
  return hasBrand(value, "AbortError") || (value instanceof Error && value.name === "AbortError");
}
