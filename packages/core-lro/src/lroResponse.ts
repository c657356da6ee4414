import type { AbortSignalLike } from "@azkit/core-http";
/**
 * Response headers as a long-running operation sees them: either a record (any key case) or an
 * object with a case-insensitive `get`, such as `@azkit/core-http`'s `HttpHeaders`.
 * @public
 */
export type LroHeaders =
  | { get(name: string): string | undefined | null }
  | Readonly<Record<string, string | undefined>>;

/**
 * One HTTP response of a long-running operation, in the transport-neutral shape strategies read.
 * Adapters such as {@link createPipelineLro} build it from a `PipelineResponse`.
 * @public
 */
export interface LroResponse {
  /** The HTTP status code. */
  statusCode: number;
  /** The response headers; names are matched case-insensitively. */
  headers: LroHeaders;
  /** The parsed JSON body, or `undefined` when the response had none. */
  body?: unknown;
  /** The transport's own response object (a `PipelineResponse` for core-http), kept for errors and `processResult`. */
  rawResponse?: unknown;
}

/**
 * Options passed to every request a strategy sends.
 * @public
 */
export interface LroRequestOptions {
  /** Aborts the request in flight when the caller stops waiting. */
  abortSignal?: AbortSignalLike;
}

/**
 * The two requests an ARM-style long-running operation needs, in transport-neutral form: the
 * initial request (sent once, never on resume) and a GET on a status or resource URL.
 * Same name and role as `@azure/core-lro`'s `RunningOperation`.
 * @public
 */
export interface RunningOperation {
  /** The HTTP method of the initial request (`PUT`, `PATCH`, `POST`, `DELETE`); it picks the final-state default. */
  requestMethod: string;
  /** The URL of the initial request; the final GET of a PUT/PATCH goes there. */
  requestUrl: string;
  /** Sends the initial request; called once, when the poller is created without `restoreFrom`. */
  sendInitialRequest(options: LroRequestOptions): Promise<LroResponse>;
  /** Sends a GET to `url` (a status monitor, a Location, or the resource). May resolve with a 4xx/5xx response or throw core-http's `HttpResponseError` for it: the strategy treats both alike. */
  sendPollRequest(url: string, options: LroRequestOptions): Promise<LroResponse>;
}

/** Reads one header case-insensitively from either header shape. */
export function getHeader(headers: LroHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | undefined | null }).get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | undefined>>;
  const direct = record[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) return record[key];
  }
  return undefined;
}
