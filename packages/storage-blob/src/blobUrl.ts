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

/** Encodes a blob name for the path: each `/`-separated segment percent-encoded, slashes kept. */
export function encodeBlobName(name: string): string {
  return name
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

/** Appends an encoded path segment before the query string of `url`. */
export function appendToUrlPath(url: string, encodedName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, "")}/${encodedName}`;
  return parsed.toString();
}

/** Sets (or with `undefined` removes) a query parameter. */
export function setUrlParameter(url: string, name: string, value: string | undefined): string {
  const parsed = new URL(url);
  if (value === undefined) parsed.searchParams.delete(name);
  else parsed.searchParams.set(name, value);
  return parsed.toString();
}
