/**
 * The standard HTTP headers stored with a blob and returned on download.
 *
 * @remarks Set them at upload (`blobHTTPHeaders`) or later with `setHTTPHeaders`; setting them
 * replaces all of them, so pass every one you want to keep.
 * @public
 */
export interface BlobHTTPHeaders {
  /** Cache-Control. */
  blobCacheControl?: string;
  /** Content-Type, e.g. `image/png`. */
  blobContentType?: string;
  /** MD5 of the whole blob, stored and returned as Content-MD5. */
  blobContentMD5?: Uint8Array;
  /** Content-Encoding. */
  blobContentEncoding?: string;
  /** Content-Language. */
  blobContentLanguage?: string;
  /** Content-Disposition. */
  blobContentDisposition?: string;
}

/** The `x-ms-blob-*` request headers for stored HTTP headers. */
export function blobHTTPHeadersToRequest(
  headers: BlobHTTPHeaders | undefined,
): Record<string, string | undefined> {
  if (!headers) return {};
  return {
    "x-ms-blob-cache-control": headers.blobCacheControl,
    "x-ms-blob-content-type": headers.blobContentType,
    "x-ms-blob-content-md5": headers.blobContentMD5
      ? Buffer.from(headers.blobContentMD5).toString("base64")
      : undefined,
    "x-ms-blob-content-encoding": headers.blobContentEncoding,
    "x-ms-blob-content-language": headers.blobContentLanguage,
    "x-ms-blob-content-disposition": headers.blobContentDisposition,
  };
}
