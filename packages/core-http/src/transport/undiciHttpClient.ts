import { PassThrough, pipeline, Readable } from "node:stream";
import { sanitizeUrl } from "@azkit/core-logging";
import { addAbortListener } from "../abortListeners.js";
import { AzureError } from "../errors.js";
import { createHttpHeadersFromRawBuffers, rawHeaderListWithout } from "../httpHeaders.js";
import type { PipelineRequest, TransferProgressEvent } from "../pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "../pipelineResponse.js";
import type { UndiciAgent, UndiciAgentClass, UndiciDispatchOptions, UndiciHandler } from "./bundledUndici.js";
import {
  type DefaultHttpClientOptions,
  hasNoBody,
  progressTransform,
  requestedDecoder,
  type TlsSettings,
} from "./nodeHttpClient.js";
import { guardProgressCallback } from "./progressCallback.js";
import { abortError, requestError, responseError } from "./transportErrors.js";

const DEFAULT_TIMEOUT_IN_MS = 300_000;
const FREE_SOCKET_TIMEOUT_IN_MS = 30_000;

/** Headers undici refuses to take from a caller; a request carrying one goes to node:http. */
const REFUSED_BY_UNDICI: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "expect",
]);

/** undici's error codes in the vocabulary the retry policy and callers know from node:http. */
const CODE_OF_UNDICI_ERROR: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "CONNECT_TIMEOUT",
  UND_ERR_HEADERS_TIMEOUT: "READ_TIMEOUT",
  UND_ERR_BODY_TIMEOUT: "READ_TIMEOUT",
  UND_ERR_SOCKET: "ECONNRESET",
  UND_ERR_CLOSED: "CLIENT_CLOSED",
  UND_ERR_DESTROYED: "CLIENT_CLOSED",
};

/**
 * The undici engine of the default transport: requests with an in-memory body (or none) to a
 * direct origin, through undici's `dispatch` with one handler object per request (no promise or
 * stream per request unless the caller asked for a streamed body). Anything else (a proxy, a
 * streamed request body, a header undici will not send) goes to `fallback` unchanged, so every
 * request keeps the behaviour and the errors of node:http where undici would differ.
 */
export class UndiciHttpClient implements HttpClient {
  /** One Agent per connect timeout (undici sets it per pool); almost always one. */
  private agents = new Map<number, UndiciAgent>();
  private readonly inFlight = new Set<UndiciExchange>();
  private readonly connectionTimeoutInMs: number;
  private readonly readTimeoutInMs: number;
  private readonly tls: TlsSettings | undefined;
  private lastUrlText: string | undefined;
  private lastUrl: URL | undefined;
  /** `lastUrl`'s origin and path: URL getters build a new string on every read. */
  private lastOrigin = "";
  private lastPath = "";

  constructor(
    private readonly Agent: UndiciAgentClass,
    private readonly options: DefaultHttpClientOptions,
    private readonly fallback: HttpClient,
  ) {
    this.connectionTimeoutInMs = options.connectionTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    this.readTimeoutInMs = options.readTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    const tls = options.tlsSettings;
    this.tls = tls
      ? { ca: tls.ca, cert: tls.cert, key: tls.key, pfx: tls.pfx, passphrase: tls.passphrase }
      : undefined;
  }

  /** Fails what is in flight with CLIENT_CLOSED and destroys the pools; later requests open new ones. */
  close(): void {
    for (const exchange of this.inFlight) {
      exchange.abortWith(exchange.classify(new Error("the HttpClient was closed"), "CLIENT_CLOSED"));
    }
    this.inFlight.clear();
    const agents = this.agents;
    this.agents = new Map();
    for (const agent of agents.values()) agent.destroy().catch(() => undefined);
  }

  sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const body = request.body;
    if (
      (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) ||
      (request.proxySettings !== undefined && !request.disableProxy)
    ) {
      return this.fallback.sendRequest(request);
    }
    let url = this.lastUrl;
    if (url === undefined || this.lastUrlText !== request.url) {
      try {
        url = new URL(request.url);
      } catch {
        return this.fallback.sendRequest(request);
      }
      // A client mostly sends to the URL it sent to last (the same blob, the same endpoint).
      this.lastUrl = url;
      this.lastUrlText = request.url;
      this.lastOrigin = url.origin;
      this.lastPath = url.pathname + url.search;
    }
    const protocol = url.protocol;
    if (
      !(
        protocol === "https:" ||
        (protocol === "http:" &&
          (request.allowInsecureConnection ?? request.settings?.allowInsecureConnection))
      )
    ) {
      // node:http says why (insecure, unsupported protocol) in its own words.
      return this.fallback.sendRequest(request);
    }
    const headers = rawHeaderListWithout(request.headers, REFUSED_BY_UNDICI);
    if (headers === undefined) return this.fallback.sendRequest(request);
    if (request.abortSignal?.aborted) return Promise.reject(abortError(request, sanitizeUrl(url)));
    if (
      body === undefined &&
      request.method !== "GET" &&
      request.method !== "HEAD" &&
      !request.headers.has("content-length")
    ) {
      headers.push("content-length", "0");
    }
    const settings = request.settings;
    const connectTimeout =
      request.connectionTimeoutInMs ?? settings?.connectionTimeoutInMs ?? this.connectionTimeoutInMs;
    const readTimeout = request.readTimeoutInMs ?? settings?.readTimeoutInMs ?? this.readTimeoutInMs;
    const options: UndiciDispatchOptions = {
      origin: this.lastOrigin,
      path: this.lastPath,
      method: request.method,
      headers,
      body: body ?? null,
      // undici closes the connection after a HEAD unless told not to; node:http keeps it.
      reset: false,
      headersTimeout: readTimeout,
      bodyTimeout: readTimeout,
    };
    return new Promise<PipelineResponse>((resolve, reject) => {
      const exchange = new UndiciExchange(request, url, resolve, reject, this.inFlight);
      exchange.dispatching = true;
      this.agentFor(connectTimeout).dispatch(options, exchange);
      exchange.dispatching = false;
      if (exchange.refused) {
        // undici refused the arguments before sending (an invalid header value): node:http
        // rejects it with its own error code (ERR_INVALID_CHAR), or sends what undici would not.
        resolve(this.fallback.sendRequest(request));
        return;
      }
      if (exchange.settled) return;
      this.inFlight.add(exchange);
      if (request.timeout > 0) exchange.totalTimer = setTimeout(onTotalTimeout, request.timeout, exchange);
      const signal = request.abortSignal;
      if (signal) {
        exchange.removeAbortListener = addAbortListener(signal, () =>
          exchange.abortWith(abortError(request, sanitizeUrl(url))),
        );
      }
    });
  }

  private agentFor(connectTimeout: number): UndiciAgent {
    let agent = this.agents.get(connectTimeout);
    if (agent === undefined) {
      agent = new this.Agent({
        connections: this.options.maxSocketsPerOrigin || null,
        keepAliveTimeout: FREE_SOCKET_TIMEOUT_IN_MS,
        connect: { ...this.tls, timeout: connectTimeout },
      });
      this.agents.set(connectTimeout, agent);
    }
    return agent;
  }
}

/**
 * Runs `then` after undici has marked the connection free again, which it does in a `setImmediate`
 * queued right after it reports the end of a response: settling before that, a caller that sends
 * its next request at once would find the pool busy and open a second connection. Called on the
 * next tick, so this immediate is queued after undici's.
 */
function afterUndiciFreesConnection(
  then: (exchange: UndiciExchange) => void,
  exchange: UndiciExchange,
): void {
  setImmediate(then, exchange);
}

function succeedExchange(exchange: UndiciExchange): void {
  exchange.succeed(exchange.response!);
}

