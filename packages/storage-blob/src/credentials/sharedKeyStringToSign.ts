// The Shared Key string-to-sign for the Blob service (version 2009-09-19 and later), built from
// the request the transport is about to send. Each field follows the "Authorize with Shared Key"
// rules: standard headers in a fixed order, then the x-ms-* headers, then the resource.

/** The parts of an outgoing request that the signature covers. */
export interface SignableRequest {
  method: string;
  url: string;
  /** Header lookup by name, case-insensitive. */
  getHeader(name: string): string | undefined;
  /** Every header as [name, value]. */
  headerEntries(): Iterable<[string, string]>;
}

const STANDARD_HEADERS = [
  "content-encoding",
  "content-language",
  "content-length",
  "content-md5",
  "content-type",
  "date",
  "if-modified-since",
  "if-match",
  "if-none-match",
  "if-unmodified-since",
  "range",
] as const;

/** Code-unit order, as the docs say "lexicographically"; locale collation would reorder `-` and `_`. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folded whitespace (runs, tabs, line breaks) or whitespace at either end, which the rules rewrite. */
const UNCANONICAL_WHITESPACE = /\s\s|[\t\n\r\f\v]|^\s|\s$/;

function canonicalizedHeaders(request: SignableRequest): string {
  const names: string[] = [];
  const values = new Map<string, string>();
  for (const [name, value] of request.headerEntries()) {
    const lower = name.toLowerCase();
    if (!lower.startsWith("x-ms-")) continue;
    if (!values.has(lower)) names.push(lower);
    // Folded whitespace becomes one space; values are trimmed at both ends.
    values.set(lower, UNCANONICAL_WHITESPACE.test(value) ? value.replace(/\s+/g, " ").trim() : value);
  }
  names.sort(byCodeUnit);
  let out = "";
  for (const name of names) out += `${name}:${values.get(name)}\n`;
  return out;
}

/** The last URL signed and its canonicalized resource: a client signs its own URL again and again. */
let lastResource: { accountName: string; url: string; resource: string } | undefined;

function cachedCanonicalizedResource(accountName: string, url: string): string {
  const last = lastResource;
  if (last !== undefined && last.url === url && last.accountName === accountName) return last.resource;
  const resource = canonicalizedResource(accountName, new URL(url));
  lastResource = { accountName, url, resource };
  return resource;
}

function canonicalizedResource(accountName: string, url: URL): string {
  // The path is signed as it is sent (percent-encoded), the query values decoded.
  let resource = `/${accountName}${url.pathname || "/"}`;
  const params = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const lower = name.toLowerCase();
    const values = params.get(lower);
    if (values) values.push(value);
    else params.set(lower, [value]);
  }
  for (const name of [...params.keys()].sort(byCodeUnit)) {
    const values = params.get(name)!.sort(byCodeUnit);
    resource += `\n${name}:${values.join(",")}`;
  }
  return resource;
}

/**
 * The string the service rebuilds and compares for `Authorization: SharedKey account:signature`.
 * @param accountName - the account whose key signs; it prefixes the canonicalized resource.
 */
export function sharedKeyStringToSign(accountName: string, request: SignableRequest): string {
  let out = request.method.toUpperCase();
  for (const name of STANDARD_HEADERS) {
    const value = request.getHeader(name);
    // Since 2015-02-21 a zero Content-Length is signed as the empty string.
    out += value === undefined || (value === "0" && name === "content-length") ? "\n" : `\n${value}`;
  }
  return `${out}\n${canonicalizedHeaders(request)}${cachedCanonicalizedResource(accountName, request.url)}`;
}

/** The `Authorization` header value that signs `request` with Shared Key. */
export function sharedKeyAuthorization(
  credential: { accountName: string; computeHMACSHA256(stringToSign: string): string },
  request: SignableRequest,
): string {
  const stringToSign = sharedKeyStringToSign(credential.accountName, request);
  return `SharedKey ${credential.accountName}:${credential.computeHMACSHA256(stringToSign)}`;
}
