/** @internal Whether a value can be read as an object with named properties (not an array, Date, bytes, Map or Set). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  // Parsed JSON and inline values are plain objects: one prototype read decides them, where the
  // checks below are five (deserializing a page of models asks this thousands of times).
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  return (
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}
