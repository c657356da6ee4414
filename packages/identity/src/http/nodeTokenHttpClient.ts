import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import {
  AbortError,
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
  ServiceRequestError,
} from "@azkit/core-http";

/** A core-http `HttpClient` that can release its sockets. */
export interface ClosableHttpClient extends HttpClient {
  /** Destroys every pooled socket; later requests open new ones. */
  close(): void;
}

/**
 * The transport credentials use when the caller gives none: core-http's `HttpClient` contract over
 * `node:http`/`node:https` with a keep-alive pool owned by one credential, so `close()` can release
 * exactly that credential's sockets (core-http's shared transport has no per-owner close). Token bodies
 * are small JSON documents, so it reads them as text and does nothing else: no proxies, no decoding.
 */
export function createNodeTokenHttpClient(): ClosableHttpClient {
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpsAgent | undefined;
  const getHttpAgent = (): HttpAgent => {
    httpAgent ??= new HttpAgent({ keepAlive: true });
    return httpAgent;
  };
  const getHttpsAgent = (): HttpsAgent => {
    httpsAgent ??= new HttpsAgent({ keepAlive: true });
    return httpsAgent;
  };

  const sendRequest = (request: PipelineRequest): Promise<PipelineResponse> =>
    new Promise((resolve, reject) => {
      const url = new URL(request.url);
      const isHttps = url.protocol === "https:";
      if (!isHttps && !request.allowInsecureConnection) {
        reject(
          new ServiceRequestError(`${request.method} ${url.origin}${url.pathname}: plain http is refused.`, {
            code: "INSECURE_CONNECTION",
          }),
        );
        return;
      }
      const signal = request.abortSignal;
      if (signal?.aborted) {
        reject(new AbortError(`${request.method} ${url.origin}${url.pathname}: aborted.`));
        return;
      }
      const agent = isHttps ? getHttpsAgent() : getHttpAgent();
      const headers = request.headers.toJSON();
      const body = typeof request.body === "string" ? request.body : undefined;
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const send = isHttps ? httpsRequest : httpRequest;
      const req = send(url, { method: request.method, headers, agent });
      const where = `${request.method} ${url.origin}${url.pathname}`;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => req.destroy(new AbortError(`${where}: aborted.`));
      const finish = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      signal?.addEventListener("abort", onAbort);
      if (request.timeout > 0) {
        timer = setTimeout(() => {
          req.destroy(
            new ServiceRequestError(`${where}: no response within ${request.timeout} ms.`, {
              code: "REQUEST_TIMEOUT",
            }),
          );
        }, request.timeout);
      }
      req.on("error", (error: NodeJS.ErrnoException) => {
        finish();
        if (error instanceof AbortError || error instanceof ServiceRequestError) reject(error);
        else
          reject(
            new ServiceRequestError(`${where}: ${error.code ?? "request failed"}.`, {
              code: error.code ?? "REQUEST_SEND_ERROR",
              cause: error,
            }),
          );
      });
      req.on("response", (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => {
          finish();
          reject(error);
        });
        response.on("end", () => {
          finish();
          const responseHeaders = createHttpHeaders();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined)
              responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve({
            request,
            status: response.statusCode ?? 0,
            headers: responseHeaders,
            bodyAsText: Buffer.concat(chunks).toString("utf8"),
          });
        });
      });
      req.end(body);
    });

  return {
    sendRequest,
    close() {
      httpAgent?.destroy();
      httpsAgent?.destroy();
      httpAgent = undefined;
      httpsAgent = undefined;
    },
  };
}
