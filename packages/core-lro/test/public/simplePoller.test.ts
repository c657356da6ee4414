import { AbortError } from "@azkit/core-http";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  createHttpSimplePoller,
  createPoller,
  createSimplePoller,
  type OperationState,
  type PollerLike,
  type PollingStrategy,
  type SimplePollerLike,
} from "../../src/index.js";
import { runWithFakeTimers, useFakePollTimers } from "../helpers/fakeTime.js";
import { type LoopbackServer, sequence, startArmServer } from "../helpers/loopbackServer.js";
import { done, running, scriptedStrategy } from "../helpers/scriptedStrategy.js";
import { createTestLro } from "../helpers/testLro.js";

type Simple = SimplePollerLike<OperationState<string>, string>;

beforeEach(() => useFakePollTimers());
afterEach(() => vi.useRealTimers());

/**
 * A client written the way DESIGN.md §3 says: `beginWork` returns a Promise of the non-thenable
 * poller, `beginWorkAndWait` the result, and the newer-generation plain-named `work` the
 * thenable poller.
 */
class DemoClient {
  constructor(readonly strategy: () => PollingStrategy<string, { n: number }>) {}
  beginWork(options: { resumeFrom?: string } = {}): Promise<Simple> {
    return createSimplePoller({
      strategy: this.strategy(),
      intervalInMs: 0,
      restoreFrom: options.resumeFrom,
    });
  }
  async beginWorkAndWait(): Promise<string> {
    const poller = await this.beginWork();
    return poller.pollUntilDone();
  }
  work(): PollerLike<OperationState<string>, string> {
    return createPoller({ strategy: this.strategy(), intervalInMs: 0 });
  }
}

