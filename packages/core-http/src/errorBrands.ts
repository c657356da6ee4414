// How azkit errors are recognized. A class's brand lives on its prototype under a registered
// symbol (`Symbol.for`), so an error made by another copy of this package (a second install, the
// sync bridge's worker) carries the same key and still passes `isXxx()` and `instanceof`.

/** The registered symbol that marks instances of the error class named `name`. */
function brandKey(name: string): symbol {
  return Symbol.for(`@azkit/core-http/error/${name}`);
}

const classBrands = new WeakMap<Function, symbol>();

/**
 * Marks `ctor`'s instances with the brand of `name` and gives the prototype that `name` (so a
 * bundler's renaming cannot change `error.name`). Call once per class, right after its definition.
 */
export function brandClass(ctor: Function, name: string): void {
  const key = brandKey(name);
  Object.defineProperty(ctor.prototype, key, { value: true });
  Object.defineProperty(ctor.prototype, "name", { value: name, writable: true, configurable: true });
  classBrands.set(ctor, key);
}

/** Whether `value` carries the brand of the error class named `name`, from any copy of the package. */
export function hasBrand(value: unknown, name: string): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brandKey(name)] === true
  );
}

/**
 * `value instanceof ctor` by brand for a class given to {@link brandClass}; the ordinary prototype
 * walk for any other subclass (a user's own, which has no brand to look for).
 */
export function brandedInstanceOf(ctor: Function, value: unknown): boolean {
  const key = classBrands.get(ctor);
  if (key === undefined) return Function.prototype[Symbol.hasInstance].call(ctor, value);
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[key] === true;
}
