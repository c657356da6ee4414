// The sync bridge's codecs (encodeForWorker, decodeFromMain, encodeForMain) all walk a value and
// change only a few leaves (a Buffer, a handle, a callback): most payloads are plain data that
// crosses as it is. These walks copy an array or record only from the first entry that changed, so
// an unchanged page of results is not allocated twice. Both are worker parts (see
// ./workerScript.ts): shipped as source text, they must not reference anything outside their body.

/**
 * `walk` applied to every item of `items`, in order; `undefined` when no item changed (the caller
 * keeps `items`), else a new array.
 */
export function mapArrayOnWrite(
  items: readonly unknown[],
  walk: (item: unknown) => unknown,
): unknown[] | undefined {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = walk(items[i]);
    if (item !== items[i]) copy ??= items.slice(0, i);
    if (copy !== undefined) copy[i] = item;
  }
  return copy;
}

/**
 * `walk` applied to every own enumerable property of `record`, in key order; `undefined` when none
 * changed (the caller keeps `record`), else a new plain object. `alwaysCopy` makes the copy even
 * when nothing changed, for a class instance that must cross as plain data.
 */
export function mapRecordOnWrite(
  record: Readonly<Record<string, unknown>>,
  walk: (value: unknown) => unknown,
  alwaysCopy = false,
): Record<string, unknown> | undefined {
  let copy: Record<string, unknown> | undefined = alwaysCopy ? {} : undefined;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = walk(record[key]);
    if (item !== record[key] && copy === undefined) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = record[keys[j]!];
    }
    if (copy !== undefined) copy[key] = item;
  }
  return copy;
}
