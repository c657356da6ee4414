/**
 * User metadata: name/value pairs stored as `x-ms-meta-<name>` headers.
 * @remarks Names must be valid C# identifiers; the service keeps their case.
 * @public
 */
export interface Metadata {
  /** A metadata value by name. */
  [name: string]: string;
}

/**
 * Blob index tags: up to 10 name/value pairs searchable with `findBlobsByTags`.
 * @public
 */
export interface Tags {
  /** A tag value by name. */
  [name: string]: string;
}

/** `x-ms-meta-*` request headers for metadata. */
export function metadataToHeaders(metadata: Metadata | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!metadata) return out;
  for (const [name, value] of Object.entries(metadata)) out[`x-ms-meta-${name}`] = value;
  return out;
}

/** `x-ms-tags` request header value for tags (form-encoded). */
export function tagsToHeader(tags: Tags | undefined): string | undefined {
  if (!tags) return undefined;
  return Object.entries(tags)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}
