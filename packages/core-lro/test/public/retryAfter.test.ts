import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHttpPoller } from "../../src/index.js";
import { runWithFakeTimers, useFakePollTimers } from "../helpers/fakeTime.js";
import { type LoopbackServer, startArmServer } from "../helpers/loopbackServer.js";
import { createTestLro } from "../helpers/testLro.js";

let server: LoopbackServer | undefined;
beforeEach(() => useFakePollTimers());
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe("Retry-After from ARM responses", () => {
  it("is honoured as seconds or an HTTP date, and bounded to [1 s, 10 min]", async () => {
    server = await startArmServer({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/loc", "retry-after": "0" } }],
      "GET /loc": [
        { status: 202, headers: { location: "{base}/loc", "retry-after": "86400" } },
        { status: 202, headers: { location: "{base}/loc", "retry-after": "7" } },
        { status: 202, headers: { location: "{base}/loc" } },
        { status: 200 },
      ],
    });
    const waits: number[] = [];
    const poller = createHttpPoller(createTestLro("DELETE", `${server.url}/r`));
    await runWithFakeTimers(poller.pollUntilDone(), waits);
    expect(waits).toEqual([1000, 600_000, 7000, 2000]);
  });

  it("waits until the HTTP date the service names", async () => {
    server = await startArmServer({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/loc" } }],
      "GET /loc": [{ status: 200 }],
    });
    const lro = createTestLro("DELETE", `${server.url}/r`);
    const send = lro.sendInitialRequest;
    lro.sendInitialRequest = async (options) => {
      const response = await send(options);
      const headers = response.headers as Record<string, string>;
      // Date-valued Retry-After, 30 s after "now" on the fake clock (whole seconds, as HTTP dates are).
      const at = Math.ceil(Date.now() / 1000) * 1000 + 30_000;
      headers["retry-after"] = new Date(at).toUTCString();
      return response;
    };
    const waits: number[] = [];
    const started = Date.now();
    await runWithFakeTimers(createHttpPoller(lro).pollUntilDone(), waits);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(29_000);
    expect(waits[0]).toBeLessThanOrEqual(31_000);
    expect(Date.now() - started).toBe(waits[0]);
  });
});
