import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type DefaultHttpClient,
} from "../../src/index.js";
import { SWITCH_AFTER_REQUESTS } from "../../src/transport/defaultHttpClient.js";
import { until } from "../helpers/loopbackServer.js";

/** A server that records which engine sent each request: undici writes `host`, node:http `Host`. */
async function engineRecordingServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end("ok"),
): Promise<{ url: string; engines: string[]; server: Server }> {
  const engines: string[] = [];
  const server = createServer((req, res) => {
    engines.push(req.rawHeaders.includes("host") ? "undici" : "node:http");
    req.resume();
    req.on("end", () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, engines, server };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

const get = (client: DefaultHttpClient, url: string, extra: object = {}) =>
  client.sendRequest(createPipelineRequest({ url, allowInsecureConnection: true, ...extra }));

describe("the default transport's engine", () => {
  it(`starts on node:http and moves to undici once a client has sent ${SWITCH_AFTER_REQUESTS} requests`, async () => {
    const { url, engines, server } = await engineRecordingServer();
    const client = createDefaultHttpClient();
    try {
      expect(client.activeEngine).toBe("node:http");
      for (let i = 0; i < SWITCH_AFTER_REQUESTS; i++) await get(client, url);
      // The load happens off the request path, on a later turn of the event loop.
      await until(() => client.activeEngine === "undici", "the switch");
      const response = await get(client, url);
      expect(response.bodyAsText).toBe("ok");
      expect(engines.slice(0, SWITCH_AFTER_REQUESTS).every((e) => e === "node:http")).toBe(true);
      expect(engines.at(-1)).toBe("undici");
    } finally {
      client.close();
      await closeServer(server);
    }
  });

  it("finishes a request in flight at the switch on the engine it started on", async () => {
    let release: (() => void) | undefined;
    const { url, engines, server } = await engineRecordingServer((req, res) => {
      if (req.url === "/slow") release = () => res.end("slow");
      else res.end("ok");
    });
    const client = createDefaultHttpClient();
    try {
      for (let i = 0; i < SWITCH_AFTER_REQUESTS - 1; i++) await get(client, url);
      const slow = get(client, `${url}slow`);
      await until(() => client.activeEngine === "undici" && release !== undefined, "the switch");
      expect((await get(client, url)).bodyAsText).toBe("ok");
      release!();
      expect((await slow).bodyAsText).toBe("slow");
      expect(engines.at(-2)).toBe("node:http"); // the slow one
      expect(engines.at(-1)).toBe("undici");
    } finally {
      client.close();
      await closeServer(server);
    }
  });

  it("sends streamed request bodies, proxied requests and headers undici refuses through node:http on the undici engine", async () => {
    const { url, engines, server } = await engineRecordingServer((req, res) => res.end(req.method));
    const client = createDefaultHttpClient({ engine: "undici" });
    try {
      expect(client.activeEngine).toBe("undici");
      const streamed = await get(client, url, {
        method: "PUT",
        body: () => Readable.from([Buffer.from("a"), Buffer.from("b")]),
      });
      expect(streamed.bodyAsText).toBe("PUT");
      expect(engines).toEqual(["node:http"]);
      // A plain http "proxy" that is the server itself: node:http then sends the absolute URL.
      const proxied = await get(client, url, {
        proxySettings: { host: "http://127.0.0.1", port: Number(new URL(url).port) },
      });
      expect(proxied.bodyAsText).toBe("GET");
      expect(engines).toEqual(["node:http", "node:http"]);
      // undici refuses to take a Connection header from a caller; node:http sends it.
      const closing = await get(client, url, { headers: createHttpHeaders({ Connection: "close" }) });
      expect(closing.bodyAsText).toBe("GET");
      expect(engines).toEqual(["node:http", "node:http", "node:http"]);
      await get(client, url);
      expect(engines.at(-1)).toBe("undici");
    } finally {
      client.close();
      await closeServer(server);
    }
  });

  it('never leaves node:http with engine "node:http"', async () => {
    const { url, engines, server } = await engineRecordingServer();
    const client = createDefaultHttpClient({ engine: "node:http" });
    const pipeline = createPipelineFromOptions({ allowInsecureConnection: true });
    try {
      for (let i = 0; i < SWITCH_AFTER_REQUESTS + 5; i++) {
        await pipeline.sendRequest(client, createPipelineRequest({ url }));
      }
      await new Promise((resolve) => setImmediate(resolve));
      await pipeline.sendRequest(client, createPipelineRequest({ url }));
      expect(client.activeEngine).toBe("node:http");
      expect(new Set(engines)).toEqual(new Set(["node:http"]));
    } finally {
      client.close();
      await closeServer(server);
    }
  });

  it("rejects an unknown engine, naming the valid ones", () => {
    expect(() => createDefaultHttpClient({ engine: "fetch" as never })).toThrow(
      'Option engine must be "auto", "node:http" or "undici"; got "fetch".',
    );
  });
});
