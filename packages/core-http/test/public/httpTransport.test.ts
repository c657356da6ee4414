import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { connect } from "node:net";
import { Readable } from "node:stream";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  isAbortError,
  isServiceRequestError,
  isServiceResponseError,
  type TransferProgressEvent,
} from "../../src/index.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";
import { serveClosedAfterEach, until } from "../helpers/loopbackServer.js";

const serve = serveClosedAfterEach();

const req = (url: string, extra: Partial<Parameters<typeof createPipelineRequest>[0]> = {}) =>
  createPipelineRequest({ url, allowInsecureConnection: true, ...extra });

for (const engine of TRANSPORT_ENGINES) {
  describe(`createDefaultHttpClient on ${engine}`, () => {
    const client = createDefaultHttpClient({ engine });

    it("sends method, headers and a string body, and returns status, headers and text", async () => {
      const server = await serve((req, res, body) => {
        res.writeHead(201, { "X-Echo": req.headers["x-custom"] as string, "Content-Type": "text/plain" });
        res.end(`got ${req.method} ${body}`);
      });
      const response = await client.sendRequest(
        req(`${server.url}/path?q=1`, {
          method: "PUT",
          body: "héllo",
          headers: createHttpHeaders({ "X-Custom": "v" }),
        }),
      );
      expect(response.status).toBe(201);
      expect(response.headers.get("x-echo")).toBe("v");
      expect(response.bodyAsText).toBe("got PUT héllo");
      expect(server.requests[0]).toMatchObject({ url: "/path?q=1", headers: { "content-length": "6" } });
    });

    it("reuses one keep-alive connection for sequential requests", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      for (let i = 0; i < 5; i++) await client.sendRequest(req(server.url));
      expect(server.requests).toHaveLength(5);
      expect(server.sockets.size).toBe(1);
    });

    it("closes an idle pooled socket before the server's Keep-Alive timeout hint runs out", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      server.server.keepAliveTimeout = 2000; // the server answers "Keep-Alive: timeout=2"
      let closedByClient = false;
      server.server.on("connection", (socket) => socket.on("end", () => (closedByClient = true)));
      const response = await client.sendRequest(req(server.url));
      expect(response.headers.get("keep-alive")).toBe("timeout=2");
      await until(() => server.sockets.size === 0, "the idle socket to close");
      expect(closedByClient).toBe(true);
    });

    it("sends Uint8Array bodies and re-creates factory bodies", async () => {
      const server = await serve((_req, res, body) => res.end(body));
      const bytes = await client.sendRequest(
        req(server.url, { method: "POST", body: new Uint8Array([104, 105]) }),
      );
      expect(bytes.bodyAsText).toBe("hi");
      let made = 0;
      const factory = () => {
        made++;
        return Readable.from([Buffer.from("stream "), Buffer.from("body")]);
      };
      const streamed = await client.sendRequest(req(server.url, { method: "PUT", body: factory }));
      expect(streamed.bodyAsText).toBe("stream body");
      expect(made).toBe(1);
    });

    it("decodes gzip, deflate and br bodies it asked for", async () => {
      const server = await serve((req, res) => {
        if (req.url === "/br") {
          res.writeHead(200, { "Content-Encoding": "br" });
          res.end(brotliCompressSync("brotli text"));
          return;
        }
        const gzip = req.url === "/gzip";
        res.writeHead(200, { "Content-Encoding": gzip ? "gzip" : "deflate" });
        res.end(gzip ? gzipSync("zipped text") : deflateSync("deflated text"));
      });
      const accept = () => createHttpHeaders({ "Accept-Encoding": "gzip,deflate" });
      expect((await client.sendRequest(req(`${server.url}/gzip`, { headers: accept() }))).bodyAsText).toBe(
        "zipped text",
      );
      expect((await client.sendRequest(req(`${server.url}/deflate`, { headers: accept() }))).bodyAsText).toBe(
        "deflated text",
      );
      const br = createHttpHeaders({ "Accept-Encoding": "br" });
      expect((await client.sendRequest(req(`${server.url}/br`, { headers: br }))).bodyAsText).toBe(
        "brotli text",
      );
    });

    it("leaves a compressed body alone when the request did not ask for that encoding", async () => {
      const zipped = gzipSync("stored compressed");
      const server = await serve((_req, res) => {
        res.writeHead(200, { "Content-Encoding": "gzip" });
        res.end(zipped);
      });
      const response = await client.sendRequest(
        req(server.url, { streamResponseStatusCodes: new Set([200]) }),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) chunks.push(chunk);
      expect(Buffer.concat(chunks).equals(zipped)).toBe(true);
    });

    it("hands the body over as a stream for statuses in streamResponseStatusCodes", async () => {
      const server = await serve((_req, res) => res.end("x".repeat(100_000)));
      const response = await client.sendRequest(
        req(server.url, { streamResponseStatusCodes: new Set([200]) }),
      );
      expect(response.bodyAsText).toBeUndefined();
      let size = 0;
      for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) size += chunk.length;
      expect(size).toBe(100_000);
    });

    it("reports upload and download progress", async () => {
      const server = await serve((_req, res) => res.end("y".repeat(50_000)));
      const uploads: TransferProgressEvent[] = [];
      const downloads: TransferProgressEvent[] = [];
      await client.sendRequest(
        req(server.url, {
          method: "PUT",
          body: () => Readable.from([Buffer.alloc(1000), Buffer.alloc(2000)]),
          onUploadProgress: (e) => uploads.push(e),
          onDownloadProgress: (e) => downloads.push(e),
        }),
      );
      expect(uploads.map((e) => e.loadedBytes)).toEqual([1000, 3000]);
      expect(downloads.at(-1)?.loadedBytes).toBe(50_000);
      expect(downloads.length).toBeGreaterThan(0);
    });

    it("refuses plain http unless allowInsecureConnection is set", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      const error = await client.sendRequest(createPipelineRequest({ url: server.url })).catch((e) => e);
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("INSECURE_CONNECTION");
      expect(server.requests).toHaveLength(0);
    });

    it("refuses a header value carrying CR/LF (header injection) before sending, as a rejection", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      const pending = client.sendRequest(
        req(server.url, { headers: createHttpHeaders({ "x-evil": "a\r\nInjected: yes" }) }),
      );
      const error = await pending.catch((e) => e);
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("ERR_INVALID_CHAR");
      expect(server.requests).toHaveLength(0);
    });

    it("fails with READ_TIMEOUT when the server stalls mid-body", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "Content-Length": "100" });
        res.write("first half");
        // ...and never the rest.
      });
      const error = await client.sendRequest(req(server.url, { readTimeoutInMs: 150 })).catch((e) => e);
      expect(isServiceResponseError(error)).toBe(true);
      expect(error.code).toBe("READ_TIMEOUT");
    });

    it("fails with READ_TIMEOUT when no response head arrives", async () => {
      const server = await serve(() => {
        // never answers
      });
      const error = await client.sendRequest(req(server.url, { readTimeoutInMs: 150 })).catch((e) => e);
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("READ_TIMEOUT");
    });

    it("gives up after request.timeout with REQUEST_TIMEOUT even while bytes trickle in", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200);
        const timer = setInterval(() => res.write("."), 20);
        res.on("close", () => clearInterval(timer));
      });
      const error = await client
        .sendRequest(req(server.url, { timeout: 200, readTimeoutInMs: 1000 }))
        .catch((e) => e);
      expect(isServiceResponseError(error)).toBe(true);
      expect(error.code).toBe("REQUEST_TIMEOUT");
    });

    it("fails with ServiceResponseError when the connection drops mid-body", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "Content-Length": "100" });
        res.write("partial", () => res.socket?.destroy());
      });
      const error = await client.sendRequest(req(server.url)).catch((e) => e);
      expect(isServiceResponseError(error)).toBe(true);
      expect(error.statusCode).toBe(200);
    });

    it("fails with ServiceRequestError ECONNREFUSED when nothing listens", async () => {
      const server = await serve((_req, res) => res.end());
      const url = server.url;
      await server.close();
      const error = await client.sendRequest(req(url)).catch((e) => e);
      expect(isServiceRequestError(error)).toBe(true);
      expect(error.code).toBe("ECONNREFUSED");
    });

    it("aborts before sending, and during the body, destroying the socket", async () => {
      const controller = new AbortController();
      controller.abort();
      const early = await client
        .sendRequest(req("http://127.0.0.1:9", { abortSignal: controller.signal }))
        .catch((e) => e);
      expect(early).toBeInstanceOf(AbortError);

      const server = await serve((_req, res) => {
        res.writeHead(200, { "Content-Length": "1000" });
        res.write("some");
      });
      const during = new AbortController();
      const pending = client.sendRequest(req(server.url, { abortSignal: during.signal })).catch((e) => e);
      await until(() => server.requests.length === 1 && server.sockets.size === 1, "the request to arrive");
      const [socket] = server.sockets;
      during.abort();
      expect(isAbortError(await pending)).toBe(true);
      // (undici then opens a spare connection for its pool; the aborted one is what must close.)
      await until(() => socket!.destroyed, "the socket to close");
    });

    it("aborts a streamed body the caller is reading", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200);
        res.write("start");
      });
      const controller = new AbortController();
      const response = await client.sendRequest(
        req(server.url, { abortSignal: controller.signal, streamResponseStatusCodes: new Set([200]) }),
      );
      const reading = (async () => {
        for await (const _ of response.readableStreamBody as AsyncIterable<Buffer>) controller.abort();
      })().catch((e) => e);
      expect(isAbortError(await reading)).toBe(true);
    });
  });
}

