import { afterEach } from "vitest";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as the loopback server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real node:http server on 127.0.0.1 with a port of its own, recording what it receives. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  server: Server;
  requests: SeenRequest[];
  /** Sockets opened by clients, to check keep-alive reuse and destruction. */
  sockets: Set<Socket>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Starts a server; the handler runs once the request body has been read (unless `raw`). */
export async function startServer(
  handler: Handler,
  options: { raw?: boolean } = {},
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (options.raw) {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: "" });
      handler(req, res, "");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    requests,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The servers of one test file, closed after each of its tests (push every server started): a
 * failing test must not leave a listening server behind for the next one. Call at module level.
 */
export function serversClosedAfterEach(): LoopbackServer[] {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return servers;
}

/** A server that answers each request with the next scripted reply (the last one repeats). */
export async function startScriptedServer(
  replies: { status: number; headers?: Record<string, string>; body?: string; destroy?: boolean }[],
): Promise<LoopbackServer> {
  let index = 0;
  return startServer((_req, res) => {
    const reply = replies[Math.min(index++, replies.length - 1)]!;
    if (reply.destroy) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body ?? "");
  });
}

/** Yields to real I/O until `condition` holds (no wall-clock sleeps; setImmediate is never faked here). */
export async function until(condition: () => boolean, what = "condition", limitInMs = 10_000): Promise<void> {
  // performance.now is never faked by these tests, so the limit holds under fake timers too.
  const deadline = performance.now() + limitInMs;
  while (performance.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `startServer` for one test file: every server it starts is closed after each test. Call at module level. */
export function serveClosedAfterEach(): typeof startServer {
  const servers = serversClosedAfterEach();
  return async (...args) => {
    const server = await startServer(...args);
    servers.push(server);
    return server;
  };
}
