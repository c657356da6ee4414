import { fileURLToPath } from "node:url";
import { closeSyncBridge, createSyncClientClass, HttpResponseError, type SyncClient } from "@azkit/core-http";
import { afterAll, describe, expect, it } from "vitest";
import type { OperationState, PollerLike } from "../../src/index.js";

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
