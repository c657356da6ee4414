// Conversions between code values and their wire text, shared by JSON and XML.

const isoDateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const hasZone = /([Zz]|[+-]\d{2}:?\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDuration =
  /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64url = /^[A-Za-z0-9_-]*$/;

/** @internal Parses an ISO 8601 date-time; a value without a zone is UTC (as services mean it), not local. */
export function parseIsoDateTime(text: string): Date | undefined {
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
