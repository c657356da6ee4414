import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createPoller, type OperationState, type PollerLike } from "../../src/index.js";
import { runWithFakeTimers, useFakePollTimers } from "../helpers/fakeTime.js";
import { done, running, scriptedStrategy } from "../helpers/scriptedStrategy.js";

beforeEach(() => useFakePollTimers());
afterEach(() => vi.useRealTimers());

describe("createPoller", () => {
  it("returns the poller synchronously, notStarted until the initial request answered", async () => {
    const strategy = scriptedStrategy(running(), [done("r")]);
    const poller = createPoller({ strategy });
    expectTypeOf(poller).toEqualTypeOf<PollerLike<OperationState<string>, string>>();
    expect(poller.operationState.status).toBe("notStarted");
    expect(poller.isDone).toBe(false);
    await poller.submitted();
    expect(poller.operationState.status).toBe("running");
    expect(strategy.calls).toEqual({ start: 1, poll: 0, cancel: 0 });
  });

  it("`await poller`, result() and pollUntilDone() give the same result from one polling loop", async () => {
    const strategy = scriptedStrategy(running(), [running(), running(), done("the result")]);
    const poller = createPoller({ strategy });
    const all = Promise.all([poller.pollUntilDone(), poller.result(), Promise.resolve(poller)]);
    await expect(runWithFakeTimers(all)).resolves.toEqual(["the result", "the result", "the result"]);
    expect(strategy.calls.poll).toBe(3);
    expect(await poller).toBe("the result");
    expect(poller.getResult()).toBe("the result");
    expect(strategy.calls.poll).toBe(3);
  });

  it("has catch and finally like the Promise @azure/core-lro 3.x pollers are", async () => {
    const error = new Error("failed");
    const failing = createPoller({
      strategy: scriptedStrategy(running(), [{ status: "failed", error }]),
      intervalInMs: 0,
    });
    await expect(failing.catch((e: unknown) => `handled ${(e as Error).message}`)).resolves.toBe(
      "handled failed",
    );
    let settled = false;
    const ok = createPoller({ strategy: scriptedStrategy(running(), [done("x")]), intervalInMs: 0 });
    await expect(ok.finally(() => (settled = true))).resolves.toBe("x");
    expect(settled).toBe(true);
  });

  it("waits intervalInMs (default 2000 ms) between polls", async () => {
    const waits: number[] = [];
    await runWithFakeTimers(
      createPoller({ strategy: scriptedStrategy(running(), [running(), done("x")]) }).pollUntilDone(),
      waits,
    );
    expect(waits).toEqual([2000, 2000]);
    const custom: number[] = [];
    await runWithFakeTimers(
      createPoller({ strategy: scriptedStrategy(running(), [done("x")]), intervalInMs: 50 }).pollUntilDone(),
      custom,
    );
    expect(custom).toEqual([50]);
  });

  it("lets the service's Retry-After override the interval, within [1 s, 10 min]", async () => {
    const waits: number[] = [];
    const strategy = scriptedStrategy({ status: "running", retryAfterInMs: 0 }, [
      { status: "running", retryAfterInMs: 5000 },
      { status: "running", retryAfterInMs: 3_600_000 },
      done("x"),
    ]);
    await runWithFakeTimers(createPoller({ strategy }).pollUntilDone(), waits);
    expect(waits).toEqual([1000, 5000, 600_000]);
  });

  it("polls without waiting when intervalInMs is 0 and the service says Retry-After: 0", async () => {
    const strategy = scriptedStrategy({ status: "running", retryAfterInMs: 0 }, [running(), done("x")]);
    await expect(createPoller({ strategy, intervalInMs: 0 }).pollUntilDone()).resolves.toBe("x");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("poll() asks once and returns the new state", async () => {
    const strategy = scriptedStrategy(running(), [running(40), done("x")]);
    const poller = createPoller({ strategy });
    await expect(poller.poll()).resolves.toMatchObject({ status: "running", percentComplete: 40 });
    await expect(poller.poll()).resolves.toMatchObject({ status: "succeeded", result: "x" });
    await expect(poller.poll()).resolves.toMatchObject({ status: "succeeded" });
    expect(strategy.calls.poll).toBe(2);
  });

  it("concurrent poll() calls share one request", async () => {
    const strategy = scriptedStrategy(running(), [running(10), done("x")]);
    const poller = createPoller({ strategy });
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(a).toBe(b);
    expect(strategy.calls.poll).toBe(1);
  });

  it("a strategy that throws synchronously fails the poller, not the begin* call", async () => {
    const strategy = scriptedStrategy(running(), []);
    strategy.start = () => {
      throw new Error("could not build the request");
    };
    const poller = createPoller({ strategy });
    await expect(poller.submitted()).rejects.toThrow("could not build the request");
    expect(poller.operationState.status).toBe("failed");
    await expect(poller).rejects.toThrow("could not build the request");
  });

  it("rejects a bad strategy or interval at once", () => {
    expect(() => createPoller({ strategy: {} as never })).toThrow(TypeError);
    expect(() => createPoller({ strategy: scriptedStrategy(running(), []), intervalInMs: -1 })).toThrow(
      /intervalInMs/,
    );
  });
});

describe("progress", () => {
  it("onProgress sees the submitted state and every poll; the returned function unsubscribes", async () => {
    const poller = createPoller({
      strategy: scriptedStrategy(running(0), [running(50), running(75), done("x")]),
    });
    const all: (number | undefined)[] = [];
    const firstTwo: (number | undefined)[] = [];
    poller.onProgress((s) => all.push(s.percentComplete));
    const unsubscribe = poller.onProgress((s) => {
      firstTwo.push(s.percentComplete);
      if (firstTwo.length === 2) unsubscribe();
    });
    await runWithFakeTimers(poller.pollUntilDone());
    expect(all).toEqual([0, 50, 75, undefined]);
    expect(firstTwo).toEqual([0, 50]);
  });

  it("a throwing progress callback does not stop the operation", async () => {
    const poller = createPoller({ strategy: scriptedStrategy(running(), [done("x")]), intervalInMs: 0 });
    poller.onProgress(() => {
      throw new Error("bug in the caller's UI");
    });
    await expect(poller.pollUntilDone()).resolves.toBe("x");
  });

  it("for await yields the current state, then one per poll, ending at the terminal one", async () => {
    const poller = createPoller({ strategy: scriptedStrategy(running(10), [running(20), done("x")]) });
    const collect = async () => {
      const states: OperationState<string>[] = [];
      for await (const state of poller) states.push(state);
      return states;
    };
    const states = await runWithFakeTimers(collect());
    expect(states.map((s) => [s.status, s.percentComplete])).toEqual([
      ["running", 10],
      ["running", 20],
      ["succeeded", undefined],
    ]);
    expect(states[2]!.result).toBe("x");
  });

  it("for await ends with the failed state (awaiting the poller throws the error)", async () => {
    const error = new Error("it broke");
    const poller = createPoller({
      strategy: scriptedStrategy(running(), [{ status: "failed", error }]),
      intervalInMs: 0,
    });
    const statuses: string[] = [];
    for await (const state of poller) statuses.push(state.status);
    expect(statuses).toEqual(["running", "failed"]);
    await expect(poller).rejects.toBe(error);
  });

  it("for await throws an error reading the status, even while the caller was busy with a state", async () => {
    const strategy = scriptedStrategy(running(), [running()]); // the second poll throws "unexpected poll #2"
    const poller = createPoller({ strategy });
    const iterate = async () => {
      const statuses: string[] = [];
      for await (const state of poller) {
        statuses.push(state.status);
        // Busy in the loop body while the next poll fails in the background.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return statuses;
    };
    await expect(runWithFakeTimers(iterate())).rejects.toThrow("unexpected poll #2");
    expect(strategy.calls.poll).toBe(2);
  });

  it("breaking out of for await stops polling", async () => {
    const strategy = scriptedStrategy(running(), [running(), running(), done("x")]);
    const poller = createPoller({ strategy });
    const firstPoll = async () => {
      for await (const _state of poller) if (strategy.calls.poll >= 1) break;
    };
    await runWithFakeTimers(firstPoll());
    expect(strategy.calls.poll).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(strategy.calls.poll).toBe(1);
  });

  it("two loops (for await and pollUntilDone) share one sequence of polls", async () => {
    const strategy = scriptedStrategy(running(), [running(), done("x")]);
    const poller = createPoller({ strategy });
    const statuses: string[] = [];
    const iterate = (async () => {
      for await (const s of poller) statuses.push(s.status);
    })();
    await runWithFakeTimers(Promise.all([iterate, poller.pollUntilDone()]));
    expect(statuses).toEqual(["running", "running", "succeeded"]);
    expect(strategy.calls.poll).toBe(2);
  });
});

describe("abort", () => {
  it("pollUntilDone({ abortSignal }) stops waiting, not the operation", async () => {
    const strategy = scriptedStrategy(running(), [running(), done("x")]);
    const poller = createPoller({ strategy });
    await poller.submitted();
    const controller = new AbortController();
    const waiting = poller.pollUntilDone({ abortSignal: controller.signal });
    await vi.advanceTimersByTimeAsync(1000); // half way through the first 2 s wait
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect(strategy.calls.poll).toBe(0);
    expect(vi.getTimerCount()).toBe(0); // no timer left behind
    expect(poller.operationState.status).toBe("running");
    await expect(runWithFakeTimers(poller.pollUntilDone())).resolves.toBe("x");
  });

  it("an aborted signal rejects at once", async () => {
    const poller = createPoller({ strategy: scriptedStrategy(running(), [done("x")]) });
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("one waiter aborting leaves the other waiting", async () => {
    const poller = createPoller({ strategy: scriptedStrategy(running(), [running(), done("x")]) });
    const controller = new AbortController();
    const aborted = poller.pollUntilDone({ abortSignal: controller.signal });
    const patient = poller.pollUntilDone();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    await expect(runWithFakeTimers(patient)).resolves.toBe("x");
  });
});

describe("cancel", () => {
  it("calls the strategy's cancel and reports canceled", async () => {
    const strategy = scriptedStrategy(running(), [running()]);
    const cancelError = new Error("canceled by the caller");
    Object.assign(strategy, {
      cancel: async (context: { n: number }) => ({
        status: "canceled" as const,
        context,
        error: cancelError,
      }),
    });
    const poller = createPoller({ strategy });
    await expect(poller.cancel()).resolves.toMatchObject({ status: "canceled" });
    expect(poller.isDone).toBe(true);
    await expect(poller).rejects.toBe(cancelError);
  });

  it("throws when the strategy cannot cancel", async () => {
    const poller = createPoller({ strategy: scriptedStrategy(running(), []) });
    await expect(poller.cancel()).rejects.toThrow(/cannot be canceled/);
  });
});
