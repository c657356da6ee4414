// Reads storage connection strings: account key, SAS, and `UseDevelopmentStorage=true`.

/** What a connection string names: where the blob endpoint is and how to authorize. */
export type ParsedConnectionString =
  | { kind: "AccountConnString"; url: string; accountName: string; accountKey: string }
  | { kind: "SASConnString"; url: string; accountName: string; accountSas: string };

/** Azurite's well-known development account (documented, not a secret). */
export const DEVELOPMENT_ACCOUNT_NAME = "devstoreaccount1";
export const DEVELOPMENT_ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

function fields(connectionString: string): Map<string, string> {
  if (typeof connectionString !== "string") {
    throw new TypeError(
      `Invalid connection string: expected a string such as "DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...", got ${connectionString === null ? "null" : typeof connectionString}.`,
    );
  }
  const map = new Map<string, string>();
  for (const part of connectionString.split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    if (eq <= 0) throw new RangeError("Invalid connection string: a part has no `name=value` form");
    const name = trimmed.slice(0, eq).trim();
    if (map.has(name.toLowerCase())) {
      throw new RangeError(`Invalid connection string: ${name} appears more than once; keep one.`);
    }
    map.set(name.toLowerCase(), trimmed.slice(eq + 1).trim());
  }
  return map;
}

function accountNameFromUrl(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname;
  // Path-style (emulators, IP hosts): the account is the first path segment.
  if (/^[\d.]+$/.test(host) || host === "localhost" || host.startsWith("[")) {
    return decodeURIComponent(parsed.pathname.split("/")[1] ?? "");
  }
  return host.split(".")[0]!;
}

/**
 * Parses a storage connection string into the blob endpoint and its authorization.
 * Throws a RangeError naming what is missing; never echoes the key.
 */
export function parseConnectionString(connectionString: string): ParsedConnectionString {
  const map = fields(connectionString);
  if (map.get("usedevelopmentstorage")?.toLowerCase() === "true") {
    const proxy = map.get("developmentstorageproxyuri");
    const base = proxy ? proxy.replace(/\/$/, "") : "http://127.0.0.1:10000";
    return {
      kind: "AccountConnString",
      url: `${base}/${DEVELOPMENT_ACCOUNT_NAME}`,
      accountName: DEVELOPMENT_ACCOUNT_NAME,
      accountKey: DEVELOPMENT_ACCOUNT_KEY,
    };
  }
  const sas = map.get("sharedaccesssignature");
  let url = map.get("blobendpoint");
  const accountNameField = map.get("accountname");
  if (!url) {
    if (!accountNameField)
      throw new RangeError("Invalid connection string: BlobEndpoint or AccountName is required");
    const protocol = (map.get("defaultendpointsprotocol") ?? "https").toLowerCase();
    const suffix = map.get("endpointsuffix") ?? "core.windows.net";
    url = `${protocol}://${accountNameField}.blob.${suffix}`;
  }
  url = url.replace(/\/$/, "");
  const accountName = accountNameField ?? accountNameFromUrl(url);
  if (sas !== undefined) {
    return { kind: "SASConnString", url, accountName, accountSas: sas.replace(/^\?/, "") };
  }
  const accountKey = map.get("accountkey");
  if (!accountKey)
    throw new RangeError("Invalid connection string: AccountKey or SharedAccessSignature is required");
  return { kind: "AccountConnString", url, accountName, accountKey };
}
