// Conversions between code values and their wire text, shared by JSON and XML.

const isoDateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const hasZone = /([Zz]|[+-]\d{2}:?\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDuration =
  /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64url = /^[A-Za-z0-9_-]*$/;

function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The common service form `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, read without the general date parser (lists
 * carry thousands of these). Returns undefined for any other form, which the general path handles, and
 * null for text in this form that is no real time (31 February, hour 24).
 */
function parseUtcDateTimeFast(text: string): Date | null | undefined {
  const length = text.length;
  if (length < 20 || text.charCodeAt(length - 1) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */)
    return undefined;
  if (text[4] !== "-" || text[7] !== "-" || text[13] !== ":" || text[16] !== ":") return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let ms = 0;
  if (length > 20) {
    if (text[19] !== "." || length < 22) return undefined;
    const fraction = length - 21;
    ms = digits(text, 20, Math.min(fraction, 3));
    if (ms < 0 || digits(text, 20, fraction) < 0) return undefined;
    if (fraction === 1) ms *= 100;
    else if (fraction === 2) ms *= 10;
  }
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return null;
  }
  if (second < 0 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31 February over into March; such text is not a date.
  if (year < 100) return undefined;
  return date.getUTCDate() === day ? date : null;
}

/** @internal Parses an ISO 8601 date-time; a value without a zone is UTC (as services mean it), not local. */
export function parseIsoDateTime(text: string): Date | undefined {
  const fast = parseUtcDateTimeFast(text);
  if (fast !== undefined) return fast ?? undefined;
  if (!isoDateTime.test(text)) return undefined;
  const date = new Date(hasZone.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** @internal Parses an RFC 1123 (HTTP) date such as `Fri, 31 Jan 2025 12:00:00 GMT`; ISO text is accepted too. */
export function parseRfc1123(text: string): Date | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** @internal Parses `YYYY-MM-DD` as UTC midnight. */
export function parseIsoDate(text: string): Date | undefined {
  if (!isoDate.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}

/** @internal Whether `text` is an ISO 8601 duration (`P1D`, `PT1H30M`, `-PT5S`). */
export function isIsoDuration(text: string): boolean {
  return isoDuration.test(text);
}

/** @internal Whether `text` is base64 (or base64url) as a service would accept it. */
export function isBase64(text: string, url: boolean): boolean {
  return url ? base64url.test(text) : base64.test(text);
}

/** @internal Encodes bytes as base64 or base64url text. */
export function encodeBytes(bytes: Uint8Array, url: boolean): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(url ? "base64url" : "base64");
}

/** @internal Decodes base64 or base64url text to a plain Uint8Array (not a Buffer, so values compare equal). */
export function decodeBytes(text: string, url: boolean): Uint8Array {
  const buffer = Buffer.from(text, url ? "base64url" : "base64");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}
