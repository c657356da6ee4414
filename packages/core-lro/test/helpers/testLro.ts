import { Agent, request } from "node:http";
import type { AbortSignalLike } from "@azkit/core-http";
import type { LroResponse, RunningOperation } from "../../src/index.js";

const agent = new Agent({ keepAlive: true });

/** Sends one request with node:http (no global timers, so fake timers cannot fire transport timeouts). */
export function sendHttp(
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignalLike,
): Promise<LroResponse> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        signal: signal as AbortSignal | undefined,
        headers: text ? { "content-type": "application/json" } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
          resolve({
            statusCode: res.statusCode ?? 0,
            headers,
            body: raw ? JSON.parse(raw) : undefined,
            rawResponse: res,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/** A {@link RunningOperation} over node:http: `method url` first, then GETs on whatever URL the strategy asks. */
export function createTestLro(
  method: string,
  url: string,
  body?: unknown,
): RunningOperation & { sent: string[] } {
  const sent: string[] = [];
  return {
    requestMethod: method,
    requestUrl: url,
    sent,
    sendInitialRequest: ({ abortSignal }) => {
      sent.push(`${method} ${url}`);
      return sendHttp(method, url, body, abortSignal);
    },
    sendPollRequest: (pollUrl, { abortSignal }) => {
      sent.push(`GET ${pollUrl}`);
      return sendHttp("GET", pollUrl, undefined, abortSignal);
    },
  };
}