function endBody(exchange: UndiciExchange): void {
  exchange.body!.push(null);
  if (exchange.settled) exchange.cleanup();
}

function onTotalTimeout(exchange: UndiciExchange): void {
  exchange.abortWith(
    exchange.classify(new Error(`not done within ${exchange.request.timeout} ms`), "REQUEST_TIMEOUT"),
  );
}

/** The body handed to a caller that reads the response as a stream, fed by undici with backpressure. */
class UndiciResponseBody extends Readable {
  constructor(private readonly exchange: UndiciExchange) {
    super();
  }

  override _read(): void {
    const exchange = this.exchange;
    if (exchange.paused) {
      exchange.paused = false;
      exchange.resume?.();
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Dropped before the end: nobody will read the rest, so give the connection up.
    if (!this.exchange.completed)
      this.exchange.abortUndici(error ?? new Error("the response body was dropped"));
    this.exchange.cleanup();
    callback(error);
  }
}

/**
 * One request/response exchange, and undici's handler for it: undici calls its methods, so a
 * request allocates this object instead of closures.
 */
class UndiciExchange implements UndiciHandler {
  settled = false;
  connected = false;
  responded = false;
  completed = false;
  dispatching = false;
  refused = false;
  status = 0;
  abort: ((reason?: Error) => void) | undefined;
  pendingAbort: Error | undefined;
  resume: (() => void) | undefined;
  /** undici stopped reading because the caller's stream was full. */
  paused = false;
  totalTimer: NodeJS.Timeout | undefined;
  removeAbortListener: (() => void) | undefined;
  response: PipelineResponse | undefined;
  /** Where body bytes go when they do not simply gather into `chunks`. */
  body: UndiciResponseBody | undefined;
  /** The stream handed to the caller when it is not `body` itself (decoded or counted). */
  callerStream: PassThrough | undefined;
  chunks: Buffer[] = [];
  onDownload: ((event: TransferProgressEvent) => void) | undefined;
  uploadReported = false;

  constructor(
    readonly request: PipelineRequest,
    readonly url: URL,
    readonly resolve: (response: PipelineResponse) => void,
    readonly reject: (error: unknown) => void,
    readonly inFlight: Set<UndiciExchange>,
  ) {}

  cleanup(): void {
    this.inFlight.delete(this);
    if (this.totalTimer) clearTimeout(this.totalTimer);
    this.totalTimer = undefined;
    if (this.removeAbortListener) {
      this.removeAbortListener();
      this.removeAbortListener = undefined;
    }
  }

  fail(error: unknown): void {
    this.cleanup();
    if (this.settled) {
      // The response was handed over as a stream: fail the stream the caller reads.
      const body = this.callerStream ?? this.body;
      if (body !== undefined && !body.destroyed) body.destroy(error as Error);
      return;
    }
    this.settled = true;
    this.reject(error);
  }

  succeed(response: PipelineResponse): void {
    this.cleanup();
    if (this.settled) return;
    this.settled = true;
    this.resolve(response);
  }

  /** Fails the exchange with `error` (abort, timeout, close) and stops undici's request. */
  abortWith(error: AzureError): void {
    this.fail(error);
    this.abortUndici(error);
  }

  abortUndici(error: Error): void {
    if (this.completed) return;
    if (this.abort !== undefined) this.abort(error);
    else this.pendingAbort = error;
  }

  classify(cause: unknown, code?: string): AzureError {
    if (cause instanceof AzureError) return cause;
    const mapped =
      code ?? CODE_OF_UNDICI_ERROR[(cause as { code?: string } | undefined)?.code ?? ""] ?? undefined;
    const safeUrl = sanitizeUrl(this.url);
    if (this.responded) return responseError(this.request, safeUrl, cause, this.status, mapped);
    return requestError(this.request, safeUrl, cause, !this.connected, mapped);
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.pendingAbort !== undefined) {
      abort(this.pendingAbort);
      return;
    }
    this.abort = abort;
    this.connected = true;
  }

