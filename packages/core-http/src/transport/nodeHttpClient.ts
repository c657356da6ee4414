import {
  Agent as HttpAgent,
  type ClientRequest,
  type IncomingMessage,
  request as httpRequest,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import { pipeline, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { sanitizeUrl } from "@azkit/core-logging";
import { AbortError, AzureError, ServiceRequestError } from "../errors.js";
import { appendRawHeaderList, createHttpHeadersFromRawList } from "../httpHeaders.js";
import type { PipelineRequest, TransferProgressEvent } from "../pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "../pipelineResponse.js";
import { getProxyAgent } from "./proxyAgents.js";
import { abortError, requestError, responseError } from "./transportErrors.js";

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
}

const DEFAULT_TIMEOUT_IN_MS = 300_000;

/** Statuses that never carry a body. */
function hasNoBody(method: string, status: number): boolean {
  return method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200);
}

function progressTransform(report: (event: TransferProgressEvent) => void): Transform {
  let loadedBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      loadedBytes += chunk.length;
      try {
        report({ loadedBytes });
      } catch {
        // A failing progress callback must not fail the transfer.
      }
      callback(null, chunk);
    },
  });
}

function decoderFor(encoding: string | undefined): Transform | undefined {
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

class NodeHttpClient implements HttpClient {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly connectionTimeoutInMs: number;
  private readonly readTimeoutInMs: number;

  constructor(options: DefaultHttpClientOptions) {
    const agentOptions = {
      keepAlive: true,
      scheduling: "lifo" as const,
      ...(options.maxSocketsPerOrigin ? { maxSockets: options.maxSocketsPerOrigin } : {}),
    };
    this.httpAgent = new HttpAgent(agentOptions);
    this.httpsAgent = new HttpsAgent(agentOptions);
    this.connectionTimeoutInMs = options.connectionTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    this.readTimeoutInMs = options.readTimeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
    this.sendRequest = this.sendRequest.bind(this);
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
      return getProxyAgent(request.proxySettings, isHttps).then(
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
      else if (body === undefined && request.method !== "GET" && request.method !== "HEAD")
        contentLength = "0";
    }
    let headers: Record<string, string> | string[];
    if (agent === this.httpAgent || agent === this.httpsAgent) {
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

    return new Promise<PipelineResponse>((resolve, reject) => {
      let settled = false;
      let connected = false;
      let responded = false;
      let connectTimer: NodeJS.Timeout | undefined;
      let totalTimer: NodeJS.Timeout | undefined;
      let res: IncomingMessage | undefined;
      let bodyStream: NodeJS.ReadableStream | undefined;
      const signal = request.abortSignal;

      const cleanup = (): void => {
        if (connectTimer) clearTimeout(connectTimer);
        if (totalTimer) clearTimeout(totalTimer);
        signal?.removeEventListener("abort", onAbort);
      };
      const fail = (error: unknown): void => {
        cleanup();
        if (settled) {
          // The response was handed over as a stream: fail the stream the caller reads.
          const stream = bodyStream as (NodeJS.ReadableStream & { destroy?(e: unknown): void }) | undefined;
          stream?.destroy?.(error);
          return;
        }
        settled = true;
        reject(error);
      };
      const classify = (cause: unknown, code?: string): AzureError => {
        if (cause instanceof AzureError) return cause;
        const safeUrl = sanitizeUrl(url);
        if (responded) return responseError(request, safeUrl, cause, res?.statusCode, code);
        return requestError(request, safeUrl, cause, !connected, code);
      };
      function onAbort(): void {
        req.destroy(abortError(request, sanitizeUrl(url)));
      }

      const req: ClientRequest = (isHttps ? httpsRequest : httpRequest)({
        protocol: url.protocol,
        hostname: host.startsWith("[") ? host.slice(1, -1) : host,
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers,
        agent,
      });
      signal?.addEventListener("abort", onAbort);

      req.on("socket", (socket: Socket) => {
        if (!socket.connecting) {
          connected = true;
          return;
        }
        if (connectTimeout > 0) {
          connectTimer = setTimeout(() => {
            req.destroy(classify(new Error(`no connection within ${connectTimeout} ms`), "CONNECT_TIMEOUT"));
          }, connectTimeout);
        }
        socket.once(isHttps ? "secureConnect" : "connect", () => {
          connected = true;
          if (connectTimer) clearTimeout(connectTimer);
          connectTimer = undefined;
        });
      });
      if (readTimeout > 0) {
        req.setTimeout(readTimeout, () => {
          req.destroy(classify(new Error(`no data for ${readTimeout} ms`), "READ_TIMEOUT"));
        });
      }
      if (request.timeout > 0) {
        totalTimer = setTimeout(() => {
          req.destroy(classify(new Error(`not done within ${request.timeout} ms`), "REQUEST_TIMEOUT"));
        }, request.timeout);
      }
      req.on("error", (error) => fail(classify(error)));

      req.on("response", (incoming: IncomingMessage) => {
        responded = true;
        res = incoming;
        const status = incoming.statusCode ?? 0;
        const response: PipelineResponse = {
          request,
          status,
          headers: createHttpHeadersFromRawList(incoming.rawHeaders),
        };
        incoming.on("error", (error) => fail(classify(error)));
        incoming.on("close", () => {
          if (!incoming.complete)
            fail(classify(new Error("the connection closed before the body ended"), "ECONNRESET"));
        });

        if (hasNoBody(request.method, status)) {
          response.bodyAsText = request.method === "HEAD" ? null : "";
          incoming.on("end", () => {
            cleanup();
            settled = true;
            resolve(response);
          });
          incoming.resume();
          return;
        }

        let stream: NodeJS.ReadableStream = incoming;
        const onDownload = request.onDownloadProgress;
        const decoder = decoderFor(incoming.headers["content-encoding"]);
        const codes = request.streamResponseStatusCodes;
        const streaming = codes !== undefined && (codes.has(status) || codes.has(Number.POSITIVE_INFINITY));
        if (onDownload || decoder) {
          const stages: NodeJS.ReadWriteStream[] = [];
          if (onDownload) stages.push(progressTransform(onDownload));
          if (decoder) stages.push(decoder);
          stream = stages.at(-1)!;
          pipeline([incoming, ...stages] as never, (error: unknown) => {
            if (error)
              fail(
                classify(error, decoder && !(error as { code?: string }).code ? "DECODE_ERROR" : undefined),
              );
          });
        }

        if (streaming) {
          bodyStream = stream;
          response.readableStreamBody = stream;
          stream.on("end", cleanup);
          stream.on("close", cleanup);
          settled = true;
          resolve(response);
          return;
        }

        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          cleanup();
          if (settled) return;
          settled = true;
          response.bodyAsText =
            chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
          resolve(response);
        });
      });

      writeBody(req, request, fail, classify);
    });
  }
}

