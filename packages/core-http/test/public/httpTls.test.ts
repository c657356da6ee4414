import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createProxy } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  isServiceRequestError,
} from "../../src/index.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

for (const engine of TRANSPORT_ENGINES) {
  describe.skipIf(!hasOpenssl())(`https on ${engine}`, () => {
    let server: Server;
    let url: string;
    let cert: string;
    let connections = 0;
    const serverSockets = new Set<{ destroy(): void }>();

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), "azkit-tls-"));
      try {
        execFileSync(
          "openssl",
          [
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            join(dir, "key.pem"),
            "-out",
            join(dir, "cert.pem"),
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
          ],
          { stdio: "pipe" },
        );
        cert = readFileSync(join(dir, "cert.pem"), "utf8");
        const key = readFileSync(join(dir, "key.pem"), "utf8");
        server = createServer({ cert, key }, (_req, res) => res.end("secure hello"));
        server.on("secureConnection", () => connections++);
        server.on("connection", (socket) => serverSockets.add(socket));
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    afterAll(async () => {
      // Tunnelled and failed-handshake sockets are not in closeAllConnections' list.
      for (const socket of serverSockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it("trusts the CAs given in tlsSettings and keeps the TLS connection alive", async () => {
      const client = createDefaultHttpClient({ engine, tlsSettings: { ca: cert } });
      const before = connections;
      for (let i = 0; i < 3; i++) {
        const response = await client.sendRequest(createPipelineRequest({ url }));
        expect(response.bodyAsText).toBe("secure hello");
      }
      expect(connections - before).toBe(1);
    });

    it("close() ends the TLS connection of a client trusting tlsSettings.ca", async () => {
      server.keepAliveTimeout = 0; // only the client's close() may end the connection
      const closed = new Promise<void>((resolve) =>
        server.once("secureConnection", (socket) => socket.once("close", () => resolve())),
      );
      const client = createDefaultHttpClient({ engine, tlsSettings: { ca: cert } });
      expect((await client.sendRequest(createPipelineRequest({ url }))).bodyAsText).toBe("secure hello");
      client.close();
      await closed;
    });

    it("tunnels through a proxy with CONNECT and still checks the target against tlsSettings", async () => {
      const proxy = createProxy(createHttpServer());
      const connects: string[] = [];
      proxy.prependListener("connect", (req) => connects.push(req.url!));
      // CONNECT tunnels leave the server's connection tracking: destroy them by hand on close.
      const sockets = new Set<Socket>();
      proxy.on("connection", (socket) => sockets.add(socket));
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      try {
        const proxies = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
        const trusted = createDefaultHttpClient({ engine, tlsSettings: { ca: cert } });
        const response = await createPipelineFromOptions({ proxies }).sendRequest(
          trusted,
          createPipelineRequest({ url }),
        );
        expect(response.bodyAsText).toBe("secure hello");
        expect(connects).toEqual([new URL(url).host]);

        const untrusted = await createPipelineFromOptions({ proxies, retryTotal: 0 })
          .sendRequest(createDefaultHttpClient({ engine }), createPipelineRequest({ url }))
          .catch((e) => e);
        expect(untrusted.code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => proxy.close(resolve));
      }
    });

    it("fails an untrusted certificate at once, without retrying", async () => {
      let attempts = 0;
      const transport = createDefaultHttpClient({ engine });
      const counting: HttpClient = {
        sendRequest: (request) => {
          attempts++;
          return transport.sendRequest(request);
        },
      };
      const error = await createPipelineFromOptions()
        .sendRequest(counting, createPipelineRequest({ url }))
        .catch((e) => e);
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      expect(attempts).toBe(1);
    });
  });
}
