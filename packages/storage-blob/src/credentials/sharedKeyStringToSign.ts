// The Shared Key string-to-sign for the Blob service (version 2009-09-19 and later), built from
// the request the transport is about to send. Each field follows the "Authorize with Shared Key"
// rules: standard headers in a fixed order, then the x-ms-* headers, then the resource.

/** The parts of an outgoing request that the signature covers. */
export interface SignableRequest {
  method: string;
  url: string;
  /** Every header as [name, value], names in any case. */
  headers: Iterable<[string, string]>;
}

/** The standard headers the string-to-sign lists, in its order. */
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

const STANDARD_INDEX = new Map<string, number>(STANDARD_HEADERS.map((name, i) => [name, i]));

/** Code-unit order, as the docs say "lexicographically"; locale collation would reorder `-` and `_`. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folded whitespace (runs, tabs, line breaks) or whitespace at either end, which the rules rewrite. */
const UNCANONICAL_WHITESPACE = /\s\s|[\t\n\r\f\v]|^\s|\s$/;

/** Folded whitespace becomes one space; values are trimmed at both ends. */
function canonicalValue(value: string): string {
  return UNCANONICAL_WHITESPACE.test(value) ? value.replace(/\s+/g, " ").trim() : value;
}

/** The verb, standard and `x-ms-*` headers of the string-to-sign, in one pass over the headers. */
function signedHeaders(request: SignableRequest): string {
  const standard: (string | undefined)[] = new Array(STANDARD_HEADERS.length);
  // `x-ms-*` names (lower case) and values, kept in code-unit order.
  const names: string[] = [];
  const values: string[] = [];
  // Read by index: destructuring walks each pair's iterator in unoptimized code.
  for (const pair of request.headers) {
    const lower = pair[0].toLowerCase();
    const value = pair[1];
    if (!lower.startsWith("x-ms-")) {
      const index = STANDARD_INDEX.get(lower);
      if (index !== undefined) standard[index] = value;
      continue;
    }
    // `>` on strings compares code units.
    let at = names.length;
    while (at > 0 && names[at - 1]! > lower) at--;
    if (at > 0 && names[at - 1] === lower) {
      // The same name twice (case variants of a plain object): the last value wins.
      values[at - 1] = canonicalValue(value);
      continue;
    }
    for (let i = names.length; i > at; i--) {
      names[i] = names[i - 1]!;
      values[i] = values[i - 1]!;
    }
    names[at] = lower;
    values[at] = canonicalValue(value);
  }
  let out = request.method.toUpperCase();
  for (let i = 0; i < standard.length; i++) {
    const value = standard[i];
    // Since 2015-02-21 a zero Content-Length is signed as the empty string (index 2).
    out += value === undefined || (i === 2 && value === "0") ? "\n" : `\n${value}`;
  }
  out += "\n";
  for (let i = 0; i < names.length; i++) out += `${names[i]}:${values[i]}\n`;
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
  return signedHeaders(request) + cachedCanonicalizedResource(accountName, request.url);
}

/** The `Authorization` header value that signs `request` with Shared Key. */
export function sharedKeyAuthorization(
  credential: { accountName: string; computeHMACSHA256(stringToSign: string): string },
  request: SignableRequest,
): string {
  const stringToSign = sharedKeyStringToSign(credential.accountName, request);
  return `SharedKey ${credential.accountName}:${credential.computeHMACSHA256(stringToSign)}`;
}
