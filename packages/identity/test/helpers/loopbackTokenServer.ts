import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request the server received, with its form or query parsed. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  query: Record<string, string>;
  form: Record<string, string>;
}

type Handler = (request: RecordedRequest, res: ServerResponse) => void;

/**
 * A real loopback token endpoint: Microsoft Entra ID's client-credentials route, IMDS and the App Service
 * identity endpoint, answering with tokens "<route>-token-<n>" unless a test overrides `handle`.
 */
export interface LoopbackTokenServer {
  url: string;
  requests: RecordedRequest[];
  /** Sockets currently open to the server (to prove close() releases them). */
  openSockets(): number;
  /** Replaces the default answers; call `defaultHandler` for the ones you do not change. */
  handle: Handler;
  defaultHandler: Handler;
  close(): Promise<void>;
}

export async function startLoopbackTokenServer(): Promise<LoopbackTokenServer> {
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  let issued = 0;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const defaultHandler: Handler = (request, res) => {
    issued++;
    if (request.method === "POST" && /\/oauth2\/v2\.0\/token$/.test(request.path)) {
      json(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: `entra-token-${issued}` });
    } else if (request.path === "/metadata/identity/oauth2/token") {
      if (request.headers.metadata !== "true") return json(res, 400, { error: "invalid_request" });
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      json(res, 200, {
        access_token: `imds-token-${issued}`,
        expires_on: String(expiresOn),
        expires_in: "3600",
      });
    } else if (request.path === "/msi/token") {
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      json(res, 200, {
        access_token: `appservice-token-${issued}`,
        expires_on: expiresOn,
        token_type: "Bearer",
      });
    } else {
      json(res, 404, { error: "not_found" });
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        headers: req.headers,
        query: Object.fromEntries(url.searchParams),
        form: Object.fromEntries(new URLSearchParams(body)),
      };
      requests.push(recorded);
      result.handle(recorded, res);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const result: LoopbackTokenServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    openSockets: () => sockets.size,
    handle: defaultHandler,
    defaultHandler,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return result;
}

/** A loopback URL where nothing listens (the port was just freed), for "unreachable" cases. */
export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Resolves once the next socket closes on the server side (used to prove close() released sockets). */
export function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setImmediate(check));
    check();
  });
}