function hasPython(): boolean {
  try {
    execFileSync("python3", ["-c", "pass"]);
    return true;
  } catch {
    return false;
  }
}

for (const engine of TRANSPORT_ENGINES) {
  describe.skipIf(!hasPython())(`connection timeout on ${engine}`, () => {
    const client = createDefaultHttpClient({ engine });

    it("fails with CONNECT_TIMEOUT when the server's accept queue is full", async () => {
      // A listener that never accepts: once its backlog is full, new connections stay in SYN-SENT.
      const child = spawn("python3", [
        "-c",
        "import socket,sys,time\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(30)",
      ]);
      try {
        const port = await new Promise<number>((resolve) =>
          child.stdout.once("data", (d) => resolve(Number(String(d)))),
        );
        const fillers = [];
        for (let i = 0; i < 4; i++) {
          const socket = connect(port, "127.0.0.1");
          socket.on("error", () => {});
          fillers.push(socket);
        }
        const error = await client
          .sendRequest(req(`http://127.0.0.1:${port}/`, { connectionTimeoutInMs: 300 }))
          .catch((e) => e);
        for (const s of fillers) s.destroy();
        expect(isServiceRequestError(error)).toBe(true);
        expect(error.code).toBe("CONNECT_TIMEOUT");
      } finally {
        child.kill();
      }
    });
  });
}
