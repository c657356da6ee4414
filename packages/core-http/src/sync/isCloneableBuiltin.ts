/**
 * Whether `value` is a built-in that structured clone copies faithfully (so the sync bridge sends it
 * as it is, in either direction, rather than walking it as a record).
 * A worker part (see ./workerScript.ts): shipped as source text, it must not reference anything
 * outside its body.
 */
export function isCloneableBuiltin(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof ArrayBuffer ||
    value instanceof Error ||
    ArrayBuffer.isView(value)
  );
}