function writeBody(
  req: ClientRequest,
  request: PipelineRequest,
  fail: (error: unknown) => void,
  classify: (cause: unknown, code?: string) => AzureError,
): void {
  const body = request.body;
  const onUpload = request.onUploadProgress;
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
  let source: NodeJS.ReadableStream;
  try {
    source = typeof body === "function" ? body() : body;
  } catch (cause) {
    req.destroy();
    fail(classify(cause, "BODY_FACTORY_FAILED"));
    return;
  }
  const stages: NodeJS.ReadWriteStream[] = onUpload ? [progressTransform(onUpload)] : [];
  pipeline([source, ...stages, req] as never, (error: unknown) => {
    if (error && !(error instanceof AbortError)) req.destroy(classify(error, "BODY_STREAM_FAILED"));
  });
}

/**
 * Creates azkit's default transport: `node:http`/`node:https` with keep-alive pools per origin,
 * connection and read (idle) timeouts, abort that frees the socket, gzip/deflate/br decoding,
 * upload/download progress, proxies from `request.proxySettings`, and plain http refused unless
 * `allowInsecureConnection`.
 *
 * @example
 * ```ts
 * const httpClient = createDefaultHttpClient();
 * const response = await createEmptyPipeline().sendRequest(httpClient, createPipelineRequest({ url }));
 * ```
 * @public
 */
export function createDefaultHttpClient(options: DefaultHttpClientOptions = {}): HttpClient {
  return new NodeHttpClient(options);
}

let sharedClient: HttpClient | undefined;

/** The process-wide default transport, so every client shares one pool of connections. */
export function getSharedDefaultHttpClient(): HttpClient {
  sharedClient ??= createDefaultHttpClient();
  return sharedClient;
}
