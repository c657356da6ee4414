/**
 * @internal Sets `target[key]` as an own data property. Keys come from callers and services, and a key
 * named `__proto__` assigned plainly would replace the object's prototype instead of holding data.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
