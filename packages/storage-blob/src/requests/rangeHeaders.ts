// Byte ranges as the service reads them in `x-ms-range` and `x-ms-source-range`, and the one
// validation every ranged call shares.

/**
 * Checks `[offset, offset + count)`: offset a safe integer >= 0, count undefined (to the end) or
 * a safe integer >= 1. NaN, negatives and fractions are RangeErrors naming the call, never sent.
 */
export function validateRange(offset: unknown, count: unknown, where: string): void {
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`${where}: offset must be an integer >= 0; got ${String(offset)}.`);
  }
  if (count !== undefined && (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1)) {
    throw new RangeError(
      `${where}: count must be an integer >= 1, or undefined for the rest of the blob; got ${String(count)}.`,
    );
  }
}

/** The range `[offset, offset + count)`; `count` undefined means to the end, and from 0 to the end means no header. */
export function rangeHeader(offset: number, count?: number, where = "range"): string | undefined {
  validateRange(offset, count, where);
  if (offset === 0 && count === undefined) return undefined;
  return count === undefined ? `bytes=${offset}-` : `bytes=${offset}-${offset + count - 1}`;
}

/** A page blob range: offset and count must be multiples of 512 (RangeError otherwise). */
export function pageRangeHeader(offset: number, count: number, where = "page range"): string {
  validateRange(offset, count, where);
  if (offset % 512 !== 0 || count % 512 !== 0) {
    throw new RangeError(`${where}: page ranges must be 512-byte aligned: offset ${offset}, count ${count}.`);
  }
  return `bytes=${offset}-${offset + count - 1}`;
}
