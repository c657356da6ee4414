import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { closeSyncBridge, createSyncClientClass, registerSyncValueClass } from "../../src/index.js";
import { FixtureKey } from "../fixtures/syncBridgeFixture.mjs";
import {
  FixtureChildClient,
  FixtureClient,
  FixtureCredential,
  fixtureUrl,
} from "./syncBridgeFixtureClients.js";

afterAll(() => closeSyncBridge());

describe("createSyncClientClass", () => {
  it("constructs the async client in the worker and returns method results without a Promise", () => {
    const client = new FixtureClient("https://acct.example");
    const value = { name: "a", tags: ["x", "y"], nested: { n: 1, when: new Date(0) } };
    // echo is generic, and mapped types drop type parameters: say what comes back.
    const result = client.echo(value) as typeof value;
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual(value);
    expect(result.nested.when).toBeInstanceOf(Date);
  });

  it("returns data-class instances (getters, no methods) as plain data with their getters' values", () => {
    expect(new FixtureClient("https://acct.example").usage()).toEqual({ used: 3, quota: 10, free: 7 });
  });

  it("carries plain objects that happen to look like its own wire tags unchanged", () => {
    const client = new FixtureClient("https://acct.example");
    const lookalike = { $azkitSync: "handle", handle: 1, nested: [{ $azkitSync: "ref", handle: 2 }] };
    expect(client.echo(lookalike)).toEqual(lookalike);
  });

  it("makes instances of the sync class, with readable data members and getters", () => {
    const client = new FixtureClient("https://acct.example");
    expect(client).toBeInstanceOf(FixtureClient);
    expect(client.url).toBe("https://acct.example");
    client.echo(1);
    client.echo(2);
    expect(client.calls).toBe(2);
  });

  it("offers the static methods it was asked for, blocking", () => {
    const client = FixtureClient.fromName("acct");
    expect(client.url).toBe("https://acct.example");
    expect(client.echo("ok")).toBe("ok");
  });

  it("blocks the calling thread: a timer due before the call has not run when it returns", async () => {
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    const client = new FixtureClient("https://acct.example");
    expect(client.delay(30)).toBe(30);
    expect(timerRan).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timerRan).toBe(true);
  });

  it("passes Buffers, Uint8Arrays and Dates so the worker sees the same types", () => {
    const client = new FixtureClient("https://acct.example");
    expect(client.describeArgument(Buffer.from("hi"))).toMatchObject({ isBuffer: true });
    expect(client.describeArgument(new Uint8Array([1]))).toMatchObject({
      isBuffer: false,
      constructorName: "Uint8Array",
    });
    expect(client.describeArgument(new Date(5))).toMatchObject({ isDate: true });
    const large = Buffer.alloc(1 << 20, 7);
    const pooledSlice = Buffer.from("a slice of the shared pool");
    expect((client.echo(large) as Buffer).equals(large)).toBe(true);
    expect((client.echo(pooledSlice) as Buffer).toString()).toBe("a slice of the shared pool");
    const downloaded = client.download("hello");
    expect(Buffer.isBuffer(downloaded)).toBe(true);
    expect(downloaded.toString()).toBe("hello");
  });

  it("returns sync twins of the client objects a method returns", () => {
    const client = new FixtureClient("https://acct.example");
    client.echo(0);
    const child = client.getChildClient("box");
    expect(child.name).toBe("box");
    expect(child.childUrl).toBe("https://acct.example/box");
    expect(child.describe()).toEqual({ name: "box", parentCalls: 1 });
  });

  it("makes returned objects instances of the sync class made for their class, if any", () => {
    const client = new FixtureClient("https://acct.example");
    expect(client.getChildClient("box")).toBeInstanceOf(FixtureChildClient);
    expect(FixtureClient.fromName("acct")).toBeInstanceOf(FixtureClient);
  });

  it("hands a sync twin passed as an argument to the worker as the real object", () => {
    const credential = new FixtureCredential("s3cr3t");
    const client = new FixtureClient("https://acct.example", { credential });
    expect(client.whoAmI()).toBe("s3cr3t:scope");
  });
});

describe("construction failures", () => {
  it("throw the constructor's error from new", () => {
    expect(() => new FixtureCredential("")).toThrow(RangeError);
  });

  it("say which module or export could not be found", () => {
    const Missing = createSyncClientClass<new () => object>({
      moduleSpecifier: new URL("./noSuchModule.mjs", fixtureUrl),
      exportName: "Missing",
    });
    expect(() => new Missing()).toThrow(/noSuchModule\.mjs/);
    const NoExport = createSyncClientClass<new () => object>({
      moduleSpecifier: fixtureUrl,
      exportName: "NoSuchClass",
    });
    expect(() => new NoExport()).toThrow(/no exported class or function named "NoSuchClass"/);
  });
});