  onRequestSent(): void {
    this.reportUpload();
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void): boolean {
    if (status < 200) return true;
    if (this.settled) return false;
    this.reportUpload();
    const request = this.request;
    this.responded = true;
    this.status = status;
    const headers = createHttpHeadersFromRawBuffers(rawHeaders);
    const response: PipelineResponse = { request, status, headers };
    this.response = response;
    if (hasNoBody(request.method, status)) {
      response.bodyAsText = request.method === "HEAD" ? null : "";
      return true;
    }
    this.resume = resume;
    this.onDownload = guardProgressCallback(request.onDownloadProgress, `${request.method} download`);
    const decoder = requestedDecoder(request, headers.get("content-encoding"));
    const codes = request.streamResponseStatusCodes;
    const streamed = codes !== undefined && (codes.has(status) || codes.has(Number.POSITIVE_INFINITY));
    if (!streamed && !decoder && !this.onDownload) return true;
    const body = new UndiciResponseBody(this);
    this.body = body;
    let stream: NodeJS.ReadableStream = body;
    if (this.onDownload || decoder) {
      const stages: NodeJS.ReadWriteStream[] = [];
      if (this.onDownload) stages.push(progressTransform(this.onDownload));
      if (decoder) stages.push(decoder);
      this.onDownload = undefined;
      pipeline([body, ...stages] as never, (error: unknown) => {
        if (error) {
          const code = decoder && !(error as { code?: string }).code ? "DECODE_ERROR" : undefined;
          this.fail(this.classify(error, code));
        }
      });
      stream = stages.at(-1)!;
      if (streamed) {
        // The caller reads a stream of its own, so a failure anywhere reaches it as the typed error,
        // and dropping it early frees the connection.
        const readable = new PassThrough();
        stream.pipe(readable);
        readable.on("close", () => {
          if (!this.completed) this.abortUndici(new Error("the response body was dropped"));
        });
        this.callerStream = readable;
        stream = readable;
      }
    }
    if (streamed) {
      response.readableStreamBody = stream;
      this.settled = true;
      this.resolve(response);
      return true;
    }
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      response.bodyAsText = Buffer.concat(chunks).toString("utf8");
      this.succeed(response);
    });
    return true;
  }

  onData(chunk: Buffer): boolean {
    const body = this.body;
    if (body !== undefined) {
      if (body.destroyed) return true;
      if (body.push(chunk)) return true;
      this.paused = true;
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.completed = true;
    const response = this.response;
    if (response === undefined) return;
    if (this.body !== undefined) {
      // The stream's own "end" (or its reader) settles the exchange.
      process.nextTick(afterUndiciFreesConnection, endBody, this);
      return;
    }
    if (response.bodyAsText === undefined) {
      const chunks = this.chunks;
      response.bodyAsText =
        chunks.length === 1
          ? chunks[0]!.toString("utf8")
          : chunks.length === 0
            ? ""
            : Buffer.concat(chunks).toString("utf8");
    }
    process.nextTick(afterUndiciFreesConnection, succeedExchange, this);
  }

  onError(error: Error): void {
    this.completed = true;
    if (this.dispatching && (error as { code?: string }).code === "UND_ERR_INVALID_ARG") {
      this.refused = true;
      this.settled = true;
      return;
    }
    this.fail(this.classify(error));
  }

  onUpgrade(): void {
    // azkit never asks for an upgrade.
  }

  private reportUpload(): void {
    if (this.uploadReported) return;
    this.uploadReported = true;
    const request = this.request;
    const body = request.body;
    if (request.onUploadProgress === undefined || body === undefined) return;
    const onUpload = guardProgressCallback(request.onUploadProgress, `${request.method} upload`);
    onUpload?.({
      loadedBytes: typeof body === "string" ? Buffer.byteLength(body) : (body as Uint8Array).byteLength,
    });
  }
}
