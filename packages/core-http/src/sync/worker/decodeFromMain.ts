import type { WorkerRuntime } from "./workerRuntime.js";

/**
 * Turns what the main thread sent back into worker-side values: handles of sync proxies become
 * the real objects again, callback ids become functions that call the main thread (and return a
 * Promise of its answer), tagged Buffers become Buffers, value-class instances are made again
 * from the worker's copy of their class (its module must be loaded already: see
 * handleBridgeRequest).
 * Shipped to the worker as source text: it must not reference anything outside its body.
 */
export function decodeFromMain(runtime: WorkerRuntime, value: unknown): unknown {
  const callbackFunction = (callbackId: number): unknown => {
    const callback = (...args: unknown[]): Promise<unknown> => {
      const callId = ++runtime.nextCallId;
      const answer = new Promise<unknown>((resolve, reject) => {
        runtime.pendingCallbacks.set(callId, { resolve, reject });
      });
      // Most callers (onProgress) ignore the answer: a failure must not become an unhandled rejection.
      answer.catch(() => {});
      runtime.post({
        type: "callback",
        callId,
        callbackId,
        args: runtime.parts.encodeForMain(runtime, args) as unknown[],
      });
      return answer;
    };
    runtime.callbackRegistry.register(callback, callbackId);
    return callback;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return runtime.parts.mapArrayOnWrite(v, walk) ?? v;
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && proto !== Object.prototype) return v;
    const record = v as Record<string, unknown>;
    switch (record.$azkitSync) {
      case "ref": {
        const handle = record.handle as number;
        if (!runtime.handles.has(handle)) {
          throw new TypeError(
            `sync bridge: the object passed as argument (handle ${handle}) no longer exists`,
          );
        }
        return runtime.handles.get(handle);
      }
      case "callback":
        return callbackFunction(record.id as number);
      case "construct": {
        const module = runtime.loadedModules.get(record.moduleUrl as string);
        const Ctor = module?.[record.exportName as string];
        if (typeof Ctor !== "function") {
          throw new TypeError(
            `sync bridge: cannot make a ${String(record.exportName)} from ${String(record.moduleUrl)}`,
          );
        }
        return new (Ctor as new (...args: unknown[]) => unknown)(...(walk(record.args) as unknown[]));
      }
      case "buffer":
        return runtime.parts.bufferFromWire(record);
      case "escaped": {
        const inner = record.value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(inner)) out[key] = walk(inner[key]);
        return out;
      }
    }
    return runtime.parts.mapRecordOnWrite(record, walk) ?? v;
  };
  return walk(value);
}
