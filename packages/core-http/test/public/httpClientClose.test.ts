import { createServer as createHttpServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createProxy } from "proxy";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type DefaultHttpClient,
  type HttpClient,
  isServiceRequestError,
  isServiceResponseError,
} from "../../src/index.js";
import {
  type LoopbackServer,
  serveClosedAfterEach,
  type startServer,
  until,
} from "../helpers/loopbackServer.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";

const startClosedAfterEach = serveClosedAfterEach();
async function serve(...args: Parameters<typeof startServer>): Promise<LoopbackServer> {
  const server = await startClosedAfterEach(...args);
  // Only the client's close() may end a connection in these tests.
  server.server.keepAliveTimeout = 0;
  return server;
}
const req = (url: string, extra: Partial<Parameters<typeof createPipelineRequest>[0]> = {}) =>
  createPipelineRequest({ url, allowInsecureConnection: true, ...extra });

for (const engine of TRANSPORT_ENGINES) {
  describe(`DefaultHttpClient.close on ${engine}`, () => {
    it("is an HttpClient with a close() method", () => {
      expectTypeOf(createDefaultHttpClient({ engine })).toEqualTypeOf<DefaultHttpClient>();
      expectTypeOf<DefaultHttpClient>().toMatchTypeOf<HttpClient>();
      expectTypeOf<DefaultHttpClient["close"]>().toEqualTypeOf<() => void>();
    });

    it("ends the pooled keep-alive connection: the server sees it close", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      const client = createDefaultHttpClient({ engine });
      await client.sendRequest(req(server.url));
      await client.sendRequest(req(server.url));
      expect(server.sockets.size).toBe(1);
      client.close();
      await until(() => server.sockets.size === 0, "the pooled socket to close");
    });

    it("is idempotent, and a later request opens a new connection", async () => {
      let connections = 0;
      const server = await serve((_req, res) => res.end("ok"));
      server.server.on("connection", () => connections++);
      const client = createDefaultHttpClient({ engine });
      await client.sendRequest(req(server.url));
      const { close } = client; // bound: usable as a callback
      close();
      close();
      await until(() => server.sockets.size === 0, "the pooled socket to close");
      const again = await client.sendRequest(req(server.url));
      expect(again.bodyAsText).toBe("ok");
      expect(connections).toBe(2);
      client.close();
    });

    it("fails a request in flight with CLIENT_CLOSED, and the retry policy does not repeat it", async () => {
      const server = await serve(() => {
        // Never answers.
      });
      const client = createDefaultHttpClient({ engine });
      const pending = createPipelineFromOptions({ allowInsecureConnection: true })
        .sendRequest(client, req(server.url))
        .catch((e) => e);
      await until(() => server.requests.length === 1, "the request to arrive");
      client.close();
      const error = await pending;
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("CLIENT_CLOSED");
      expect(error.message).toMatch(/closed/);
      await until(() => server.sockets.size === 0, "the socket to close");
      expect(server.requests).toHaveLength(1);
    });

    it("ends a body being streamed to the caller with CLIENT_CLOSED", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200);
        res.write("start");
      });
      const client = createDefaultHttpClient({ engine });
      const response = await client.sendRequest(
        req(server.url, { streamResponseStatusCodes: new Set([200]) }),
      );
      const reading = (async () => {
        for await (const _ of response.readableStreamBody as AsyncIterable<Buffer>) client.close();
      })().catch((e) => e);
      const error = await reading;
      expect(isServiceResponseError(error)).toBe(true);
      expect(error.code).toBe("CLIENT_CLOSED");
      await until(() => server.sockets.size === 0, "the socket to close");
    });

    it("releases the connections it keeps to a proxy", async () => {
      const target = await serve((_req, res) => res.end("from target"));
      const proxy = createProxy(createHttpServer());
      const sockets = new Set<Socket>();
      proxy.on("connection", (socket: Socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      try {
        const proxies = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
        const client = createDefaultHttpClient({ engine });
        const response = await createPipelineFromOptions({
          proxies,
          allowInsecureConnection: true,
        }).sendRequest(client, req(target.url));
        expect(response.bodyAsText).toBe("from target");
        expect(sockets.size).toBe(1);
        client.close();
        await until(() => sockets.size === 0, "the proxy connection to close");
      } finally {
        for (const socket of sockets) socket.destroy();
        proxy.closeAllConnections();
        await new Promise((resolve) => proxy.close(resolve));
      }
    });
  });
}
