import {
  Agent as HttpAgent,
  type ClientRequest,
  type IncomingMessage,
  request as httpRequest,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import { finished, PassThrough, pipeline, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { sanitizeUrl } from "@azkit/core-logging";
import { addAbortListener } from "../abortListeners.js";
import { AbortError, AzureError, ServiceRequestError } from "../errors.js";
import { appendRawHeaderList, createHttpHeadersFromRawList } from "../httpHeaders.js";
import { fileRangeOf } from "../fileRangeBody.js";
import type { PipelineRequest, TransferProgressEvent } from "../pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "../pipelineResponse.js";
import { guardProgressCallback } from "./progressCallback.js";
import { ProxyAgentPool } from "./proxyAgents.js";
import { abortError, requestError, responseError } from "./transportErrors.js";
import { writeFileRange } from "./writeFileRange.js";

/**
 * Options of the default `node:http` transport.
 * @public
 */
export interface DefaultHttpClientOptions {
  /** Connection timeout when neither the request nor its settings give one; 300000 by default. */
  connectionTimeoutInMs?: number;
  /** Read (idle) timeout when neither the request nor its settings give one; 300000 by default. */
  readTimeoutInMs?: number;
  /** Most sockets per origin; unlimited by default. */
  maxSocketsPerOrigin?: number;
  /** TLS material for https: extra CAs (corporate roots, emulators) and client certificates. */
  tlsSettings?: TlsSettings;
  /**
   * What sends the requests. `"auto"` (the default) starts on `node:http` and, once the client has
   * sent 100 requests, loads the undici that ships inside Node in the background and sends direct
   * requests with in-memory bodies through it (about half the CPU per small request); proxied
   * requests and streamed request bodies stay on `node:http`. `"node:http"` never switches;
   * `"undici"` loads it at once. Where Node's undici cannot be reached, `node:http` serves all.
   */
  engine?: "auto" | "node:http" | "undici";
}

/**
 * TLS material for the https agent (the `@azure/core-rest-pipeline` shape). Certificate checks
 * cannot be turned off.
 * @public
 */
export interface TlsSettings {
  /** Certificate authorities to trust in place of Node's defaults (PEM). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate chain (PEM). */
  cert?: string | Buffer | Array<string | Buffer>;
  /** Client private key (PEM). */
  key?: string | Buffer | Array<string | Buffer>;
  /** Client certificate and key as PFX/PKCS#12. */
  pfx?: string | Buffer | Array<string | Buffer>;
  /** Passphrase of `key` or `pfx`. */
  passphrase?: string;
}

/**
 * The transport `createDefaultHttpClient` returns: an `HttpClient` that owns its connection pools
 * and can release them.
 * @public
 */
export interface DefaultHttpClient extends HttpClient {
  /**
   * Destroys every socket this client holds: pooled keep-alive connections, proxy tunnels and the
   * connections of requests still in flight, which fail with code `CLIENT_CLOSED` (not retried).
   * Call it when you are done with a client you created, so the process can exit without waiting for
   * idle sockets to time out. Idempotent; the client stays usable: a later request opens new
   * connections.
   */
  close(): void;
  /** What sends direct requests now: `"node:http"`, or `"undici"` once the client has switched. */
  readonly activeEngine: "node:http" | "undici";
}

const DEFAULT_TIMEOUT_IN_MS = 300_000;
const FREE_SOCKET_TIMEOUT_IN_MS = 30_000;

/** Statuses that never carry a body. */
export function hasNoBody(method: string, status: number): boolean {
  return method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200);
}

export function progressTransform(report: (event: TransferProgressEvent) => void): Transform {
  let loadedBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      loadedBytes += chunk.length;
      report({ loadedBytes });
      callback(null, chunk);
    },
  });
}

/** The local failure of a streamed body whose length is not its Content-Length. */
class BodyLengthError extends RangeError {
  readonly code = "BODY_LENGTH_MISMATCH";
}

