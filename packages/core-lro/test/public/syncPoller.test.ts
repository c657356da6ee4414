import { fileURLToPath } from "node:url";
import {
  closeSyncBridge,
  createSyncClientClass,
  HttpResponseError,
  type SyncClient,
  type SyncSimplePoller,
} from "@azkit/core-http";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import type { OperationState, PollerLike, SimplePollerLike } from "../../src/index.js";

type Poller = PollerLike<OperationState<string>, string>;
/** The shape of test/fixtures/demoLroClient.mjs (the worker runs that file from this package's dist/). */
interface DemoLroClient {
  beginWork(polls: number, result: string): Poller;
  beginFailingWork(): Poller;
}

const SyncDemoClient = createSyncClientClass<new () => DemoLroClient>({
  modulePath: fileURLToPath(new URL("../fixtures/demoLroClient.mjs", import.meta.url)),
  exportName: "DemoLroClient",
});

type SimplePoller = SimplePollerLike<OperationState<string>, string>;
/** The classic kind in the same fixture: `begin*` returns a Promise of the non-thenable poller. */
interface DemoSimpleLroClient {
  beginWork(polls: number, result: string): Promise<SimplePoller>;
  beginWorkAndWait(polls: number, result: string): Promise<string>;
  beginFailingStart(): Promise<SimplePoller>;
}

const SyncDemoSimpleClient = createSyncClientClass<new () => DemoSimpleLroClient>({
  modulePath: fileURLToPath(new URL("../fixtures/demoLroClient.mjs", import.meta.url)),
  exportName: "DemoSimpleLroClient",
});

afterAll(() => closeSyncBridge());

describe("core-lro pollers on the sync surface (core-http sync bridge)", () => {
  it("a blocking pollUntilDone() returns the result and the state reads through", () => {
    const client: SyncClient<DemoLroClient> = new SyncDemoClient();
    const poller = client.beginWork(3, "done");
    expect(poller.pollUntilDone()).toBe("done");
    expect(poller.isDone).toBe(true);
    expect(poller.operationState).toMatchObject({ status: "succeeded", result: "done" });
  });

  it("a failed operation throws the same HttpResponseError class", () => {
    const client = new SyncDemoClient();
    const poller = client.beginFailingWork();
    let caught: unknown;
    try {
      poller.pollUntilDone();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpResponseError);
    expect(caught).toMatchObject({ code: "Conflict" });
  });
});

describe("classic begin* pollers (SimplePollerLike) on the sync surface", () => {
  it("begin* returns the poller; pollUntilDone() and result() block; reads are methods", () => {
    const client: SyncClient<DemoSimpleLroClient> = new SyncDemoSimpleClient();
    const poller = client.beginWork(3, "done");
    expectTypeOf(poller).toEqualTypeOf<SyncSimplePoller<string, OperationState<string>>>();
    expect(poller.isDone()).toBe(false);
    expect(poller.getOperationState()).toMatchObject({ status: "running" });
    expect(JSON.parse(poller.toString())).toMatchObject({ kind: "demo", status: "running" });
    expect(poller.pollUntilDone()).toBe("done");
    expect(poller.isDone()).toBe(true);
    expect(poller.result()).toBe("done");
    expect(poller.getResult()).toBe("done");
  });

  it("begin*AndWait returns the result; a failed initial request throws from begin* itself", () => {
    const client = new SyncDemoSimpleClient();
    expect(client.beginWorkAndWait(2, "waited")).toBe("waited");
    let caught: unknown;
    try {
      client.beginFailingStart();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpResponseError);
    expect(caught).toMatchObject({ statusCode: 409, code: "Conflict" });
  });

  it("iterates the states, blocking for each", () => {
    const poller = new SyncDemoSimpleClient().beginWork(3, "it");
    const statuses = [...poller].map((s) => s.status);
    expect(statuses).toEqual(["running", "running", "running", "succeeded"]);
  });
});
