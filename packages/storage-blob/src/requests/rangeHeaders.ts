// Byte ranges as the service reads them in `x-ms-range` and `x-ms-source-range`.

/** The range `[offset, offset + count)`; `count` undefined means to the end, and from 0 to the end means no header. */
export function rangeHeader(offset: number, count?: number): string | undefined {
  if (offset === 0 && count === undefined) return undefined;
  return count === undefined ? `bytes=${offset}-` : `bytes=${offset}-${offset + count - 1}`;
}

/** A page blob range: offset and count must be multiples of 512 (RangeError otherwise). */
export function pageRangeHeader(offset: number, count: number): string {
  if (offset % 512 !== 0 || count % 512 !== 0 || count <= 0) {
    throw new RangeError(`Page ranges must be 512-byte aligned: offset ${offset}, count ${count}`);
  }
  return `bytes=${offset}-${offset + count - 1}`;
}
