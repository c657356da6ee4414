// Where a client's URL points: account, container and blob, for path-style (emulator) and
// host-style (Azure) endpoints alike.

function isPathStyle(url: URL): boolean {
  const host = url.hostname;
  return /^[\d.]+$/.test(host) || host === "localhost" || host.startsWith("[") || url.port === "10000";
}

/** Splits a URL into its account, container and blob name (decoded). */
export function parseBlobUrl(url: string): { accountName: string; containerName: string; blobName: string } {
  const parsed = new URL(url);
  const segments = parsed.pathname.split("/").slice(1);
  let accountName: string;
  if (isPathStyle(parsed)) accountName = decodeURIComponent(segments.shift() ?? "");
  else accountName = parsed.hostname.split(".")[0]!;
  const containerName = decodeURIComponent(segments.shift() ?? "");
  const blobName = segments.map((s) => decodeURIComponent(s)).join("/");
  return { accountName, containerName, blobName };
}

/**
 * `.` and `..` segments: URL parsers resolve them (also percent-encoded as `%2E`), so a blob named
 * `x/../../private/config.json` would land in another container. They are refused, never resolved.
 */
function refuseDotSegments(name: string, what: string, segments: string[]): void {
  if (segments.some((s) => s === "." || s === "..")) {
    throw new RangeError(
      `The ${what} ${JSON.stringify(name)} has a "." or ".." path segment, which URLs resolve away (the request would address another ${what === "container name" ? "account path" : "blob or container"}). Rename it; azkit never normalizes names.`,
    );
  }
}

function requireName(name: unknown, what: string): asserts name is string {
  if (typeof name !== "string" || name === "") {
    throw new TypeError(
      `The ${what} must be a non-empty string; got ${name === "" ? "an empty string" : typeof name}.`,
    );
  }
}

/** Encodes a container name for the path (one segment); refuses `.`, `..` and non-strings. */
export function encodeContainerName(name: string): string {
  requireName(name, "container name");
  refuseDotSegments(name, "container name", [name]);
  return encodeURIComponent(name);
}

/**
 * Encodes a blob name for the path: each `/`-separated segment percent-encoded, slashes kept, and
 * never normalized (dot segments are refused).
 */
export function encodeBlobName(name: string): string {
  requireName(name, "blob name");
  const segments = name.split("/");
  refuseDotSegments(name, "blob name", segments);
  return segments.map((s) => encodeURIComponent(s)).join("/");
}

/** Appends an encoded path segment before the query string of `url`. */
export function appendToUrlPath(url: string, encodedName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, "")}/${encodedName}`;
  return parsed.toString();
}

/**
 * Sets (or with `undefined` removes) query parameters, leaving every other parameter exactly as it
 * was written: re-serializing a SAS through URLSearchParams would turn `%20` into `+`, which the
 * service does not read as a space, and break its signature.
 */
export function withQueryParameters(url: string, params: Record<string, string | undefined>): string {
  const hashAt = url.indexOf("#");
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = base.indexOf("?");
  const path = queryAt < 0 ? base : base.slice(0, queryAt);
  const names = new Set(Object.keys(params));
  const kept = (queryAt < 0 ? "" : base.slice(queryAt + 1))
    .split("&")
    .filter((pair) => pair !== "" && !names.has(decodeURIComponent(pair.split("=")[0]!)));
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return kept.length ? `${path}?${kept.join("&")}` : path;
}

/** Sets (or with `undefined` removes) one query parameter; see {@link withQueryParameters}. */
export function setUrlParameter(url: string, name: string, value: string | undefined): string {
  return withQueryParameters(url, { [name]: value });
}
