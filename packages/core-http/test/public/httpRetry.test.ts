import { getEventListeners } from "node:events";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClientLogger, type LogRecord } from "@azkit/core-logging";
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type HttpMethods,
  type InternalPipelineOptions,
  isAbortError,
  type PipelineRequestOptions,
  type PipelineResponse,
} from "../../src/index.js";
import { type LoopbackServer, startScriptedServer, startServer, until } from "../helpers/loopbackServer.js";

const transport = createDefaultHttpClient();
let servers: LoopbackServer[] = [];
let records: LogRecord[] = [];
const logger = createClientLogger("retry-test", { level: "info", sink: (r) => records.push(r) });

beforeEach(() => {
  records = [];
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function scripted(...replies: Parameters<typeof startScriptedServer>[0]): Promise<LoopbackServer> {
  const server = await startScriptedServer(replies);
  servers.push(server);
  return server;
}

/**
 * Sends through the default pipeline and, whenever the retry policy waits, jumps the fake clock
 * to the end of that wait, recording how long it was.
 */
async function send(
  url: string,
  options: InternalPipelineOptions = {},
  request: Partial<PipelineRequestOptions> = {},
  httpClient: HttpClient = transport,
): Promise<{ response?: PipelineResponse; error?: unknown; waits: number[] }> {
  const pipeline = createPipelineFromOptions({
    allowInsecureConnection: true,
    // No connect timer, so the only fake timers pending are the retry waits.
    connectionTimeoutInMs: 0,
    loggingOptions: { logger },
    ...options,
  });
  const outcome: { response?: PipelineResponse; error?: unknown; waits: number[] } = { waits: [] };
  let settled = false;
  const pending = pipeline.sendRequest(httpClient, createPipelineRequest({ url, ...request })).then(
    (response) => {
      outcome.response = response;
      settled = true;
    },
    (error) => {
      outcome.error = error;
      settled = true;
    },
  );
  while (!settled) {
    await until(() => settled || vi.getTimerCount() > 0, "a retry wait or the result");
    if (settled) break;
    const before = Date.now();
    vi.advanceTimersToNextTimer();
    outcome.waits.push(Date.now() - before);
  }
  await pending;
  return outcome;
}

describe("retryPolicy", () => {
  it("retries a GET that got 503 and returns the 200 that follows", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const server = await scripted({ status: 503 }, { status: 200, body: "ok" });
    const { response, waits } = await send(server.url, { retryBackoffFactorInMs: 1000 });
    expect(response?.status).toBe(200);
    expect(response?.bodyAsText).toBe("ok");
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([1000]);
    // Every attempt of one call carries the same client request id.
    const ids = server.requests.map((r) => r.headers["x-ms-client-request-id"]);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it.each([408, 429, 500, 502, 503, 504, 506, 599])("retries status %i", async (status) => {
    const server = await scripted({ status }, { status: 200 });
    const { response } = await send(server.url, { retryBackoffFactorInMs: 10 });
    expect(response?.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 412, 501, 505])("does not retry status %i", async (status) => {
    const server = await scripted({ status }, { status: 200 });
    const { response, waits } = await send(server.url);
    expect(response?.status).toBe(status);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("waits exponentially with jitter between half and all of factor * 2^(n-1)", async () => {
    const replies = [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 200 }];
    vi.spyOn(Math, "random").mockReturnValue(1);
    const high = await send((await scripted(...replies)).url, { retryBackoffFactorInMs: 100 });
    expect(high.waits).toEqual([100, 200, 400]);
    vi.spyOn(Math, "random").mockReturnValue(0);
    const low = await send((await scripted(...replies)).url, { retryBackoffFactorInMs: 100 });
    expect(low.waits).toEqual([50, 100, 200]);
  });

  it("caps exponential waits at retryBackoffMaxInMs", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const server = await scripted({ status: 500 }, { status: 500 }, { status: 500 }, { status: 200 });
    const { waits } = await send(server.url, { retryBackoffFactorInMs: 1000, retryBackoffMaxInMs: 1500 });
    expect(waits).toEqual([1000, 1500, 1500]);
  });

  it("waits the factor every time in fixed mode", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.3);
    const server = await scripted({ status: 500 }, { status: 500 }, { status: 500 }, { status: 200 });
    const { waits } = await send(server.url, { retryMode: "fixed", retryBackoffFactorInMs: 250 });
    expect(waits).toEqual([250, 250, 250]);
  });

  it("accepts @azure/core-rest-pipeline retryOptions", async () => {
    const server = await scripted({ status: 500 });
    const { response, waits } = await send(server.url, {
      retryMode: "fixed",
      retryOptions: { maxRetries: 2, retryDelayInMs: 70 },
    });
    expect(response?.status).toBe(500);
    expect(waits).toEqual([70, 70]);
  });

  it.each([
    ["Retry-After seconds", { "retry-after": "3" }, 3000],
    ["Retry-After as an HTTP date", { "retry-after": new Date("2026-01-01T00:00:05Z").toUTCString() }, 5000],
    ["retry-after-ms", { "retry-after-ms": "1234" }, 1234],
    ["x-ms-retry-after-ms", { "x-ms-retry-after-ms": "4321" }, 4321],
    ["retry-after-ms over Retry-After", { "retry-after-ms": "10", "retry-after": "9" }, 10],
    ["the cap over a long Retry-After", { "retry-after": "1000" }, 10_000],
  ])("waits what the server asks: %s", async (_name, headers, expected) => {
    const server = await scripted({ status: 429, headers }, { status: 200 });
    const { response, waits } = await send(server.url, { retryBackoffMaxInMs: 10_000 });
    expect(response?.status).toBe(200);
    expect(waits).toEqual([expected]);
  });

  it("sends once with retryTotal 0", async () => {
    const server = await scripted({ status: 503 }, { status: 200 });
    const { response, waits } = await send(server.url, { retryTotal: 0 });
    expect(response?.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("stops after retryTotal retries and returns the last response", async () => {
    const server = await scripted({ status: 503, body: "busy" });
    const { response, waits } = await send(server.url, { retryTotal: 2, retryBackoffFactorInMs: 5 });
    expect(response?.status).toBe(503);
    expect(response?.bodyAsText).toBe("busy");
    expect(server.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it.each<[HttpMethods, boolean, boolean]>([
    ["POST", false, false],
    ["PATCH", false, false],
    ["POST", true, true],
    ["PUT", false, true],
    ["DELETE", false, true],
    ["HEAD", false, true],
    ["OPTIONS", false, true],
  ])("on 503, %s (retrySafe %s) is retried: %s", async (method, retrySafe, retried) => {
    const server = await scripted({ status: 503 }, { status: 200 });
    const { response } = await send(
      server.url,
      { retryBackoffFactorInMs: 5 },
      { method, retrySafe, body: "b" },
    );
    expect(server.requests).toHaveLength(retried ? 2 : 1);
    expect(response?.status).toBe(retried ? 200 : 503);
  });

  it("retries even a POST when the connection was refused (nothing was sent)", async () => {
    const server = await scripted({ status: 200 });
    await server.close();
    servers = [];
    let attempts = 0;
    const counting: HttpClient = {
      sendRequest: (r) => {
        attempts++;
        return transport.sendRequest(r);
      },
    };
    const { error } = await send(
      server.url,
      { retryTotal: 2, retryBackoffFactorInMs: 5 },
      { method: "POST" },
      counting,
    );
    expect(attempts).toBe(3);
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
  });

  it("retries a GET whose connection was reset, but not a POST", async () => {
    const get = await scripted({ status: 0, destroy: true }, { status: 200 });
    const ok = await send(get.url, { retryBackoffFactorInMs: 5 });
    expect(ok.response?.status).toBe(200);
    expect(get.requests).toHaveLength(2);

    const post = await scripted({ status: 0, destroy: true }, { status: 200 });
    const failed = await send(post.url, { retryBackoffFactorInMs: 5 }, { method: "POST", body: "x" });
    expect((failed.error as { code?: string }).code).toBe("ECONNRESET");
    expect(post.requests).toHaveLength(1);
  });

  it("retries a read timeout of a GET", async () => {
    let calls = 0;
    const server = await startServer((_req, res) => {
      if (calls++ === 0) {
        res.writeHead(200, { "Content-Length": "10" });
        res.write("half");
        return;
      }
      res.end("whole body");
    });
    servers.push(server);
    const { response } = await send(server.url, { readTimeoutInMs: 100, retryBackoffFactorInMs: 5 });
    expect(response?.bodyAsText).toBe("whole body");
  });

  it("re-sends factory bodies but never a consumed-once stream", async () => {
    const factory = await scripted({ status: 503 }, { status: 201 });
    const again = await send(
      factory.url,
      { retryBackoffFactorInMs: 5 },
      { method: "PUT", body: () => Readable.from(["payload"]) },
    );
    expect(again.response?.status).toBe(201);
    expect(factory.requests.map((r) => r.body)).toEqual(["payload", "payload"]);

    const stream = await scripted({ status: 503 }, { status: 201 });
    const once = await send(
      stream.url,
      { retryBackoffFactorInMs: 5 },
      { method: "PUT", body: Readable.from(["x"]) },
    );
    expect(once.response?.status).toBe(503);
    expect(stream.requests).toHaveLength(1);
  });

  it("stops waiting as soon as the abort signal fires, leaving no listener behind", async () => {
    const server = await scripted({ status: 503 });
    const controller = new AbortController();
    const pipeline = createPipelineFromOptions({ allowInsecureConnection: true, connectionTimeoutInMs: 0 });
    const pending = pipeline
      .sendRequest(transport, createPipelineRequest({ url: server.url, abortSignal: controller.signal }))
      .catch((e) => e);
    await until(() => vi.getTimerCount() > 0, "the retry wait");
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("logs each retry at info with the attempt and the reason", async () => {
    const server = await scripted({ status: 503 }, { status: 500 }, { status: 200 });
    await send(`${server.url}/thing?sig=secret`, { retryBackoffFactorInMs: 5 });
    const retries = records.filter((r) => r.message.startsWith("Retry"));
    expect(retries.map((r) => [r.level, r.attempt, r.reason])).toEqual([
      ["info", 2, "status 503"],
      ["info", 3, "status 500"],
    ]);
    expect(retries[0]!.message).toMatch(
      /^Retry 1\/10 of GET http:\/\/127\.0\.0\.1:\d+\/thing\?sig=REDACTED in \d+ ms/,
    );
  });
});
