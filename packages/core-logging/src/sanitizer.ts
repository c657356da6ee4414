/**
 * What replaces a value the allow-lists do not name.
 * @public
 */
export const REDACTED = "REDACTED";

/**
 * Headers whose values are safe to log as they are. Anything else, `Authorization`,
 * `x-ms-copy-source-authorization` and every header a service invents tomorrow, is redacted.
 */
const DEFAULT_ALLOWED_HEADER_NAMES: readonly string[] = [
  "accept",
  "accept-encoding",
  "accept-ranges",
  "access-control-allow-credentials",
  "access-control-allow-headers",
  "access-control-allow-methods",
  "access-control-allow-origin",
  "access-control-expose-headers",
  "access-control-max-age",
  "cache-control",
  "client-request-id",
  "connection",
  "content-disposition",
  "content-encoding",
  "content-language",
  "content-length",
  "content-md5",
  "content-range",
  "content-type",
  "date",
  "etag",
  "expires",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-unmodified-since",
  "keep-alive",
  "last-modified",
  "ms-cv",
  "pragma",
  "range",
  "request-id",
  "retry-after",
  "retry-after-ms",
  "return-client-request-id",
  "server",
  "traceparent",
  "transfer-encoding",
  "user-agent",
  "vary",
  "www-authenticate",
  "x-content-type-options",
  "x-ms-access-tier",
  "x-ms-blob-committed-block-count",
  "x-ms-blob-content-md5",
  "x-ms-blob-content-type",
  "x-ms-blob-sequence-number",
  "x-ms-blob-type",
  "x-ms-client-request-id",
  "x-ms-content-crc64",
  "x-ms-copy-id",
  "x-ms-copy-status",
  "x-ms-correlation-request-id",
  "x-ms-creation-time",
  "x-ms-date",
  "x-ms-delete-snapshots",
  "x-ms-error-code",
  "x-ms-lease-action",
  "x-ms-lease-duration",
  "x-ms-lease-id",
  "x-ms-lease-state",
  "x-ms-lease-status",
  "x-ms-range",
  "x-ms-ratelimit-remaining-subscription-deletes",
  "x-ms-ratelimit-remaining-subscription-reads",
  "x-ms-ratelimit-remaining-subscription-writes",
  "x-ms-request-id",
  "x-ms-request-server-encrypted",
  "x-ms-retry-after-ms",
  "x-ms-return-client-request-id",
  "x-ms-routing-request-id",
  "x-ms-server-encrypted",
  "x-ms-useragent",
  "x-ms-version",
];

/**
 * Headers whose values are URLs: logged, but through the URL sanitizer, since a `Location` or
 * `x-ms-copy-source` may carry a SAS signature.
 */
const URL_HEADER_NAMES: readonly string[] = [
  "azure-asyncoperation",
  "content-location",
  "location",
  "operation-location",
  "x-ms-copy-source",
];

/**
 * Query parameters safe to log. A SAS token's fields are allowed except its signature `sig`,
 * which the allow-list leaves out and so redacts.
 */
const DEFAULT_ALLOWED_QUERY_PARAMETERS: readonly string[] = [
  "$expand",
  "$filter",
  "$orderby",
  "$select",
  "$skip",
  "$skiptoken",
  "$top",
  "api-version",
  "blockid",
  "blocklisttype",
  "comp",
  "delimiter",
  "include",
  "marker",
  "maxresults",
  "prefix",
  "restype",
  "se",
  "si",
  "sip",
  "skoid",
  "sks",
  "skt",
  "sktid",
  "skv",
  "snapshot",
  "sp",
  "spr",
  "sr",
  "srt",
  "ss",
  "st",
  "sv",
  "timeout",
  "versionid",
  "where",
];

/**
 * Extra names to allow on top of azkit's defaults.
 * @public
 */
export interface SanitizerOptions {
  /** Header names (any case) whose values may be logged as they are. */
  additionalAllowedHeaderNames?: readonly string[];
  /** Query parameter names (any case) whose values may be logged as they are. */
  additionalAllowedQueryParameters?: readonly string[];
}

/**
 * Headers in any of the shapes Node and fetch use.
 * @public
 */
export type HeadersLike =
  | Iterable<readonly [string, string]>
  | Record<string, string | number | readonly string[] | undefined>;

/**
 * Redacts what logs and error messages must not show. Headers and query parameters go by
 * allow-list: only the names it knows are shown. Free text (bodies, messages) goes through
 * `sanitizeText`, which removes the secret shapes azkit knows of.
 * @public
 */
export interface Sanitizer {
  /** The URL with user:password and query values outside the allow-list replaced by `REDACTED`. */
  sanitizeUrl(url: string | URL): string;
  /** The headers with values outside the allow-list replaced by `REDACTED`. */
  sanitizeHeaders(headers: HeadersLike): Record<string, string>;
  /** The text with known secret shapes (tokens, keys, signatures, passwords) replaced. */
  sanitizeText(text: string): string;
}

