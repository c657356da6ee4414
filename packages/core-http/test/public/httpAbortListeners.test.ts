import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createPipelineRequest, ServiceClient } from "../../src/index.js";
import { type LoopbackServer, startServer } from "../helpers/loopbackServer.js";

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

describe("one AbortSignal shared by many requests", () => {
  it("leaves no listener behind and raises no MaxListenersExceededWarning after 10,000 requests", async () => {
    server = await startServer((_req, res) => res.end("ok"));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const client = new ServiceClient({
        endpoint: server.url,
        allowInsecureConnection: true,
        packageName: "@azkit/listener-test",
        packageVersion: "1.0.0",
      });
      const controller = new AbortController();
      for (let i = 0; i < 10_000; i++) {
        await client.sendRequest(createPipelineRequest({ url: "/" }), { abortSignal: controller.signal });
      }
      // Let any deferred warning be emitted before looking.
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
      expect(server.requests).toHaveLength(10_000);
    } finally {
      process.off("warning", onWarning);
    }
  }, 60_000);
});
