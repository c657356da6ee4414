import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { createProxy, type ProxyServer } from "proxy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type InternalPipelineOptions,
  isServiceRequestError,
} from "../../src/index.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";
import { type LoopbackServer, startServer } from "../helpers/loopbackServer.js";

const PROXY_VARIABLES = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "ALL_PROXY",
  "all_proxy",
  "NO_PROXY",
  "no_proxy",
];
const savedEnv: Record<string, string | undefined> = {};

let target: LoopbackServer;
let proxy: ProxyServer;
let proxyUrl: string;
let proxied: { method: string; url: string; auth?: string }[];

beforeEach(async () => {
  for (const name of PROXY_VARIABLES) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
  target = await startServer((_req, res) => res.end("from target"));
  proxied = [];
  proxy = createProxy(createHttpServer());
  const record = (req: IncomingMessage) =>
    proxied.push({ method: req.method!, url: req.url!, auth: req.headers["proxy-authorization"] });
  proxy.prependListener("request", record);
  proxy.prependListener("connect", record);
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const name of PROXY_VARIABLES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await target.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

for (const engine of TRANSPORT_ENGINES) {
  describe(`proxies on ${engine}`, () => {
    // Proxied requests always go through node:http and its proxy agents, whichever engine is active.
    const transport = createDefaultHttpClient({ engine });
    async function get(url: string, options: InternalPipelineOptions = {}) {
      const pipeline = createPipelineFromOptions({
        allowInsecureConnection: true,
        retryTotal: 0,
        ...options,
      });
      return pipeline.sendRequest(transport, createPipelineRequest({ url }));
    }

    it("reads HTTP_PROXY when the request is sent, not when the pipeline is built", async () => {
      const pipeline = createPipelineFromOptions({ allowInsecureConnection: true });
      process.env.HTTP_PROXY = proxyUrl;
      const response = await pipeline.sendRequest(
        transport,
        createPipelineRequest({ url: `${target.url}/a` }),
      );
      expect(response.bodyAsText).toBe("from target");
      expect(proxied).toEqual([{ method: "GET", url: `${target.url}/a`, auth: undefined }]);
      delete process.env.HTTP_PROXY;
      await pipeline.sendRequest(transport, createPipelineRequest({ url: `${target.url}/b` }));
      expect(proxied).toHaveLength(1);
      expect(target.requests.map((r) => r.url)).toEqual(["/a", "/b"]);
    });

    it("reads the lower-case variables too", async () => {
      process.env.http_proxy = proxyUrl;
      await get(target.url);
      expect(proxied).toHaveLength(1);
    });

    it.each([
      ["the exact host", "example.com,127.0.0.1"],
      ["host:port", () => `127.0.0.1:${target.port}`],
      ["a leading-dot suffix", ".0.0.1"],
      ["a *. suffix", "*.0.0.1"],
      ["*", "*"],
    ])("goes direct when NO_PROXY lists %s", async (_name, noProxy) => {
      process.env.HTTP_PROXY = proxyUrl;
      process.env.no_proxy = typeof noProxy === "function" ? noProxy() : noProxy;
      const response = await get(target.url);
      expect(response.bodyAsText).toBe("from target");
      expect(proxied).toHaveLength(0);
    });

    it("still proxies hosts NO_PROXY does not list", async () => {
      process.env.HTTP_PROXY = proxyUrl;
      process.env.NO_PROXY = "example.com,.internal,127.0.0.2";
      await get(target.url);
      expect(proxied).toHaveLength(1);
    });

    it("ignores the environment with useEnvSettings false", async () => {
      process.env.HTTP_PROXY = proxyUrl;
      await get(target.url, { useEnvSettings: false });
      expect(proxied).toHaveLength(0);
    });

    it("uses the proxies option over the environment, with user:password proxy auth", async () => {
      process.env.HTTP_PROXY = "http://127.0.0.1:9";
      proxy.authenticate = (req) =>
        req.headers["proxy-authorization"] === `Basic ${Buffer.from("user:p@ss").toString("base64")}`;
      const withAuth = new URL(proxyUrl);
      withAuth.username = "user";
      withAuth.password = "p%40ss";
      const ok = await get(target.url, { proxies: { http: withAuth.href } });
      expect(ok.status).toBe(200);
      expect(ok.bodyAsText).toBe("from target");

      withAuth.password = "wrong";
      const refused = await get(target.url, { proxies: withAuth.href });
      expect(refused.status).toBe(407);
      expect(target.requests).toHaveLength(1);
    });

    it("tunnels https targets with CONNECT", async () => {
      // A TCP endpoint that is not TLS: the tunnel opens, the handshake then fails.
      const tcp = createNetServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
      const port = (tcp.address() as AddressInfo).port;
      try {
        process.env.HTTPS_PROXY = proxyUrl;
        const error = await get(`https://127.0.0.1:${port}/secure`).catch((e) => e);
        expect(isServiceRequestError(error)).toBe(true);
        expect(proxied).toEqual([{ method: "CONNECT", url: `127.0.0.1:${port}`, auth: undefined }]);
      } finally {
        tcp.close();
      }
    });
  });
}