describe("createSimplePoller (the poller of classic begin* methods)", () => {
  it("`await client.beginX()` yields the poller, not the result; the poller is not thenable", async () => {
    const strategy = scriptedStrategy(running(), [running(), done("the result")]);
    const client = new DemoClient(() => strategy);
    const poller = await client.beginWork();
    expectTypeOf(poller).toEqualTypeOf<Simple>();
    expect("then" in poller).toBe(false);
    expect(typeof poller.pollUntilDone).toBe("function");
    expect(poller.getOperationState().status).toBe("running");
    expect(strategy.calls).toEqual({ start: 1, poll: 0, cancel: 0 });
    // The peer README's usage, verbatim apart from the names.
    const result = await poller.pollUntilDone();
    expect(result).toBe("the result");
    expect(poller.isDone()).toBe(true);
    expect(poller.getResult()).toBe("the result");
    expect(await poller.result()).toBe("the result");
    expect(strategy.calls.poll).toBe(2);
  });

  it("beginXAndWait gives the result; the plain-named newer-generation method gives a thenable poller", async () => {
    const client = new DemoClient(() => scriptedStrategy(running(), [done("r")]));
    await expect(client.beginWorkAndWait()).resolves.toBe("r");
    const thenable = client.work();
    expectTypeOf(thenable).toMatchTypeOf<PromiseLike<string>>();
    await expect(thenable).resolves.toBe("r");
  });

  it("rejects the begin* Promise itself when the initial request fails", async () => {
    const error = new Error("409 Conflict: the resource is busy");
    const strategy: PollingStrategy<string, unknown> = {
      kind: "test",
      start: async () => {
        throw error;
      },
      poll: async () => ({ status: "running", context: {} }),
    };
    await expect(createSimplePoller({ strategy })).rejects.toBe(error);
  });

  it("is driven by hand with poll() until isDone(), as the peer README's manual-polling example", async () => {
    const strategy = scriptedStrategy(running(), [running(10), running(60), done("manual")]);
    const poller = await createSimplePoller({ strategy });
    const seen: Array<number | undefined> = [];
    while (!poller.isDone()) {
      const state = await poller.poll();
      seen.push(state.percentComplete);
    }
    expect(seen).toEqual([10, 60, undefined]);
    expect(poller.getResult()).toBe("manual");
    expect(strategy.calls.poll).toBe(3);
  });

  it("tells onProgress each new state and iterates the states with for await", async () => {
    const poller = await createSimplePoller({
      strategy: scriptedStrategy(running(), [running(25), running(75), done("x")]),
    });
    const progress: Array<number | undefined> = [];
    const unsubscribe = poller.onProgress((s) => progress.push(s.percentComplete));
    const statuses: string[] = [];
    await runWithFakeTimers(
      (async () => {
        for await (const state of poller) statuses.push(state.status);
      })(),
    );
    unsubscribe();
    expect(statuses).toEqual(["running", "running", "running", "succeeded"]);
    expect(progress).toEqual([25, 75, undefined]);
  });

  it("stopPolling() rejects the pending pollUntilDone with AbortError; pollUntilDone() again resumes", async () => {
    const strategy = scriptedStrategy(running(), [running(), running(), done("after resume")]);
    const poller = await createSimplePoller({ strategy, intervalInMs: 1000 });
    expect(poller.isStopped()).toBe(false);
    const waiting = poller.pollUntilDone();
    poller.stopPolling();
    expect(poller.isStopped()).toBe(true);
    const stopped = await waiting.catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(AbortError);
    expect((stopped as Error).message).toMatch(/stopPolling\(\) was called.*call pollUntilDone\(\) again/);
    expect(strategy.calls.poll).toBe(0);
    expect(poller.isDone()).toBe(false);
    const resumed = poller.pollUntilDone();
    expect(poller.isStopped()).toBe(false);
    await expect(runWithFakeTimers(resumed)).resolves.toBe("after resume");
  });

  it("a caller's abortSignal stops its own wait with the plain abort message", async () => {
    const poller = await createSimplePoller({ strategy: scriptedStrategy(running(), [done("x")]) });
    const controller = new AbortController();
    const waiting = poller.pollUntilDone({ abortSignal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toThrow(/the abort signal fired/);
    expect(poller.isStopped()).toBe(false);
  });

  it("cancelOperation() runs the strategy's cancel, and says so where the operation cannot be canceled", async () => {
    let canceled = 0;
    const strategy: PollingStrategy<string, { n: number }> = {
      ...scriptedStrategy(running(), []),
      async cancel(context) {
        canceled++;
        return { status: "canceled", context, error: new Error("copy aborted") };
      },
    };
    const poller = await createSimplePoller({ strategy });
    await poller.cancelOperation();
    expect(canceled).toBe(1);
    expect(poller.getOperationState().status).toBe("canceled");
    await expect(poller.pollUntilDone()).rejects.toThrow("copy aborted");

    const arm = await createSimplePoller({ strategy: scriptedStrategy(running(), []) });
    await expect(arm.cancelOperation()).rejects.toThrow(/cannot be canceled by the service/);
  });

  it("toString() is the resume token serialize() gives, synchronously", async () => {
    const poller = await createSimplePoller({ strategy: scriptedStrategy(running(42), []) });
    const token = poller.toString();
    expect(token).toBe(await poller.serialize());
    expect(JSON.parse(token)).toMatchObject({
      azkitLro: 1,
      kind: "test",
      status: "running",
      percentComplete: 42,
    });
    expect(`${poller}`).toBe(token);
  });
});

describe("resume tokens across the two kinds", () => {
  it("a simple poller resumes from a simple poller's toString() without a new initial request", async () => {
    const first = await createSimplePoller({ strategy: scriptedStrategy(running(), [running(50)]) });
    await first.poll();
    const strategy = scriptedStrategy(running(), [done("resumed")]);
    const client = new DemoClient(() => strategy);
    const resumed = await client.beginWork({ resumeFrom: first.toString() });
    expect(resumed.getOperationState()).toMatchObject({ status: "running", percentComplete: 50 });
    await expect(resumed.pollUntilDone()).resolves.toBe("resumed");
    expect(strategy.calls).toEqual({ start: 0, poll: 1, cancel: 0 });
  });

  it("a thenable poller's token restores a simple poller, and the other way round", async () => {
    const thenable = createPoller({ strategy: scriptedStrategy(running(), [running(30)]), intervalInMs: 0 });
    await thenable.poll();
    const asSimple = await createSimplePoller({
      strategy: scriptedStrategy(running(), [done("from thenable")]),
      intervalInMs: 0,
      restoreFrom: await thenable.serialize(),
    });
    expect(asSimple.getOperationState().percentComplete).toBe(30);
    await expect(asSimple.pollUntilDone()).resolves.toBe("from thenable");

    const simple = await createSimplePoller({ strategy: scriptedStrategy(running(70), []) });
    const strategy = scriptedStrategy(running(), [done("from simple")]);
    const asThenable = createPoller({ strategy, intervalInMs: 0, restoreFrom: simple.toString() });
    expect(asThenable.operationState.percentComplete).toBe(70);
    await expect(asThenable).resolves.toBe("from simple");
    expect(strategy.calls.start).toBe(0);
  });
});

describe("createHttpSimplePoller (ARM, classic begin*)", () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("resolves once the PUT answered, then polls Azure-AsyncOperation and GETs the resource", async () => {
    vi.useRealTimers();
    server = await startArmServer({
      "PUT /vaults/v1": [{ status: 201, headers: { "azure-asyncoperation": "{base}/ops/1" } }],
      "GET /ops/1": [
        { status: 200, body: { status: "InProgress", percentComplete: 40 } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /vaults/v1": [{ status: 200, body: { name: "v1" } }],
    });
    const url = `${server.url}/vaults/v1`;
    const poller = await createHttpSimplePoller<{ name: string }>(createTestLro("PUT", url), {
      intervalInMs: 0,
    });
    expect(sequence(server)).toEqual(["PUT /vaults/v1"]);
    expect("then" in poller).toBe(false);
    const token = poller.toString();
    await expect(poller.pollUntilDone()).resolves.toEqual({ name: "v1" });
    expect(sequence(server)).toEqual(["PUT /vaults/v1", "GET /ops/1", "GET /ops/1", "GET /vaults/v1"]);
    expect(JSON.parse(token)).toMatchObject({ kind: "arm", context: { pollUrl: `${server.url}/ops/1` } });
  });

  it("a 4xx answer to the initial request rejects the begin* Promise with the typed error", async () => {
    vi.useRealTimers();
    server = await startArmServer({
      "DELETE /rg/missing": [
        { status: 404, body: { error: { code: "ResourceGroupNotFound", message: "not found" } } },
      ],
    });
    await expect(
      createHttpSimplePoller<void>(createTestLro("DELETE", `${server.url}/rg/missing`), { intervalInMs: 0 }),
    ).rejects.toMatchObject({ statusCode: 404, code: "ResourceGroupNotFound" });
  });
});