/**
 * Creates a sanitizer with azkit's allow-lists plus your own names.
 *
 * @example
 * ```ts
 * const sanitizer = createSanitizer({ additionalAllowedHeaderNames: ["x-my-trace"] });
 * logger.info(`GET ${sanitizer.sanitizeUrl(url)}`, { headers: sanitizer.sanitizeHeaders(headers) });
 * ```
 * @public
 */
export function createSanitizer(options: SanitizerOptions = {}): Sanitizer {
  const allowedHeaders = new Set(
    [...DEFAULT_ALLOWED_HEADER_NAMES, ...(options.additionalAllowedHeaderNames ?? [])].map((n) =>
      n.toLowerCase(),
    ),
  );
  const urlHeaders = new Set(URL_HEADER_NAMES);
  const allowedQuery = new Set(
    [...DEFAULT_ALLOWED_QUERY_PARAMETERS, ...(options.additionalAllowedQueryParameters ?? [])].map((n) =>
      n.toLowerCase(),
    ),
  );

  const sanitizeUrl = (url: string | URL): string => {
    let parsed: URL;
    try {
      parsed = new URL(String(url));
    } catch {
      // Not a URL we can take apart: the text rules still remove known secret shapes.
      return sanitizeText(String(url));
    }
    if (parsed.username) parsed.username = REDACTED;
    if (parsed.password) parsed.password = REDACTED;
    if (parsed.search === "") return parsed.toString();
    const kept = [...parsed.searchParams].map(([name, value]) =>
      allowedQuery.has(name.toLowerCase()) ? [name, value] : [name, REDACTED],
    );
    parsed.search = "";
    for (const [name, value] of kept) parsed.searchParams.append(name!, value!);
    return parsed.toString();
  };

  const sanitizeHeaders = (headers: HeadersLike): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, rawValue] of headerEntries(headers)) {
      const lower = name.toLowerCase();
      const value = Array.isArray(rawValue) ? rawValue.join(", ") : String(rawValue);
      if (allowedHeaders.has(lower)) out[name] = value;
      else if (urlHeaders.has(lower)) out[name] = sanitizeUrl(value);
      else out[name] = REDACTED;
    }
    return out;
  };

  return { sanitizeUrl, sanitizeHeaders, sanitizeText };
}

function* headerEntries(headers: HeadersLike): Iterable<readonly [string, unknown]> {
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === "function") {
    yield* headers as Iterable<readonly [string, string]>;
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) yield [name, value];
  }
}

/**
 * Secret shapes in free text: a bearer or Shared Key authorization value, a SAS signature, a
 * connection string's AccountKey or SharedAccessSignature, and JSON or form fields that carry
 * passwords, client secrets and tokens.
 */
const SECRET_TEXT_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|SharedKey|SharedKeyLite|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  [/([?&;]|\b)(sig|signature)=[^&\s"',;]+/gi, `$1$2=${REDACTED}`],
  [
    /\b(AccountKey|SharedAccessSignature|SharedAccessKey|client_secret|client_assertion|password|access_token|refresh_token|id_token)=[^&;\s"']+/gi,
    `$1=${REDACTED}`,
  ],
  [
    /"(client_?secret|clientSecret|password|access_?token|accessToken|refresh_?token|refreshToken|id_token|accountKey|account_key|primaryKey|secondaryKey|key1|key2|secret|sasToken|sas_token|authorization|x-ms-copy-source-authorization)"\s*:\s*"(?:[^"\\]|\\.)*"/gi,
    `"$1":"${REDACTED}"`,
  ],
  [/\b(authorization|x-ms-copy-source-authorization)\s*:\s*[^\r\n]+/gi, `$1: ${REDACTED}`],
];

/**
 * Removes known secret shapes from free text such as a request body or an error message.
 * A deny-list, so it is the second line of defence; headers and URLs go by allow-list.
 * @public
 */
export function sanitizeText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

let defaultSanitizer: Sanitizer | undefined;
function getDefaultSanitizer(): Sanitizer {
  defaultSanitizer ??= createSanitizer();
  return defaultSanitizer;
}

/**
 * A URL safe to log: query parameters outside the allow-list (such as `sig`) and any
 * user:password become `REDACTED`.
 * @public
 */
export function sanitizeUrl(url: string | URL): string {
  return getDefaultSanitizer().sanitizeUrl(url);
}

/**
 * Headers safe to log: values of headers outside the allow-list become `REDACTED`; URL-valued
 * headers keep their URL with its secrets redacted.
 * @public
 */
export function sanitizeHeaders(headers: HeadersLike): Record<string, string> {
  return getDefaultSanitizer().sanitizeHeaders(headers);
}
