import type { BridgeRequest } from "../syncWireFormat.js";
import type { WorkerRuntime } from "./workerRuntime.js";

/**
 * Carries out one request from the main thread on the worker-side objects and returns the
 * encoded result (the caller posts it, or the error it throws). Pollers and paged lists are
 * returned as they are even though pollers are thenable: awaiting one would wait for the
 * operation's end instead of handing back the poller.
 * Shipped to the worker as source text: it must not reference anything outside its body.
 */
export async function handleBridgeRequest(runtime: WorkerRuntime, request: BridgeRequest): Promise<unknown> {
  const { parts } = runtime;
  const decodeArgs = (args: unknown[]): unknown[] => parts.decodeFromMain(runtime, args) as unknown[];
  // Value-class instances are rebuilt during (synchronous) decoding: load their modules first.
  const preload = async (value: unknown): Promise<void> => {
    const urls = new Set<string>();
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== "object") return;
      const proto = Object.getPrototypeOf(v);
      if (!Array.isArray(v) && proto !== null && proto !== Object.prototype) return;
      const record = v as Record<string, unknown>;
      if (record.$azkitSync === "construct") urls.add(record.moduleUrl as string);
      for (const key of Object.keys(record)) walk(record[key]);
    };
    walk(value);
    for (const url of urls) if (!runtime.loadedModules.has(url)) await runtime.loadModule(url);
  };
  if ("args" in request) await preload(request.args);
  const target = (handle: number): Record<string | symbol, unknown> => {
    if (!runtime.handles.has(handle)) {
      throw new TypeError(`sync bridge: object ${handle} no longer exists in the worker (it was released)`);
    }
    return runtime.handles.get(handle) as Record<string | symbol, unknown>;
  };
  // Boxed: an async function returning a thenable would adopt it, i.e. await the poller.
  const settle = async (value: unknown): Promise<{ value: unknown }> => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return { value };
    const v = value as Record<string, unknown>;
    if (typeof v.pollUntilDone === "function" || typeof v.byPage === "function") return { value };
    return { value: typeof v.then === "function" ? await value : value };
  };
  const exported = async (moduleUrl: string, exportName: string): Promise<Function> => {
    const module = await runtime.loadModule(moduleUrl);
    const value = module[exportName];
    if (typeof value !== "function") {
      throw new TypeError(
        `sync bridge: ${moduleUrl} has no exported class or function named "${exportName}"`,
      );
    }
    return value;
  };
  const method = (object: Record<string | symbol, unknown>, name: string): Function => {
    const fn = object[name];
    if (typeof fn !== "function") throw new TypeError(`sync bridge: ${name} is not a method of this object`);
    return fn;
  };

  switch (request.op) {
    case "construct": {
      const Ctor = (await exported(request.moduleUrl, request.exportName)) as new (
        ...args: unknown[]
      ) => object;
      return parts.encodeForMain(runtime, new Ctor(...decodeArgs(request.args)), true);
    }
    case "callStatic": {
      const Ctor = (await exported(request.moduleUrl, request.exportName)) as unknown as Record<
        string,
        unknown
      >;
      const result = method(Ctor, request.method).apply(Ctor, decodeArgs(request.args));
      return parts.encodeForMain(runtime, (await settle(result)).value);
    }
    case "call": {
      const object = target(request.handle);
      const result = method(object, request.method).apply(object, decodeArgs(request.args));
      return parts.encodeForMain(runtime, (await settle(result)).value);
    }
    case "apply": {
      const fn = target(request.handle) as unknown as Function;
      return parts.encodeForMain(runtime, (await settle(fn(...decodeArgs(request.args)))).value);
    }
    case "get":
      return parts.encodeForMain(runtime, (await settle(target(request.handle)[request.prop])).value);
    case "iterate": {
      const object = target(request.handle);
      const iterator = method(object, Symbol.asyncIterator as unknown as string).call(object);
      return parts.encodeForMain(runtime, iterator, true);
    }
    case "next": {
      const iterator = target(request.handle);
      const step = (await method(iterator, "next").call(iterator)) as { done?: boolean; value?: unknown };
      const reply: Record<string, unknown> = {
        done: step.done === true,
        value: parts.encodeForMain(runtime, step.value),
      };
      // A page's continuation token lives beside the page (in core-http's WeakMap, read through
      // the readers every core-http copy registers, or as an array's own property); the WeakMap
      // entry does not cross with the copy of the page, so the token travels beside it.
      const page = step.value;
      if (page !== null && typeof page === "object") {
        const readers = (globalThis as Record<symbol, unknown>)[
          Symbol.for("@azkit/core-http/continuationTokenReaders")
        ] as Set<(page: unknown) => string | undefined> | undefined;
        let token: unknown;
        for (const read of readers ?? []) token ??= read(page);
        token ??= Array.isArray(page)
          ? (page as unknown as Record<string, unknown>).continuationToken
          : undefined;
        if (typeof token === "string") reply.continuationToken = token;
      }
      return reply;
    }
    case "nextBatch": {
      // Items of a list cross in batches, one round trip per page rather than per item: after the
      // first item, take more while next() settles within a few microtasks (items of a page
      // already fetched). The first next() that does not (it started fetching the next page) is
      // kept for the next batch, so iteration reads ahead by at most that one request.
      const iterator = target(request.handle);
      const next = (): Promise<IteratorResult<unknown>> =>
        (method(iterator, "next") as () => Promise<IteratorResult<unknown>>).call(iterator);
      const settledSoon = async (promise: Promise<unknown>): Promise<boolean> => {
        let settled = false;
        promise.then(
          () => {
            settled = true;
          },
          () => {
            settled = true;
          },
        );
        for (let hop = 0; hop < 20 && !settled; hop++) await null;
        return settled;
      };
      const items: unknown[] = [];
      let pending = runtime.readAhead.get(request.handle) ?? next();
      runtime.readAhead.delete(request.handle);
      for (;;) {
        if (items.length > 0) {
          // A failure after some items is thrown by the batch that reaches it, not this one.
          const failed = await pending.then(
            () => false,
            () => true,
          );
          if (failed) {
            runtime.readAhead.set(request.handle, pending);
            return { items, done: false };
          }
        }
        const step = await pending;
        if (step.done === true) return { items, done: true };
        items.push(parts.encodeForMain(runtime, step.value));
        if (items.length >= request.max) return { items, done: false };
        pending = next();
        if (!(await settledSoon(pending))) {
          runtime.readAhead.set(request.handle, pending);
          return { items, done: false };
        }
      }
    }
    case "return": {
      // The handle stays (a paged list can still be asked for byPage()); garbage collection of
      // the proxy releases it.
      const iterator = target(request.handle);
      runtime.readAhead.delete(request.handle);
      if (typeof iterator.return === "function")
        await (iterator.return as () => Promise<unknown>).call(iterator);
      return { done: true, value: undefined };
    }
    default:
      throw new TypeError(`sync bridge: unknown request ${(request as { op: string }).op}`);
  }
}
