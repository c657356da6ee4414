// A loopback HTTP proxy in front of Azurite that can cut response bodies short: it forwards
// requests as they are (the Shared Key signature covers the path, not the host) and, for the
// responses a rule picks, sends only the first bytes of the body and then destroys the socket.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CutRule {
  /** Decides per proxied GET whether to cut it, and after how many body bytes. */
  cutAfter(request: IncomingMessage, index: number): number | undefined;
  /** Runs right before a cut (e.g. to change the blob in the meantime). */
  beforeCut?: () => Promise<void>;
}

export interface CuttingProxy {
  /** The proxy's blob endpoint (same account path as the target). */
  url: string;
  /** Every GET seen, with its Range and If-Match headers. */
  gets: Array<{ range?: string; ifMatch?: string; cut: boolean }>;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetBlobUrl: string, rule: CutRule): Promise<CuttingProxy> {
  const target = new URL(targetBlobUrl);
  const gets: CuttingProxy["gets"] = [];
  const server: Server = createServer((req, res) => {
    const isGet = req.method === "GET";
    const index = gets.length;
    const cutAfter = isGet ? rule.cutAfter(req, index) : undefined;
    if (isGet) {
      gets.push({
        range: req.headers["x-ms-range"] as string | undefined,
        ifMatch: req.headers["if-match"] as string | undefined,
        cut: cutAfter !== undefined,
      });
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (cutAfter === undefined) {
          up.pipe(res);
          return;
        }
        let sent = 0;
        let cutting = false;
        up.on("data", (chunk: Buffer) => {
          if (cutting) return;
          const room = cutAfter - sent;
          if (chunk.length < room) {
            sent += chunk.length;
            res.write(chunk);
            return;
          }
          cutting = true;
          res.write(chunk.subarray(0, room));
          up.destroy();
          void (async () => {
            await rule.beforeCut?.();
            // Let the partial bytes reach the client before the reset.
            setImmediate(() => res.socket?.destroy());
          })();
        });
        up.on("end", () => {
          if (!cutting) res.end();
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    gets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