describe("value classes", () => {
  class UnregisteredKey {
    #secret = "hidden";
    constructor(readonly accountName: string) {}
    get region(): string {
      return "west";
    }
    sign(): string {
      return this.#secret;
    }
  }

  it("cross as plain data (own properties and getter values) when not registered", () => {
    const client = new FixtureClient("https://acct.example");
    expect(client.useKey(new UnregisteredKey("acct"))).toEqual({
      isFixtureKey: false,
      signature: undefined,
      fields: { accountName: "acct", region: "west" },
    });
  });

  it("arrive as instances of the worker's copy of a registered class", () => {
    registerSyncValueClass(FixtureKey, {
      moduleSpecifier: fixtureUrl,
      exportName: "FixtureKey",
      constructorArguments: (key) => [key.accountName, key.secret],
    });
    const client = new FixtureClient("https://acct.example");
    expect(client.useKey(new FixtureKey("acct", "k3y"))).toEqual({
      isFixtureKey: true,
      signature: "x:signed-with:k3y",
      fields: { accountName: "acct" },
    });
  });
});

describe("callbacks", () => {
  it("runs onProgress on this thread, in order, before the call returns", () => {
    const client = new FixtureClient("https://acct.example");
    const events: string[] = [];
    const result = client.upload(Buffer.from("abc"), {
      onProgress: (event) => events.push(`progress ${event.loadedBytes}`),
    });
    events.push("returned");
    expect(result).toEqual({ size: 3 });
    expect(events).toEqual(["progress 1", "progress 2", "progress 3", "returned"]);
  });

  it("gives the worker the callback's return value", () => {
    const client = new FixtureClient("https://acct.example");
    expect(client.mapWith([1, 2, 3], (n) => (n as number) * 10)).toEqual([10, 20, 30]);
  });

  it("lets a callback make blocking calls itself (nested calls)", () => {
    const client = new FixtureClient("https://acct.example");
    const other = new FixtureClient("https://other.example");
    expect(client.mapWith(["a", "b"], (s) => other.echo(`${s}!`))).toEqual(["a!", "b!"]);
    expect(other.calls).toBe(2);
  });

  it("runs callbacks one at a time, in order, even when one makes a blocking call the others overtake", () => {
    const client = new FixtureClient("https://acct.example");
    const other = new FixtureClient("https://other.example");
    const events: string[] = [];
    // upload does not wait for onProgress, so it finishes while the callback's delay() blocks.
    const result = client.upload("abc", {
      onProgress: (event) => {
        other.delay(20);
        events.push(`progress ${event.loadedBytes}`);
      },
    });
    expect(result).toEqual({ size: 3 });
    expect(events).toEqual(["progress 1", "progress 2", "progress 3"]);
  });

  it("rejects the worker's callback promise when the callback throws", () => {
    const client = new FixtureClient("https://acct.example");
    expect(() =>
      client.callMe(() => {
        throw new RangeError("nope");
      }),
    ).toThrow("nope");
  });
});

describe("a worker that fails", () => {
  it("ends the blocked call with an error instead of a hang, and the next client gets a new worker", () => {
    const client = new FixtureClient("https://acct.example");
    expect(() => client.crashWorker()).toThrow(/worker thread failed \(boom in a timer\)/);
    expect(() => client.echo(1)).toThrow(/can no longer be used/);
    expect(new FixtureClient("https://acct.example").echo(2)).toBe(2);
  });
});

describe("arguments that cannot cross", () => {
  const client = (): FixtureClient => new FixtureClient("https://acct.example");

  it("refuses an AbortSignal and says to use a timeout instead", () => {
    expect(() => client().upload("x", { abortSignal: new AbortController().signal })).toThrow(
      /AbortSignal cannot be passed.*timeout/,
    );
  });

  it("refuses a stream and says to pass the data or a file path", () => {
    expect(() => client().echo(Readable.from(["x"]))).toThrow(
      /a stream cannot be passed.*Uint8Array\/Buffer/,
    );
  });

  it("refuses a credential made on this thread and points to the /sync entry", () => {
    const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: 0 }) };
    expect(() => new FixtureClient("https://acct.example", { credential })).toThrow(/TypeError|\/sync entry/);
    expect(() => new FixtureClient("https://acct.example", { credential })).toThrow(TypeError);
  });
});
