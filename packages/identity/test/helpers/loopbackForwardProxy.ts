import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A plain-http forward proxy on loopback that records the absolute URLs it was asked for. */
export interface LoopbackForwardProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `METHOD absolute-url` for each request that went through. */
  seen: string[];
  close(): Promise<void>;
}

export async function startLoopbackForwardProxy(): Promise<LoopbackForwardProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    // A forward proxy receives the absolute URL as the request target.
    const outgoing = forward(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.on("error", () => res.writeHead(502).end());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
