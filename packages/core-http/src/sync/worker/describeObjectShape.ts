import type { ObjectKind, ObjectShape } from "../syncWireFormat.js";
import type { WorkerRuntime } from "./workerRuntime.js";

/**
 * Lists what the main thread's proxy of a worker-side object needs: its callable members and its
 * readable ones, from the prototype chain (cached per prototype) and the object's own keys.
 * Shipped to the worker as source text: it must not reference anything outside its body.
 */
export function describeObjectShape(runtime: WorkerRuntime, value: object, kind: ObjectKind): ObjectShape {
  const skipped = new Set(["constructor", "then", "catch", "finally"]);
  const methods = new Set<string>();
  const props = new Set<string>();
  const chain: object[] = [];
  for (
    let p = Object.getPrototypeOf(value);
    p !== null && p !== Object.prototype && p !== Function.prototype;
  ) {
    chain.push(p);
    p = Object.getPrototypeOf(p);
  }
  for (const proto of chain) {
    let shape = runtime.prototypeShapes.get(proto);
    if (shape === undefined) {
      shape = { methods: [], props: [] };
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (skipped.has(name)) continue;
        const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
        if (typeof descriptor.value === "function") shape.methods.push(name);
        else if (descriptor.get !== undefined || "value" in descriptor) shape.props.push(name);
      }
      runtime.prototypeShapes.set(proto, shape);
    }
    for (const name of shape.methods) methods.add(name);
    for (const name of shape.props) props.add(name);
  }
  if (typeof value !== "function") {
    for (const name of Object.keys(value)) {
      if (skipped.has(name)) continue;
      if (typeof (value as Record<string, unknown>)[name] === "function") methods.add(name);
      else props.add(name);
    }
  }
  for (const name of methods) props.delete(name);
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return {
    kind,
    className: typeof ctor?.name === "string" && ctor.name !== "" ? ctor.name : "Object",
    methods: [...methods],
    props: [...props],
    asyncIterable: typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === "function",
  };
}
