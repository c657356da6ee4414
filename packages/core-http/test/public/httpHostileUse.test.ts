// The request path under hostile use (issue #17): bodies whose source fails or lies about its
// length, progress callbacks that throw, aborts and resets while a streamed body is read, nested
// options with typos or wrong types, secrets on errors, and a per-origin socket cap.
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  checkOptionBag,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  isAbortError,
  isServiceRequestError,
  isServiceResponseError,
  OPERATION_OPTION_SHAPE,
  ServiceClient,
} from "../../src/index.js";
import { type LoopbackServer, serveClosedAfterEach, until } from "../helpers/loopbackServer.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";

const serve = serveClosedAfterEach();

const client = createDefaultHttpClient();
const put = (url: string, body: unknown, length?: number) =>
  createPipelineRequest({
    url,
    method: "PUT",
    allowInsecureConnection: true,
    body: body as never,
    headers: length === undefined ? undefined : createHttpHeaders({ "content-length": String(length) }),
  });

/** A server that records how many body bytes each request delivered and whether it ended. */
async function bodyCountingServer() {
  const seen: Array<{ bytes: number; ended: boolean }> = [];
  const server = await serve(
    (req, res) => {
      const entry = { bytes: 0, ended: false };
      seen.push(entry);
      req.on("data", (c: Buffer) => {
        entry.bytes += c.length;
      });
      req.on("end", () => {
        entry.ended = true;
        res.writeHead(201).end();
      });
    },
    { raw: true },
  );
  return { server, seen };
}

describe("request bodies whose source fails", () => {
  it("rejects with the source's own error as the cause (BODY_STREAM_FAILED), not a socket hang up", async () => {
    const { server } = await bodyCountingServer();
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(1000));
    setTimeout(() => source.destroy(new Error("disk unplugged")), 20);
    const error = await client.sendRequest(put(server.url, source)).catch((e: unknown) => e);
    expect(isServiceRequestError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("BODY_STREAM_FAILED");
    expect((error as Error).message).toContain("disk unplugged");
    expect(((error as Error).cause as Error).message).toBe("disk unplugged");
  });

  it("does not retry a local read failure of a body factory", async () => {
    const { server, seen } = await bodyCountingServer();
    let opened = 0;
    const factory = () => {
      opened++;
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(100));
      setTimeout(() => source.destroy(new Error("EIO: read failed")), 10);
      return source;
    };
    const pipeline = createPipelineFromOptions({ retryTotal: 5, retryBackoffFactorInMs: 1 });
    const error = await pipeline.sendRequest(client, put(server.url, factory)).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("BODY_STREAM_FAILED");
    expect(opened).toBe(1);
    expect(seen.every((s) => !s.ended)).toBe(true);
  });
});

/** A source that yields its chunks 20 ms apart, so the server has read the first ones. */
function slowSource(chunks: Buffer[]): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) {
        yield chunk;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })(),
  );
}

