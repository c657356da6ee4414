import { encodeForWorker } from "./encodeForWorker.js";
import { PagedSyncIterator } from "./pagedSyncIterator.js";
import type { SyncBridge } from "./syncBridge.js";
import { SyncIterator } from "./syncIterator.js";
import { syncObjectPrototype } from "./syncObjectPrototype.js";
import { adoptHandle } from "./syncProxyHandles.js";
import type { WireHandle } from "./syncWireFormat.js";
import { bufferFromWire } from "./wireBuffer.js";

function proxyFor(bridge: SyncBridge, { handle, shape }: WireHandle): object {
  switch (shape.kind) {
    case "paged":
      return adoptHandle(new PagedSyncIterator(), bridge, handle);
    case "asyncIterator":
      return adoptHandle(new SyncIterator(), bridge, handle);
    case "function": {
      const fn = (...args: unknown[]): unknown =>
        bridge.call({ op: "apply", handle, args: encodeForWorker(bridge, args) as unknown[] });
      return adoptHandle(fn, bridge, handle);
    }
    default:
      return adoptHandle(Object.create(syncObjectPrototype(shape)) as object, bridge, handle);
  }
}

/**
 * Turns a worker's answer into main-thread values: worker-side objects become sync proxies
 * (clients, `PagedSyncIterableIterator`, `SyncPoller`, iterators, functions), tagged Buffers
 * become Buffers, and everything else is the structured-clone copy it already is.
 */
export function decodeFromWorker(bridge: SyncBridge, value: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && proto !== Object.prototype) return v;
    const record = v as Record<string, unknown>;
    switch (record.$azkitSync) {
      case "handle":
        return proxyFor(bridge, record as unknown as WireHandle);
      case "buffer":
        return bufferFromWire(record);
      case "escaped": {
        const inner = record.value as Record<string, unknown>;
        for (const key of Object.keys(inner)) inner[key] = walk(inner[key]);
        return inner;
      }
    }
    for (const key of Object.keys(record)) record[key] = walk(record[key]);
    return v;
  };
  return walk(value);
}
