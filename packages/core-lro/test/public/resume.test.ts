import { afterEach, describe, expect, it } from "vitest";
import { createHttpPoller, createPoller } from "../../src/index.js";
import { type LoopbackServer, sequence, startArmServer } from "../helpers/loopbackServer.js";
import { done, running, scriptedStrategy } from "../helpers/scriptedStrategy.js";
import { createTestLro } from "../helpers/testLro.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("resume tokens", () => {
  it("a fresh poller resumes from serialize() without re-sending the initial request", async () => {
    server = await startArmServer({
      "PUT /vaults/v1": [{ status: 201, headers: { "azure-asyncoperation": "{base}/ops/1" } }],
      "GET /ops/1": [
        { status: 200, body: { status: "InProgress", percentComplete: 20 } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /vaults/v1": [{ status: 200, body: { name: "v1" } }],
    });
    const url = `${server.url}/vaults/v1`;
    const first = createHttpPoller(createTestLro("PUT", url), { intervalInMs: 0 });
    await first.poll();
    const token = await first.serialize();
    expect(JSON.parse(token)).toMatchObject({
      azkitLro: 1,
      kind: "arm",
      status: "running",
      percentComplete: 20,
      context: { mode: "azure-async-operation", requestMethod: "PUT", pollUrl: `${server.url}/ops/1` },
    });

    // "Another process": a new operation object whose initial request must never be sent.
    const lro = createTestLro("PUT", url);
    const resumed = createHttpPoller(lro, { intervalInMs: 0, restoreFrom: token });
    expect(resumed.operationState).toMatchObject({ status: "running", percentComplete: 20 });
    await expect(resumed).resolves.toEqual({ name: "v1" });
    expect(lro.sent).toEqual([`GET ${server.url}/ops/1`, `GET ${url}`]);
    expect(sequence(server)).toEqual(["PUT /vaults/v1", "GET /ops/1", "GET /ops/1", "GET /vaults/v1"]);
  });

  it("a token of a finished operation restores its result without any request", async () => {
    const first = createPoller({ strategy: scriptedStrategy(running(), [done("stored")]), intervalInMs: 0 });
    await first;
    const strategy = scriptedStrategy(running(), []);
    const resumed = createPoller({ strategy, restoreFrom: await first.serialize() });
    expect(resumed.isDone).toBe(true);
    await expect(resumed).resolves.toBe("stored");
    expect(strategy.calls).toEqual({ start: 0, poll: 0, cancel: 0 });
  });

  it("a token of a failed operation restores the failure", async () => {
    const first = createPoller({
      strategy: scriptedStrategy(running(), [
        { status: "failed", error: Object.assign(new Error("no"), { code: "E1" }) },
      ]),
      intervalInMs: 0,
    });
    await first.pollUntilDone().catch(() => undefined);
    const resumed = createPoller({
      strategy: scriptedStrategy(running(), []),
      restoreFrom: await first.serialize(),
    });
    await expect(resumed).rejects.toMatchObject({ message: "no", code: "E1" });
  });

  it("refuses tokens that are not JSON, from another strategy, or from a newer format", () => {
    const strategy = scriptedStrategy(running(), []);
    expect(() => createPoller({ strategy, restoreFrom: "not json" })).toThrow(/not JSON/);
    expect(() => createPoller({ strategy, restoreFrom: "{}" })).toThrow(/without a version/);
    const other = JSON.stringify({ azkitLro: 1, kind: "arm", status: "running", context: {} });
    expect(() => createPoller({ strategy, restoreFrom: other })).toThrow(/"arm" operation/);
    const future = JSON.stringify({ azkitLro: 2, kind: "test", status: "running", context: {} });
    expect(() => createPoller({ strategy, restoreFrom: future })).toThrow(/version 2/);
    const badStatus = JSON.stringify({ azkitLro: 1, kind: "test", status: "paused", context: {} });
    expect(() => createPoller({ strategy, restoreFrom: badStatus })).toThrow(/unknown status/);
  });

  it("a hand-made ARM token without URLs fails the first poll with a TypeError", async () => {
    const token = JSON.stringify({
      azkitLro: 1,
      kind: "arm",
      status: "running",
      context: { mode: "location" },
    });
    const lro = createTestLro("DELETE", "http://127.0.0.1:9/never");
    const poller = createHttpPoller(lro, { restoreFrom: token, intervalInMs: 0 });
    await expect(poller).rejects.toThrow(TypeError);
    expect(lro.sent).toEqual([]);
  });

  it("serialize() waits for the initial request and fails if it failed", async () => {
    const strategy = scriptedStrategy(running(), []);
    strategy.start = async () => {
      throw new Error("initial request failed");
    };
    await expect(createPoller({ strategy }).serialize()).rejects.toThrow("initial request failed");
  });
});
