import type { ObjectKind } from "../syncWireFormat.js";
import type { WorkerRuntime } from "./workerRuntime.js";

/**
 * Turns a worker-side value into what can cross to the main thread: plain data stays as it is
 * (copied only where something inside changes), Buffers are tagged, and objects with behaviour
 * (clients, paged lists, pollers, iterators, functions) stay in the worker behind a handle.
 * Shipped to the worker as source text: it must not reference anything outside its body.
 */
export function encodeForMain(runtime: WorkerRuntime, value: unknown, forceHandle = false): unknown {
  const { parts } = runtime;
  const memo = new Map<object, unknown>();
  const isFunction = (v: unknown): boolean => typeof v === "function";
  const kindOf = (v: object): ObjectKind | undefined => {
    const o = v as Record<string | symbol, unknown>;
    if (typeof v === "function") return "function";
    const asyncIterable = isFunction(o[Symbol.asyncIterator]);
    if (asyncIterable && isFunction(o.byPage)) return "paged";
    if (isFunction(o.pollUntilDone)) return "poller";
    if (asyncIterable && isFunction(o.next)) return "asyncIterator";
    const proto = Object.getPrototypeOf(v);
    if (proto === null || proto === Object.prototype) {
      return asyncIterable ? "object" : undefined;
    }
    const shape = runtime.parts.describeObjectShape(runtime, v, "object");
    return shape.methods.length > 0 || asyncIterable ? "object" : undefined;
  };
  const toHandle = (v: object, kind: ObjectKind): unknown => {
    const handle = ++runtime.nextHandle;
    runtime.handles.set(handle, v);
    return { $azkitSync: "handle", handle, shape: runtime.parts.describeObjectShape(runtime, v, kind) };
  };
  const walk = (v: unknown): unknown => {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return v;
    const object = v as object;
    if (memo.has(object)) return memo.get(object);
    if (Buffer.isBuffer(object)) {
      const tagged = parts.bufferToWire(object);
      memo.set(object, tagged);
      return tagged;
    }
    if (parts.isCloneableBuiltin(object)) return object;
    if (Array.isArray(object)) {
      memo.set(object, object);
      const copy = parts.mapArrayOnWrite(object, walk);
      if (copy !== undefined) memo.set(object, copy);
      return copy ?? object;
    }
    const kind = kindOf(object);
    if (kind !== undefined) {
      const encoded = toHandle(object, kind);
      memo.set(object, encoded);
      return encoded;
    }
    const record = object as Record<string, unknown>;
    const proto = Object.getPrototypeOf(object);
    const plain = proto === null || proto === Object.prototype;
    memo.set(object, object);
    const copy = parts.mapRecordOnWrite(record, walk, !plain);
    if (!plain) {
      // A data class (getters, no methods) arrives as plain data with its getters' values.
      for (const name of runtime.parts.describeObjectShape(runtime, object, "object").props) {
        if (!Object.hasOwn(copy!, name)) copy![name] = walk(record[name]);
      }
    }
    let result: object = copy ?? object;
    if (Object.hasOwn(result, "$azkitSync")) {
      result = { $azkitSync: "escaped", value: result };
    }
    memo.set(object, result);
    return result;
  };
  if (forceHandle && value !== null && (typeof value === "object" || typeof value === "function")) {
    return toHandle(value as object, kindOf(value as object) ?? "object");
  }
  return walk(value);
}
