import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server saw; `time` is `Date.now()` when it arrived (fake under fake timers). */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  time: number;
}

/** What a scripted handler answers. */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoopbackServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1:0 that answers each request with `handler`, recording every request. */
export async function startLoopbackServer(
  handler: (request: SeenRequest, baseUrl: string) => ScriptedResponse,
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  let baseUrl = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        time: Date.now(),
      };
      requests.push(seen);
      let answer: ScriptedResponse;
      try {
        answer = handler(seen, baseUrl);
      } catch (error) {
        answer = { status: 599, body: { error: { code: "TestScript", message: String(error) } } };
      }
      const text =
        answer.body === undefined
          ? ""
          : typeof answer.body === "string"
            ? answer.body
            : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(text ? { "content-type": "application/json" } : {}),
        ...answer.headers,
        "content-length": String(Buffer.byteLength(text)),
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that answers from a fixed list, in order, whatever the request; a request past the end gets 599. */
export async function startScriptServer(
  script: (ScriptedResponse | ((request: SeenRequest, baseUrl: string) => ScriptedResponse))[],
): Promise<LoopbackServer> {
  let next = 0;
  return startLoopbackServer((request, baseUrl) => {
    const step = script[next++];
    if (!step)
      return { status: 599, body: { error: { code: "TestScript", message: "unexpected extra request" } } };
    return typeof step === "function" ? step(request, baseUrl) : step;
  });
}

/**
 * A server scripted per route like ARM: `"GET /op"` -> the responses that route gives, in order.
 * Header values and body strings may contain `{base}`, replaced by the server's URL so Location/monitor URLs point back to it.
 */
export async function startArmServer(routes: Record<string, ScriptedResponse[]>): Promise<LoopbackServer> {
  const cursors = new Map<string, number>();
  return startLoopbackServer((request, baseUrl) => {
    const key = `${request.method} ${request.path}`;
    const list = routes[key];
    const index = cursors.get(key) ?? 0;
    cursors.set(key, index + 1);
    const step = list?.[index];
    if (!step)
      return {
        status: 599,
        body: { error: { code: "TestScript", message: `unscripted ${key} #${index + 1}` } },
      };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.headers ?? {})) headers[k] = v.replaceAll("{base}", baseUrl);
    const body =
      step.body === undefined
        ? undefined
        : JSON.parse(JSON.stringify(step.body).replaceAll("{base}", baseUrl));
    return { ...step, headers, body };
  });
}

/** The request sequence as "METHOD /path" strings. */
export function sequence(server: LoopbackServer): string[] {
  return server.requests.map((r) => `${r.method} ${r.path}`);
}
