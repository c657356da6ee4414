import { sanitizeHeaders } from "@azkit/core-logging";

/**
 * Headers as a plain object, name to value.
 * @public
 */
export type RawHttpHeaders = { [headerName: string]: string };

/**
 * Headers as callers may give them: values are turned into strings.
 * @public
 */
export type RawHttpHeadersInput = Record<string, string | number | boolean>;

/**
 * The headers of a request or response, looked up without regard to case (as
 * `@azure/core-rest-pipeline`'s `HttpHeaders`).
 * @public
 */
export interface HttpHeaders extends Iterable<[string, string]> {
  /** The value of a header (any case), or `undefined` when it is absent. */
  get(name: string): string | undefined;
  /** Whether a header (any case) is present. */
  has(name: string): boolean;
  /** Sets a header, replacing any value it had under any case; the name keeps the case given. */
  set(name: string, value: string | number | boolean): void;
  /** Removes a header (any case). */
  delete(name: string): void;
  /** The headers as an object; names lower-cased unless `preserveCase` is set. */
  toJSON(options?: { preserveCase?: boolean }): RawHttpHeaders;
}

interface HeaderEntry {
  name: string;
  value: string;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

class HttpHeadersImpl implements HttpHeaders {
  readonly entries = new Map<string, HeaderEntry>();

  constructor(raw?: RawHttpHeadersInput) {
    if (raw) {
      for (const name of Object.keys(raw)) this.set(name, raw[name]!);
    }
  }

  get(name: string): string | undefined {
    return this.entries.get(name.toLowerCase())?.value;
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  set(name: string, value: string | number | boolean): void {
    this.entries.set(name.toLowerCase(), { name, value: String(value) });
  }

  delete(name: string): void {
    this.entries.delete(name.toLowerCase());
  }

  toJSON(options?: { preserveCase?: boolean }): RawHttpHeaders {
    const out: RawHttpHeaders = {};
    if (options?.preserveCase) {
      for (const entry of this.entries.values()) out[entry.name] = entry.value;
    } else {
      for (const [key, entry] of this.entries) out[key] = entry.value;
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const entry of this.entries.values()) yield [entry.name, entry.value];
  }

  /** Printing headers (console.log, util.inspect, error dumps) must not show credentials. */
  [inspectSymbol](): RawHttpHeaders {
    return sanitizeHeaders(this.toJSON({ preserveCase: true }));
  }

  toString(): string {
    return JSON.stringify(this[inspectSymbol]());
  }
}

/**
 * Appends `name, value` pairs to `out` (the flat form node:http takes), for the transport.
 * Internal: not exported from the package.
 */
export function appendRawHeaderList(headers: HttpHeaders, out: string[]): string[] {
  if (headers instanceof HttpHeadersImpl) {
    for (const entry of headers.entries.values()) out.push(entry.name, entry.value);
  } else {
    for (const [name, value] of headers) out.push(name, value);
  }
  return out;
}

/**
 * The `name, value` pairs of `headers` as one flat list, or `undefined` when a header named in
 * `refused` (lower case) is among them: one pass, for a transport that cannot send some headers.
 * Internal: not exported from the package.
 */
export function rawHeaderListWithout(
  headers: HttpHeaders,
  refused: ReadonlySet<string>,
): string[] | undefined {
  const out: string[] = [];
  if (headers instanceof HttpHeadersImpl) {
    for (const [key, entry] of headers.entries) {
      if (refused.has(key)) return undefined;
      out.push(entry.name, entry.value);
    }
    return out;
  }
  for (const [name, value] of headers) {
    if (refused.has(name.toLowerCase())) return undefined;
    out.push(name, value);
  }
  return out;
}

/**
 * Headers from node's flat `rawHeaders` list; repeated names are joined with ", ".
 * Internal: not exported from the package.
 */
export function createHttpHeadersFromRawList(raw: readonly string[]): HttpHeaders {
  const headers = new HttpHeadersImpl();
  const entries = headers.entries;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const key = name.toLowerCase();
    const previous = entries.get(key);
    if (previous === undefined) entries.set(key, { name, value: raw[i + 1]! });
    else previous.value = `${previous.value}, ${raw[i + 1]}`;
  }
  return headers;
}

/**
 * Headers from undici's flat list of name and value buffers (latin1, as node:http reads them);
 * repeated names are joined with ", ". Internal: not exported from the package.
 */
export function createHttpHeadersFromRawBuffers(raw: readonly Buffer[]): HttpHeaders {
  const headers = new HttpHeadersImpl();
  const entries = headers.entries;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString("latin1");
    const value = raw[i + 1]!.toString("latin1");
    const key = name.toLowerCase();
    const previous = entries.get(key);
    if (previous === undefined) entries.set(key, { name, value });
    else previous.value = `${previous.value}, ${value}`;
  }
  return headers;
}

/**
 * Creates a case-insensitive header collection.
 *
 * @example
 * ```ts
 * const headers = createHttpHeaders({ "Content-Type": "application/json" });
 * headers.get("content-type"); // "application/json"
 * ```
 * @public
 */
export function createHttpHeaders(rawHeaders?: RawHttpHeadersInput): HttpHeaders {
  return new HttpHeadersImpl(rawHeaders);
}
