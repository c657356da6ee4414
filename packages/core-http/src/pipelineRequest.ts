import { randomUUID } from "node:crypto";
import type { AbortSignalLike } from "./abortSignalLike.js";
import { createHttpHeaders, type HttpHeaders } from "./httpHeaders.js";
import type { RequestSettings } from "./options/requestSettings.js";

/**
 * HTTP methods azkit sends.
 * @public
 */
export type HttpMethods = "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE";

/**
 * A request body. A factory (`() => Readable`) can be sent again on retry; a bare stream can be
 * sent once only, so a request carrying one is not retried after its first byte went out. A range of
 * a file is a factory made by {@link createFileRangeBody}, which the default transport sends in
 * bounded memory.
 * @public
 */
export type RequestBodyType = string | Uint8Array | (() => NodeJS.ReadableStream) | NodeJS.ReadableStream;

/**
 * Progress of an upload or download.
 * @public
 */
export interface TransferProgressEvent {
  /** Bytes transferred so far. */
  loadedBytes: number;
}

/**
 * A proxy as host and port with optional credentials (the `@azure/core-rest-pipeline` shape).
 * @public
 */
export interface ProxySettings {
  /** Proxy URL or host name, such as `http://proxy.local`. */
  host: string;
  /** Proxy port. */
  port: number;
  /** User name for proxy authentication. */
  username?: string;
  /** Password for proxy authentication. */
  password?: string;
}

/**
 * One HTTP request as it travels through the pipeline.
 * @public
 */
export interface PipelineRequest {
  /** The absolute URL. */
  url: string;
  /** The HTTP method. */
  method: HttpMethods;
  /** The headers, case-insensitive. */
  headers: HttpHeaders;
  /** The body; see {@link RequestBodyType} for which bodies can be re-sent. */
  body?: RequestBodyType;
  /** Cancels the request (including retry waits) when it aborts. */
  abortSignal?: AbortSignalLike;
  /** Milliseconds the whole exchange may take before it is abandoned; 0 means no limit. */
  timeout: number;
  /** Milliseconds to wait for a connection; undefined uses the resolved default. */
  connectionTimeoutInMs?: number;
  /** Milliseconds the connection may stay silent while awaiting or reading the response. */
  readTimeoutInMs?: number;
  /** A unique id, also sent as `x-ms-client-request-id`. */
  requestId: string;
  /** Allow plain `http:` for this request (loopback emulators). */
  allowInsecureConnection?: boolean;
  /** Statuses whose body is handed over as a stream instead of text; `Number.POSITIVE_INFINITY` means all. */
  streamResponseStatusCodes?: Set<number>;
  /** Called as the body is sent. */
  onUploadProgress?: (progress: TransferProgressEvent) => void;
  /** Called as the response body arrives. */
  onDownloadProgress?: (progress: TransferProgressEvent) => void;
  /** A proxy for this request, overriding options and environment. */
  proxySettings?: ProxySettings;
  /** Send directly even when `proxySettings` are set. */
  disableProxy?: boolean;
  /** The operation's name (such as `Blob.upload`), used in error messages and logs. */
  operationName?: string;
  /** Marks a POST/PATCH as safe to retry after its body was sent. */
  retrySafe?: boolean;
  /** The call's resolved options, read by the policies. */
  settings?: RequestSettings;
  /** Tracing context handed through to tracing policies. */
  tracingOptions?: { tracingContext?: unknown };
}

/**
 * What {@link createPipelineRequest} accepts: the URL and anything else to preset.
 * @public
 */
export interface PipelineRequestOptions {
  /** The absolute URL. */
  url: string;
  /** The HTTP method; GET by default. */
  method?: HttpMethods;
  /** Headers to start with. */
  headers?: HttpHeaders;
  /** The body. */
  body?: RequestBodyType;
  /** Cancels the request when it aborts. */
  abortSignal?: AbortSignalLike;
  /** Whole-exchange limit in milliseconds; 0 (default) means none. */
  timeout?: number;
  /** Connection timeout in milliseconds. */
  connectionTimeoutInMs?: number;
  /** Read (idle) timeout in milliseconds. */
  readTimeoutInMs?: number;
  /** The request id; a random UUID by default. */
  requestId?: string;
  /** Allow plain `http:`. */
  allowInsecureConnection?: boolean;
  /** Statuses whose body is handed over as a stream. */
  streamResponseStatusCodes?: Set<number>;
  /** Upload progress callback. */
  onUploadProgress?: (progress: TransferProgressEvent) => void;
  /** Download progress callback. */
  onDownloadProgress?: (progress: TransferProgressEvent) => void;
  /** A proxy for this request. */
  proxySettings?: ProxySettings;
  /** The operation's name for messages and logs. */
  operationName?: string;
  /** Marks a POST/PATCH as safe to retry. */
  retrySafe?: boolean;
  /** Resolved options for the policies. */
  settings?: RequestSettings;
  /** Tracing context. */
  tracingOptions?: { tracingContext?: unknown };
}

/**
 * Creates a request to send through a pipeline.
 *
 * @example
 * ```ts
 * const request = createPipelineRequest({ url: "https://example.blob.core.windows.net/?comp=list" });
 * const response = await pipeline.sendRequest(httpClient, request);
 * ```
 * @public
 */
export function createPipelineRequest(options: PipelineRequestOptions): PipelineRequest {
  return {
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers ?? createHttpHeaders(),
    body: options.body,
    abortSignal: options.abortSignal,
    timeout: options.timeout ?? 0,
    connectionTimeoutInMs: options.connectionTimeoutInMs,
    readTimeoutInMs: options.readTimeoutInMs,
    requestId: options.requestId ?? randomUUID(),
    allowInsecureConnection: options.allowInsecureConnection,
    streamResponseStatusCodes: options.streamResponseStatusCodes,
    onUploadProgress: options.onUploadProgress,
    onDownloadProgress: options.onDownloadProgress,
    proxySettings: options.proxySettings,
    operationName: options.operationName,
    retrySafe: options.retrySafe,
    settings: options.settings,
    tracingOptions: options.tracingOptions,
  };
}