describe("a request body's source when the request is torn down", () => {
  it("is destroyed (a file stream's descriptor is released), and the abort is what the call reports", async () => {
    const { server } = await bodyCountingServer();
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(1000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await client
      .sendRequest({ ...put(server.url, source), abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    await until(() => source.destroyed);
  });
});

describe("streamed request bodies that do not match their Content-Length", () => {
  it("fails a longer body before the service has received Content-Length bytes", async () => {
    const { server, seen } = await bodyCountingServer();
    const error = await client
      .sendRequest(put(server.url, slowSource([Buffer.alloc(60), Buffer.alloc(60)]), 100))
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("BODY_LENGTH_MISMATCH");
    expect((error as Error).message).toMatch(/longer than its Content-Length of 100 bytes/);
    await until(() => seen.length === 1);
    // The service never got the 100th byte, so it cannot have committed anything.
    expect(seen[0]!.bytes).toBeLessThan(100);
    expect(seen[0]!.ended).toBe(false);
  });

  it("fails a shorter body at once instead of waiting for the read timeout", async () => {
    const { server, seen } = await bodyCountingServer();
    const started = Date.now();
    const error = await client
      .sendRequest(put(server.url, slowSource([Buffer.alloc(40)]), 100))
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("BODY_LENGTH_MISMATCH");
    expect((error as Error).message).toMatch(/ended after 40 bytes; its Content-Length is 100 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
    await until(() => seen.length === 1);
    expect(seen[0]!.ended).toBe(false);
  });

  it("sends a body of exactly Content-Length bytes whole", async () => {
    const { server, seen } = await bodyCountingServer();
    const response = await client.sendRequest(
      put(server.url, Readable.from([Buffer.alloc(50), Buffer.alloc(50)]), 100),
    );
    expect(response.status).toBe(201);
    expect(seen[0]).toEqual({ bytes: 100, ended: true });
  });
});

for (const engine of TRANSPORT_ENGINES) {
  describe(`progress callbacks that throw on ${engine}`, () => {
    const client = createDefaultHttpClient({ engine });
    it("never crash the process or fail an upload or download", async () => {
      const server = await serve((_req, res) => res.end("x".repeat(10_000)));
      const uncaught: unknown[] = [];
      const onUncaught = (e: unknown) => uncaught.push(e);
      process.on("uncaughtException", onUncaught);
      try {
        const thrower = () => {
          throw new Error("callback bug");
        };
        const up = await client.sendRequest({
          ...put(server.url, "hello"),
          onUploadProgress: thrower,
        });
        expect(up.status).toBe(200);
        const rejecting = () => Promise.reject(new Error("async callback bug"));
        const down = await client.sendRequest(
          createPipelineRequest({
            url: server.url,
            allowInsecureConnection: true,
            onDownloadProgress: rejecting,
          }),
        );
        expect(down.bodyAsText).toHaveLength(10_000);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(uncaught).toEqual([]);
      } finally {
        process.off("uncaughtException", onUncaught);
      }
    });
  });
}

for (const engine of TRANSPORT_ENGINES) {
  describe(`a streamed response body on ${engine}`, () => {
    const client = createDefaultHttpClient({ engine });
    async function stallingServer(): Promise<LoopbackServer> {
      return serve((_req, res) => {
        res.writeHead(200, { "content-length": "100000" });
        res.write(Buffer.alloc(1000));
      });
    }
    const streamed = (url: string, extra: object = {}) =>
      createPipelineRequest({
        url,
        allowInsecureConnection: true,
        streamResponseStatusCodes: new Set([200]),
        ...extra,
      });
    async function drain(stream: NodeJS.ReadableStream): Promise<unknown> {
      try {
        for await (const _ of stream as AsyncIterable<Buffer>);
        return undefined;
      } catch (error) {
        return error;
      }
    }

    it("ends with azkit's AbortError (code ABORTED... the same class as every abort) when aborted mid-body", async () => {
      const server = await stallingServer();
      const controller = new AbortController();
      const response = await client.sendRequest(streamed(server.url, { abortSignal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      const error = await drain(response.readableStreamBody!);
      expect(isAbortError(error)).toBe(true);
    });

    it("ends with a typed ServiceResponseError when the connection resets mid-body", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "content-length": "100000" });
        res.write(Buffer.alloc(1000), () => setTimeout(() => res.socket?.destroy(), 10));
      });
      const response = await client.sendRequest(streamed(server.url));
      const error = await drain(response.readableStreamBody!);
      expect(isServiceResponseError(error)).toBe(true);
      expect((error as { code: string }).code).toBe("ECONNRESET");
    });

    it("gives its socket up when the caller drops the body early", async () => {
      const server = await stallingServer();
      const response = await client.sendRequest(streamed(server.url));
      expect(server.sockets.size).toBe(1);
      (response.readableStreamBody as Readable).destroy();
      await until(() => server.sockets.size === 0);
    });
  });
}

describe("nested option bags", () => {
  const shape = {
    ...OPERATION_OPTION_SHAPE,
    conditions: { ifMatch: "string", ifModifiedSince: "date" },
  } as const;

  it("reject an unknown nested name with its path and a did-you-mean", () => {
    expect(() => checkOptionBag({ conditions: { if_match: "*" } }, shape, "Blob.upload")).toThrow(
      /Blob.upload: unknown option "conditions.if_match"; did you mean "conditions.ifMatch"\? Valid options of conditions: ifMatch, ifModifiedSince\./,
    );
  });

  it("reject values of the wrong type with their path instead of failing inside", () => {
    expect(() =>
      checkOptionBag({ conditions: { ifModifiedSince: "yesterday" } }, shape, "Blob.download"),
    ).toThrow(
      'Blob.download: option conditions.ifModifiedSince must be a valid Date; got the string "yesterday".',
    );
    expect(() => checkOptionBag({ abortSignal: "nope" }, shape, "Blob.download")).toThrow(
      /option abortSignal must be an AbortSignal/,
    );
    expect(() => checkOptionBag(null, shape, "Blob.download")).toThrow(
      "Blob.download: options must be an object or undefined; got null.",
    );
  });

  it("are checked by ServiceClient per call and per client (retryOptions, requestOptions)", async () => {
    const make = (options: object) =>
      new ServiceClient({
        endpoint: "http://127.0.0.1:1",
        packageName: "p",
        packageVersion: "1",
        ...options,
      });
    expect(() => make({ retryOptions: { maxTries: 1 } })).toThrow(
      /unknown option "retryOptions.maxTries"; did you mean "retryOptions.maxRetries"/,
    );
    await expect(
      make({}).sendRequest(createPipelineRequest({ url: "/" }), { abortSignal: "nope" } as never),
    ).rejects.toThrow(/option abortSignal must be an AbortSignal/);
  });
});

describe("errors never carry secrets on their request", () => {
  it("redacts the SAS sig and Authorization on err.request, and drops the body", async () => {
    const server = await serve((_req, res) => res.writeHead(403).end());
    const service = new ServiceClient({
      endpoint: server.url,
      allowInsecureConnection: true,
      retryTotal: 0,
      packageName: "p",
      packageVersion: "1",
    });
    const request = createPipelineRequest({
      url: `${server.url}/c/b?sv=2025-11-05&sig=SECRETSIGNATURE`,
      method: "PUT",
      body: "client_secret=TOPSECRET",
      headers: createHttpHeaders({ authorization: "Bearer TOKENTOKEN" }),
    });
    const error = (await service.sendRequest(request).catch((e: unknown) => e)) as {
      request: { url: string; headers: { get(n: string): string | undefined }; body: unknown };
      response: { request: { url: string } };
    };
    expect(error.request.url).not.toContain("SECRETSIGNATURE");
    expect(error.request.url).toContain("sig=REDACTED");
    expect(error.request.headers.get("authorization")).toBe("REDACTED");
    expect(error.request.body).toBeUndefined();
    expect(error.response.request.url).not.toContain("SECRETSIGNATURE");
    expect(inspect(error, { depth: 5 })).not.toMatch(/SECRETSIGNATURE|TOPSECRET|TOKENTOKEN/);
  });
});

describe("maxSocketsPerOrigin", () => {
  it("caps the sockets a client opens to one origin", async () => {
    const server = await serve((_req, res) => setTimeout(() => res.end("ok"), 30));
    const service = new ServiceClient({
      endpoint: server.url,
      allowInsecureConnection: true,
      maxSocketsPerOrigin: 4,
      packageName: "p",
      packageVersion: "1",
    });
    expect(
      await peakSockets(server, () => service.sendRequest(createPipelineRequest({ url: "/" }))),
    ).toBeLessThanOrEqual(4);
  });

  for (const engine of TRANSPORT_ENGINES) {
    it(`caps the sockets of a transport created with it, on ${engine}`, async () => {
      const server = await serve((_req, res) => setTimeout(() => res.end("ok"), 30));
      const transport = createDefaultHttpClient({ engine, maxSocketsPerOrigin: 3 });
      const send = () =>
        transport.sendRequest(createPipelineRequest({ url: server.url, allowInsecureConnection: true }));
      expect(await peakSockets(server, send)).toBeLessThanOrEqual(3);
      transport.close();
    });
  }
});

/** The most sockets the server saw open at once while 40 requests ran concurrently. */
async function peakSockets(server: LoopbackServer, send: () => Promise<unknown>): Promise<number> {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.sockets.size);
  }, 2);
  await Promise.all(Array.from({ length: 40 }, send));
  clearInterval(sampler);
  expect(peak).toBeGreaterThan(0);
  return peak;
}
