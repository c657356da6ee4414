// What `console.log(client)` / `util.inspect(client)` shows: the client's URL with its SAS
// signature (and every other query value off the logging allow-list) redacted, so printing a
// client built from a SAS URL never prints the SAS. `client.url` itself stays the working URL.
import { sanitizeUrl } from "@azkit/core-logging";

const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

type Inspect = (value: unknown, options: object) => string;

/** Gives `cls` an inspect view of `fields` with the URL redacted. */
export function showRedactedInInspect(
  cls: { prototype: object; name: string },
  fields: readonly string[],
): void {
  Object.defineProperty(cls.prototype, inspectCustom, {
    value(this: Record<string, unknown>, _depth: number, options: object, inspect: Inspect): string {
      const shown: Record<string, unknown> = { url: sanitizeUrl(String(this.url)) };
      for (const field of fields) shown[field] = this[field];
      return `${(this.constructor as { name: string }).name} ${inspect(shown, options)}`;
    },
    configurable: true,
    writable: true,
    enumerable: false,
  });
}
