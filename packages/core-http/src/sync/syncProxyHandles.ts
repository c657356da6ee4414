import type { SyncBridge } from "./syncBridge.js";

interface ProxyTarget {
  bridge: SyncBridge;
  handle: number;
}

const targets = new WeakMap<object, ProxyTarget>();
// When a proxy is garbage, the worker may drop the object it stands for.
const releaser = new FinalizationRegistry<ProxyTarget>(({ bridge, handle }) => bridge.release(handle));

/** Records that `proxy` stands for the worker-side object `handle` of `bridge`. */
export function adoptHandle<T extends object>(proxy: T, bridge: SyncBridge, handle: number): T {
  const target = { bridge, handle };
  targets.set(proxy, target);
  releaser.register(proxy, target);
  return proxy;
}

/** The worker-side object a sync proxy stands for, or undefined for any other value. */
export function proxyTarget(value: object): ProxyTarget | undefined {
  return targets.get(value);
}

/** The proxy's target, or a TypeError when `value` is not a live sync proxy. */
export function requireProxyTarget(value: object): ProxyTarget {
  const target = targets.get(value);
  if (target === undefined) {
    throw new TypeError("sync bridge: this method was called on an object that is not a sync client");
  }
  return target;
}
