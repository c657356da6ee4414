import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createPipelineRequest, isAbortError, ServiceClient } from "../../src/index.js";
import { type LoopbackServer, startServer, until } from "../helpers/loopbackServer.js";

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

function listenerTestClient(url: string): ServiceClient {
  return new ServiceClient({
    endpoint: url,
    allowInsecureConnection: true,
    packageName: "@azkit/listener-test",
    packageVersion: "1.0.0",
  });
}

/** Runs `body` with the process's warnings collected, and stops collecting after it, even on failure. */
async function collectingWarnings(body: (warnings: Error[]) => Promise<void>): Promise<void> {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    await body(warnings);
  } finally {
    process.off("warning", onWarning);
  }
}

describe("one AbortSignal shared by many requests", () => {
  it("leaves no listener behind and raises no MaxListenersExceededWarning after 10,000 requests", async () => {
    server = await startServer((_req, res) => res.end("ok"));
    await collectingWarnings(async (warnings) => {
      const client = listenerTestClient(server!.url);
      const controller = new AbortController();
      for (let i = 0; i < 10_000; i++) {
        await client.sendRequest(createPipelineRequest({ url: "/" }), { abortSignal: controller.signal });
      }
      // Let any deferred warning be emitted before looking.
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
      expect(server!.requests).toHaveLength(10_000);
    });
  }, 60_000);

  it("keeps one listener on a signal shared by 50 concurrent requests, and aborts them all", async () => {
    server = await startServer(() => {
      // never answers: the requests stay in flight until aborted
    });
    await collectingWarnings(async (warnings) => {
      const client = listenerTestClient(server!.url);
      const controller = new AbortController();
      const pending = Array.from({ length: 50 }, () =>
        client
          .sendRequest(createPipelineRequest({ url: "/" }), { abortSignal: controller.signal })
          .catch((e: unknown) => e),
      );
      await until(() => server!.requests.length === 50, "all 50 requests to arrive");
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const outcomes = await Promise.all(pending);
      expect(outcomes.every(isAbortError)).toBe(true);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    });
  });
});
