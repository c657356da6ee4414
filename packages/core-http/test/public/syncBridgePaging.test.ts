import { afterAll, describe, expect, it } from "vitest";
import { closeSyncBridge, getContinuationToken } from "../../src/index.js";
import { FixtureError } from "../fixtures/syncBridgeFixture.mjs";
import { FixtureClient } from "./syncBridgeFixtureClients.js";

afterAll(() => closeSyncBridge());

describe("paged lists through the sync bridge", () => {
  it("iterate item by item with for...of", () => {
    const client = new FixtureClient("https://acct.example");
    const seen: number[] = [];
    for (const n of client.listNumbers(5, 2)) seen.push(n);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("fetch nothing until the first item is asked for, then read ahead at most one page", () => {
    const client = new FixtureClient("https://acct.example");
    const list = client.listNumbers(8, 2);
    expect(client.fetchedPages()).toEqual([]);
    expect(list.next()).toEqual({ done: false, value: 0 });
    expect(list.next()).toEqual({ done: false, value: 1 });
    expect(client.fetchedPages()).toContain(0);
    expect(client.fetchedPages()).not.toContain(4);
  });

  it("hand out a page's items before throwing the error of the page after", () => {
    const client = new FixtureClient("https://acct.example");
    const seen: number[] = [];
    expect(() => {
      for (const n of client.listNumbers(6, 2, 2)) seen.push(n);
    }).toThrow(FixtureError);
    expect(seen).toEqual([0, 1]);
  });

  it("walk pages with byPage and resume from a continuation token", () => {
    const client = new FixtureClient("https://acct.example");
    const pages = [...client.listNumbers(5).byPage({ maxPageSize: 2 })];
    expect(pages).toEqual([
      { items: [0, 1], continuationToken: "2" },
      { items: [2, 3], continuationToken: "4" },
      { items: [4], continuationToken: undefined },
    ]);
    const resumed = [
      ...client.listNumbers(5).byPage({ continuationToken: pages[0]!.continuationToken, maxPageSize: 3 }),
    ];
    expect(resumed.map((page) => page.items)).toEqual([[2, 3, 4]]);
  });

  it("keep an array page's continuation token for getContinuationToken", () => {
    const client = new FixtureClient("https://acct.example");
    const [first, second] = [...client.listLetters().byPage()];
    expect([...first!]).toEqual(["a", "b"]);
    expect(getContinuationToken(first)).toBe("1");
    expect(getContinuationToken(second)).toBeUndefined();
  });

  it("stop fetching when the loop breaks early, and still page afterwards", () => {
    const client = new FixtureClient("https://acct.example");
    const list = client.listNumbers(10, 2);
    for (const n of list) if (n === 1) break;
    expect(client.fetchedPages()).not.toContain(4);
    expect([...list.byPage({ continuationToken: "8" })].map((page) => page.items)).toEqual([[8, 9]]);
  });
});

describe("pollers through the sync bridge", () => {
  it("return the poller at once; pollUntilDone blocks until the end and returns the result", () => {
    const client = new FixtureClient("https://acct.example");
    const poller = client.beginOperation(3);
    expect(poller.isDone).toBe(false);
    expect(poller.operationState).toBeUndefined();
    expect(poller.pollUntilDone()).toEqual({ id: "op1", steps: 3 });
    expect(poller.isDone).toBe(true);
    expect(poller.operationState).toEqual({ status: "succeeded", step: 3 });
  });

  it("poll one step at a time, and serialize", () => {
    const poller = new FixtureClient("https://acct.example").beginOperation(2);
    expect(poller.poll()).toEqual({ status: "running", step: 1 });
    expect(poller.operationState).toEqual({ status: "running", step: 1 });
    expect(poller.getResult()).toBeUndefined();
    expect(JSON.parse(poller.serialize())).toEqual({ state: { status: "running", step: 1 } });
    expect(poller.result()).toEqual({ id: "op1", steps: 2 });
  });

  it("deliver onProgress states while this thread waits for the result", () => {
    const poller = new FixtureClient("https://acct.example").beginOperation(3);
    const states: number[] = [];
    poller.onProgress((state) => states.push(state.step));
    poller.result();
    expect(states).toEqual([1, 2, 3]);
  });

  it("cancel where the operation supports it", () => {
    const poller = new FixtureClient("https://acct.example").beginOperation(5);
    poller.poll();
    expect(poller.cancel()).toEqual({ status: "canceled", step: 1 });
    expect(poller.isDone).toBe(true);
  });

  it("iterate over the states", () => {
    const poller = new FixtureClient("https://acct.example").beginOperation(2);
    expect([...poller].map((state) => state.status)).toEqual(["running", "succeeded"]);
  });
});
