import { encodeForWorker } from "./encodeForWorker.js";
import { iterateRemote } from "./syncIterator.js";
import { requireProxyTarget } from "./syncProxyHandles.js";
import type { ObjectShape } from "./syncWireFormat.js";

/** Calls a method of the worker-side object behind `proxy` and waits for its (decoded) result. */
export function callRemoteMethod(proxy: object, method: string, args: unknown[]): unknown {
  const { bridge, handle } = requireProxyTarget(proxy);
  const encoded = encodeForWorker(bridge, args) as unknown[];
  return bridge.call({ op: "call", handle, method, args: encoded });
}

/** Reads a member of the worker-side object behind `proxy` (live: getters run in the worker). */
export function readRemoteProperty(proxy: object, prop: string): unknown {
  const { bridge, handle } = requireProxyTarget(proxy);
  return bridge.call({ op: "get", handle, prop });
}

/**
 * Adds, to `proto`, a blocking method per method of the shape, a getter per readable member,
 * and `[Symbol.iterator]` when the worker-side object is async-iterable. Members `proto` already
 * has are left alone.
 */
export function installSyncMembers(proto: object, shape: ObjectShape): void {
  for (const name of shape.methods) {
    if (Object.hasOwn(proto, name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: {
        [name](this: object, ...args: unknown[]): unknown {
          return callRemoteMethod(this, name, args);
        },
      }[name],
    });
  }
  for (const name of shape.props) {
    if (Object.hasOwn(proto, name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: object): unknown {
        return readRemoteProperty(this, name);
      },
    });
  }
  if (shape.asyncIterable && !Object.hasOwn(proto, Symbol.iterator)) {
    Object.defineProperty(proto, Symbol.iterator, {
      configurable: true,
      writable: true,
      value(this: object): Iterator<unknown> {
        const { bridge, handle } = requireProxyTarget(this);
        return iterateRemote(bridge, handle);
      },
    });
  }
}

const prototypes = new Map<string, object>();
const classPrototypes = new Map<string, object>();

/**
 * Makes worker-side objects of class `className` arrive as instances of a sync class (made by
 * `createSyncClientClass`), so `getContainerClient()` returns a real `ContainerClient` twin.
 */
export function registerSyncClassPrototype(className: string, proto: object): void {
  classPrototypes.set(className, proto);
}

/**
 * The prototype for a proxy of this shape: the registered sync class's when there is one, else
 * one per distinct shape, so proxies of the same class share their methods.
 */
export function syncObjectPrototype(shape: ObjectShape): object {
  const classPrototype = classPrototypes.get(shape.className);
  if (classPrototype !== undefined) {
    installSyncMembers(classPrototype, shape);
    return classPrototype;
  }
  const key = `${shape.kind}|${shape.className}|${shape.methods.join(",")}|${shape.props.join(",")}|${shape.asyncIterable}`;
  let proto = prototypes.get(key);
  if (proto === undefined) {
    proto = Object.create(null, { [Symbol.toStringTag]: { value: shape.className } }) as object;
    installSyncMembers(proto, shape);
    prototypes.set(key, proto);
  }
  return proto;
}
