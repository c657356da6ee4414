import { mapArrayOnWrite, mapRecordOnWrite } from "./copyOnWrite.js";
import { isCloneableBuiltin } from "./isCloneableBuiltin.js";
import type { SyncBridge } from "./syncBridge.js";
import { proxyTarget } from "./syncProxyHandles.js";
import { describeValueInstance } from "./syncValueClasses.js";
import { bufferToWire } from "./wireBuffer.js";

const notTransferable = (what: string, instead: string): TypeError =>
  new TypeError(`sync bridge: ${what} cannot be passed to a sync client's method, ${instead}`);

function refuse(value: object): void {
  if (typeof AbortSignal !== "undefined" && value instanceof AbortSignal) {
    throw notTransferable(
      "an AbortSignal",
      "because the call blocks the thread that would abort it. Bound the call with a timeout option " +
        "instead (e.g. requestOptions.timeout), or use the async client.",
    );
  }
  const v = value as Record<string, unknown>;
  if (
    typeof v.pipe === "function" ||
    typeof v.getReader === "function" ||
    typeof v.getWriter === "function" ||
    (typeof v.write === "function" && typeof v.end === "function")
  ) {
    throw notTransferable(
      "a stream",
      "because its data lives on this thread. Pass the data as a Uint8Array/Buffer or string, use a " +
        "method that takes a file path, or use the async client for streaming.",
    );
  }
  if (typeof v.then === "function") {
    throw notTransferable("a Promise", "because the call blocks this thread. Pass the resolved value.");
  }
  if (typeof v.getToken === "function") {
    throw notTransferable(
      "a credential created on this thread",
      "because its getToken is asynchronous and this thread is blocked while the call runs. Create it " +
        'from the package\'s /sync entry (e.g. `import { DefaultAzureCredential } from "@azkit/identity/sync"`).',
    );
  }
}

function isPlainOrBuiltin(value: object): "plain" | "builtin" | "instance" {
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return "plain";
  return isCloneableBuiltin(value) ? "builtin" : "instance";
}

/** Getter values along a class instance's prototype chain (e.g. `credential.key`), by name. */
function getterValues(value: object, into: Record<string, unknown>): void {
  for (
    let p = Object.getPrototypeOf(value);
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name in into) continue;
      const descriptor = Object.getOwnPropertyDescriptor(p, name)!;
      if (descriptor.get !== undefined) into[name] = (value as Record<string, unknown>)[name];
    }
  }
}

/**
 * Turns arguments into what can cross to the worker: plain data as it is, sync proxies as
 * references to their worker-side objects, functions as callbacks, Buffers tagged so they arrive
 * as Buffers, instances of registered value classes as "construct this there". Other class
 * instances cross as plain data (own properties plus getter values), as structured clone would; AbortSignals, streams, promises and main-thread credentials are refused
 * with a TypeError saying what to do instead.
 */
export function encodeForWorker(bridge: SyncBridge, value: unknown): unknown {
  const memo = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "symbol") throw notTransferable("a symbol", "because symbols cannot be copied.");
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return v;
    const object = v as object;
    const target = proxyTarget(object);
    if (target !== undefined) {
      if (target.bridge !== bridge) {
        throw new TypeError("sync bridge: this object belongs to a sync bridge worker that has stopped");
      }
      return { $azkitSync: "ref", handle: target.handle };
    }
    if (typeof v === "function") return { $azkitSync: "callback", id: bridge.registerCallback(v) };
    if (memo.has(object)) return memo.get(object);
    if (Buffer.isBuffer(object)) return bufferToWire(object);
    const kind = isPlainOrBuiltin(object);
    if (kind === "builtin") return object;
    if (kind === "instance") {
      const instance = describeValueInstance(object);
      if (instance !== undefined) {
        const encoded = { $azkitSync: "construct", ...instance, args: walk(instance.args) };
        memo.set(object, encoded);
        return encoded;
      }
    }
    refuse(object);
    if (Array.isArray(object)) {
      memo.set(object, object);
      const copy = mapArrayOnWrite(object, walk);
      if (copy !== undefined) memo.set(object, copy);
      return copy ?? object;
    }
    const record = object as Record<string, unknown>;
    memo.set(object, object);
    const copy = mapRecordOnWrite(record, walk, kind === "instance");
    if (kind === "instance") {
      const getters: Record<string, unknown> = {};
      getterValues(object, getters);
      for (const key of Object.keys(getters)) if (!(key in copy!)) copy![key] = walk(getters[key]);
    }
    let result: object = copy ?? object;
    if (Object.hasOwn(result, "$azkitSync")) {
      result = { $azkitSync: "escaped", value: result };
    }
    memo.set(object, result);
    return result;
  };
  return walk(value);
}