/**
 * Passes exactly `expected` bytes, holding the last one back until the source has ended: a source
 * that runs long or ends early fails before the service has received `Content-Length` bytes, so
 * it can never commit a truncated or shortened body.
 */
function exactLengthTransform(expected: number): Transform {
  let seen = 0;
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > expected) {
        callback(
          new BodyLengthError(
            `the request body is longer than its Content-Length of ${expected} bytes (at least ${seen} bytes)`,
          ),
        );
        return;
      }
      if (seen === expected && chunk.length > 0) {
        held = chunk.subarray(chunk.length - 1);
        callback(null, chunk.length > 1 ? chunk.subarray(0, chunk.length - 1) : undefined);
        return;
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (seen !== expected) {
        callback(
          new BodyLengthError(
            `the request body ended after ${seen} bytes; its Content-Length is ${expected} bytes`,
          ),
        );
        return;
      }
      callback(null, held);
    },
  });
}

export function decoderFor(encoding: string | undefined): Transform | undefined {
  if (!encoding) return undefined;
  switch (encoding.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * The decoder of a response body, when the request asked for its encoding: a body stored
 * compressed (a blob with Content-Encoding: gzip) reaches a caller that did not send
 * Accept-Encoding byte for byte.
 */
export function requestedDecoder(
  request: PipelineRequest,
  encoding: string | undefined,
): Transform | undefined {
  if (!encoding) return undefined;
  const accepted = request.headers.get("accept-encoding");
  return accepted?.toLowerCase().includes(encoding.trim().toLowerCase()) ? decoderFor(encoding) : undefined;
}

/** The `node:http`/`node:https` engine of the default transport. */
export class NodeHttpClient implements HttpClient {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly proxyAgents = new ProxyAgentPool();
  /** Exchanges not yet finished, so `close()` can fail them with a clear error. */
  private readonly inFlight = new Set<Exchange>();
  /** TLS material, also handed to proxy agents for the tunnelled TLS connection. */
  private readonly tlsOptions: TlsSettings | undefined;
  private readonly connectionTimeoutInMs: number;
  private readonly readTimeoutInMs: number;

  constructor(options: DefaultHttpClientOptions) {
    const agentOptions = {
      keepAlive: true,
      scheduling: "lifo" as const,
      // Idle pooled sockets close after this; without it Node also ignores a server's shorter
      // `Keep-Alive: timeout=N` hint, and a reused stale socket fails with ECONNRESET.
      timeout: FREE_SOCKET_TIMEOUT_IN_MS,
      ...(options.maxSocketsPerOrigin ? { maxSockets: options.maxSocketsPerOrigin } : {}),
    };
    this.httpAgent = new HttpAgent(agentOptions);
    const tls = options.tlsSettings;
    this.tlsOptions = tls
      ? { ca: tls.ca, cert: tls.cert, key: tls.key, pfx: tls.pfx, passphrase: tls.passphrase }
      : undefined;
    this.httpsAgent = new HttpsAgent({ ...agentOptions, ...this.tlsOptions });
    this.connectionTimeoutInMs = options.connectionTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    this.readTimeoutInMs = options.readTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    this.sendRequest = this.sendRequest.bind(this);
    this.close = this.close.bind(this);
  }

  close(): void {
    for (const exchange of this.inFlight) {
      const error = exchange.classify(new Error("the HttpClient was closed"), "CLIENT_CLOSED");
      // fail() first, so a body handed over as a stream ends with this error, not a reset.
      exchange.fail(error);
      exchange.req.destroy(error);
    }
    this.inFlight.clear();
    // A destroyed node:http Agent stays usable: later requests open new sockets.
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.proxyAgents.destroy();
  }

  sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch (cause) {
      return Promise.reject(requestError(request, "<invalid URL>", cause, true, "INVALID_URL"));
    }
    const isHttps = url.protocol === "https:";
    if (!isHttps) {
      if (url.protocol !== "http:") {
        return Promise.reject(
          requestError(
            request,
            sanitizeUrl(url),
            new Error(`unsupported protocol ${url.protocol}`),
            true,
            "INVALID_URL",
          ),
        );
      }
      if (!(request.allowInsecureConnection ?? request.settings?.allowInsecureConnection)) {
        return Promise.reject(
          new ServiceRequestError(
            `${request.method} ${sanitizeUrl(url)}: plain http is refused; use https, or set allowInsecureConnection for a local emulator.`,
            { code: "INSECURE_CONNECTION", request },
          ),
        );
      }
    }
    if (request.abortSignal?.aborted) return Promise.reject(abortError(request, sanitizeUrl(url)));
    if (request.proxySettings && !request.disableProxy) {
      return this.proxyAgents.get(request.proxySettings, isHttps).then(
        (agent) => this.send(request, url, isHttps, agent),
        (cause) => Promise.reject(requestError(request, sanitizeUrl(url), cause, true, "PROXY_SETUP_FAILED")),
      );
    }
    return this.send(request, url, isHttps, isHttps ? this.httpsAgent : this.httpAgent);
  }

  private send(
    request: PipelineRequest,
    url: URL,
    isHttps: boolean,
    agent: HttpAgent,
  ): Promise<PipelineResponse> {
    const settings = request.settings;
    const connectTimeout =
      request.connectionTimeoutInMs ?? settings?.connectionTimeoutInMs ?? this.connectionTimeoutInMs;
    const readTimeout = request.readTimeoutInMs ?? settings?.readTimeoutInMs ?? this.readTimeoutInMs;
    const body = request.body;
    let contentLength: string | undefined;
    if (!request.headers.has("content-length")) {
      if (typeof body === "string") contentLength = String(Buffer.byteLength(body));
      else if (body instanceof Uint8Array) contentLength = String(body.byteLength);
      else if (body === undefined) {
        if (request.method !== "GET" && request.method !== "HEAD") contentLength = "0";
      } else {
        const range = fileRangeOf(body);
        if (range !== undefined) contentLength = String(range.length);
      }
    }
    let headers: Record<string, string> | string[];
    const direct = agent === this.httpAgent || agent === this.httpsAgent;
    if (direct) {
      // The flat list goes to node:http as is, skipping a setHeader call per header.
      const list = request.headers.has("host") ? [] : ["Host", url.host];
      appendRawHeaderList(request.headers, list);
      if (contentLength !== undefined) list.push("Content-Length", contentLength);
      headers = list;
    } else {
      // Proxy agents rewrite headers after the request is created: give them an object.
      headers = request.headers.toJSON({ preserveCase: true });
      if (contentLength !== undefined) headers["Content-Length"] = contentLength;
    }
    const host = url.hostname;
    let req: ClientRequest;
    try {
      req = (isHttps ? httpsRequest : httpRequest)({
        protocol: url.protocol,
        hostname: host.charCodeAt(0) === 91 ? host.slice(1, -1) : host, // "[::1]" -> "::1"
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers,
        agent,
        // Through a proxy, the TLS connection to the target is made by the proxy agent.
        ...(!direct && isHttps ? this.tlsOptions : undefined),
      });
    } catch (cause) {
      // node:http refuses bad header names/values (CR/LF injection) and methods synchronously.
      return Promise.reject(requestError(request, sanitizeUrl(url), cause, true));
    }
    return new Promise<PipelineResponse>((resolve, reject) => {
      const exchange = new Exchange(request, url, isHttps, req, resolve, reject, this.inFlight);
      this.inFlight.add(exchange);
      (req as ClientRequestWithExchange)[kExchange] = exchange;
      req.on("socket", onRequestSocket);
      req.on("error", onRequestError);
      req.on("response", onRequestResponse);
      if (readTimeout > 0) {
        exchange.readTimeout = readTimeout;
        req.setTimeout(readTimeout, onRequestTimeout);
      }
      exchange.connectTimeout = connectTimeout;
      if (request.timeout > 0) exchange.totalTimer = setTimeout(onTotalTimeout, request.timeout, exchange);
      const signal = request.abortSignal;
      if (signal) {
        exchange.removeAbortListener = addAbortListener(signal, () => {
          const error = abortError(request, sanitizeUrl(url));
          // fail() first: a body already handed over as a stream then ends with this AbortError,
          // not with the reset the destroy causes.
          exchange.fail(error);
          req.destroy(error);
        });
      }
      writeBody(exchange);
    });
  }
}

/**
 * The state of one request/response exchange. Event handlers are module-level functions that
 * find it on the emitter, so a request allocates this object instead of a dozen closures.
 */
class Exchange {
  settled = false;
  connected = false;
  responded = false;
  connectTimeout = 0;
  readTimeout = 0;
  connectTimer: NodeJS.Timeout | undefined;
  totalTimer: NodeJS.Timeout | undefined;
  removeAbortListener: (() => void) | undefined;
  res: IncomingMessage | undefined;
  response: PipelineResponse | undefined;
  bodyStream: NodeJS.ReadableStream | undefined;
  chunks: Buffer[] = [];

  constructor(
    readonly request: PipelineRequest,
    readonly url: URL,
    readonly isHttps: boolean,
    readonly req: ClientRequest,
    readonly resolve: (response: PipelineResponse) => void,
    readonly reject: (error: unknown) => void,
    readonly inFlight: Set<Exchange>,
  ) {}

  cleanup(): void {
    this.inFlight.delete(this);
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.totalTimer) clearTimeout(this.totalTimer);
    if (this.removeAbortListener) {
      this.removeAbortListener();
      this.removeAbortListener = undefined;
    }
  }

  fail(error: unknown): void {
    this.cleanup();
    if (this.settled) {
      // The response was handed over as a stream: fail the stream the caller reads.
      const stream = this.bodyStream as (NodeJS.ReadableStream & { destroy?(e: unknown): void }) | undefined;
      stream?.destroy?.(error);
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

  classify(cause: unknown, code?: string): AzureError {
    if (cause instanceof AzureError) return cause;
    const safeUrl = sanitizeUrl(this.url);
    if (this.responded) return responseError(this.request, safeUrl, cause, this.res?.statusCode, code);
    return requestError(this.request, safeUrl, cause, !this.connected, code);
  }

  destroyWith(message: string, code: string): void {
    this.req.destroy(this.classify(new Error(message), code));
  }
}

const kExchange = Symbol("azkit.exchange");
type ClientRequestWithExchange = ClientRequest & { [kExchange]: Exchange };
type SocketWithExchange = Socket & { [kExchange]?: Exchange };
type StreamWithExchange = NodeJS.ReadableStream & { [kExchange]?: Exchange };

function exchangeOf(emitter: unknown): Exchange {
  return (emitter as { [kExchange]: Exchange })[kExchange];
}

function onRequestSocket(this: ClientRequest, socket: Socket): void {
  const exchange = exchangeOf(this);
  if (!socket.connecting) {
    exchange.connected = true;
    return;
  }
  if (exchange.connectTimeout > 0) {
    exchange.connectTimer = setTimeout(onConnectTimeout, exchange.connectTimeout, exchange);
  }
  (socket as SocketWithExchange)[kExchange] = exchange;
  socket.once(exchange.isHttps ? "secureConnect" : "connect", onSocketConnect);
}

function onSocketConnect(this: SocketWithExchange): void {
  const exchange = this[kExchange];
  // The socket outlives this exchange in the keep-alive pool.
  this[kExchange] = undefined;
  if (!exchange) return;
  exchange.connected = true;
  if (exchange.connectTimer) clearTimeout(exchange.connectTimer);
  exchange.connectTimer = undefined;
}

function onConnectTimeout(exchange: Exchange): void {
  exchange.destroyWith(`no connection within ${exchange.connectTimeout} ms`, "CONNECT_TIMEOUT");
}

function onTotalTimeout(exchange: Exchange): void {
  exchange.destroyWith(`not done within ${exchange.request.timeout} ms`, "REQUEST_TIMEOUT");
}

function onRequestTimeout(this: ClientRequest): void {
  const exchange = exchangeOf(this);
  exchange.destroyWith(`no data for ${exchange.readTimeout} ms`, "READ_TIMEOUT");
}

function onRequestError(this: ClientRequest, error: Error): void {
  const exchange = exchangeOf(this);
  exchange.fail(exchange.classify(error));
}

function onIncomingError(this: StreamWithExchange, error: Error): void {
  const exchange = this[kExchange]!;
  exchange.fail(exchange.classify(error));
}

function onIncomingClose(this: IncomingMessage): void {
  if (this.complete) return;
  const exchange = exchangeOf(this);
  exchange.fail(exchange.classify(new Error("the connection closed before the body ended"), "ECONNRESET"));
}

function onEmptyBodyEnd(this: IncomingMessage): void {
  const exchange = exchangeOf(this);
  exchange.succeed(exchange.response!);
}

function onBodyData(this: StreamWithExchange, chunk: Buffer): void {
  this[kExchange]!.chunks.push(chunk);
}

function onBodyEnd(this: StreamWithExchange): void {
  const exchange = this[kExchange]!;
  const chunks = exchange.chunks;
  const response = exchange.response!;
  response.bodyAsText =
    chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
  exchange.succeed(response);
}

function onStreamedBodyDone(this: StreamWithExchange): void {
  this[kExchange]?.cleanup();
}

function onStreamedBodyClose(this: StreamWithExchange): void {
  const exchange = this[kExchange];
  if (exchange === undefined) return;
  exchange.cleanup();
  // Dropped before the end: nobody will read the rest, so give the socket up.
  if (exchange.res !== undefined && !exchange.res.complete) exchange.req.destroy();
}

function onRequestResponse(this: ClientRequest, incoming: IncomingMessage): void {
  const exchange = exchangeOf(this);
  const request = exchange.request;
  exchange.responded = true;
  exchange.res = incoming;
  (incoming as unknown as StreamWithExchange)[kExchange] = exchange;
  const status = incoming.statusCode ?? 0;
  const response: PipelineResponse = {
    request,
    status,
    headers: createHttpHeadersFromRawList(incoming.rawHeaders),
  };
  exchange.response = response;
  incoming.on("error", onIncomingError);
  incoming.on("close", onIncomingClose);

  if (hasNoBody(request.method, status)) {
    response.bodyAsText = request.method === "HEAD" ? null : "";
    incoming.on("end", onEmptyBodyEnd);
    incoming.resume();
    return;
  }

  let stream: StreamWithExchange = incoming;
  const onDownload = guardProgressCallback(request.onDownloadProgress, `${request.method} download`);
  const decoder = requestedDecoder(request, incoming.headers["content-encoding"]);
  if (onDownload || decoder) {
    const stages: NodeJS.ReadWriteStream[] = [];
    if (onDownload) stages.push(progressTransform(onDownload));
    if (decoder) stages.push(decoder);
    stream = stages.at(-1)!;
    stream[kExchange] = exchange;
    pipeline([incoming, ...stages] as never, (error: unknown) => {
      if (error) {
        exchange.fail(
          exchange.classify(
            error,
            decoder && !(error as { code?: string }).code ? "DECODE_ERROR" : undefined,
          ),
        );
      }
    });
  }

  const codes = request.streamResponseStatusCodes;
  if (codes !== undefined && (codes.has(status) || codes.has(Number.POSITIVE_INFINITY))) {
    // The caller reads a stream of its own: every way the body can fail (reset, read timeout,
    // abort, close()) then reaches it as the exchange's typed error, never as node's bare
    // "aborted"; and dropping it early frees the connection.
    const passThrough = new PassThrough();
    stream.pipe(passThrough);
    const body = passThrough as StreamWithExchange;
    body[kExchange] = exchange;
    exchange.bodyStream = body;
    response.readableStreamBody = body;
    body.on("end", onStreamedBodyDone);
    body.on("close", onStreamedBodyClose);
    exchange.settled = true;
    exchange.resolve(response);
    return;
  }
  stream.on("data", onBodyData);
  stream.on("end", onBodyEnd);
}

function writeBody(exchange: Exchange): void {
  const { req, request } = exchange;
  const body = request.body;
  const onUpload = guardProgressCallback(request.onUploadProgress, `${request.method} upload`);
  if (body === undefined) {
    req.end();
    return;
  }
  if (typeof body === "string" || body instanceof Uint8Array) {
    if (onUpload) {
      const loadedBytes = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
      req.end(body, () => onUpload({ loadedBytes }));
    } else req.end(body);
    return;
  }
  const range = fileRangeOf(body);
  if (range !== undefined) {
    const declared = request.headers.get("content-length");
    if (declared !== undefined && declared !== String(range.length)) {
      failLocally(
        exchange,
        new BodyLengthError(
          `the file range body has ${range.length} bytes; its Content-Length is ${declared} bytes`,
        ),
      );
      return;
    }
    writeFileRange(req, range, onUpload, (error) => failLocally(exchange, error));
    return;
  }
  let source: NodeJS.ReadableStream;
  try {
    source = typeof body === "function" ? body() : body;
  } catch (cause) {
    req.destroy();
    exchange.fail(exchange.classify(cause, "BODY_FACTORY_FAILED"));
    return;
  }
  const stages: NodeJS.ReadWriteStream[] = [];
  const declaredLength = request.headers.get("content-length");
  if (declaredLength !== undefined && /^\d+$/.test(declaredLength)) {
    stages.push(exactLengthTransform(Number(declaredLength)));
  }
  if (onUpload) stages.push(progressTransform(onUpload));
  // A failure of the body's source is local (failLocally): not the request's error.
  let requestClosed = false;
  const onSourceDone = (error: unknown): void => {
    if (!error || requestClosed || error instanceof AbortError) return;
    failLocally(exchange, error);
  };
  let last = source;
  if (stages.length === 0) finished(source, onSourceDone);
  else last = pipeline([source, ...stages] as never, onSourceDone) as unknown as NodeJS.ReadableStream;
  last.pipe(req);
  // A request torn down (abort, timeout, reset, close()) stops reading its source: release it (a
  // file stream's descriptor) instead of leaving it paused. Its error then is not the request's.
  req.once("close", () => {
    requestClosed = true;
    const readable = source as NodeJS.ReadableStream & { readableEnded?: boolean; destroy?: () => void };
    if (readable.readableEnded === false) readable.destroy?.();
  });
}

/**
 * Fails the exchange with a failure of its body's source (as the cause of a BODY_STREAM_FAILED or
 * BODY_LENGTH_MISMATCH error the retry policy does not retry) before the request is torn down, so
 * the caller never sees the "socket hang up" the teardown causes instead.
 */
function failLocally(exchange: Exchange, error: unknown): void {
  if (exchange.settled) return;
  const { request, req } = exchange;
  const code = error instanceof BodyLengthError ? error.code : "BODY_STREAM_FAILED";
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new ServiceRequestError(
    `${request.method} ${sanitizeUrl(exchange.url)}: reading the request body failed: ${reason} (${code}); a local failure, not retried.`,
    { code, cause: error, request },
  );
  exchange.fail(failure);
  req.destroy(failure);
}
