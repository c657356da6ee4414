// Headers shared by the operations that write a blob: what the new blob carries (tags, stored
// HTTP headers, metadata), the body's MD5, and the source of the `*FromURL` writes.
import { type BlobHTTPHeaders, blobHTTPHeadersToRequest } from "../models/blobHTTPHeaders.js";
import type { BlobFromURLOptions } from "../models/blobModels.js";
import { type Metadata, metadataToHeaders, type Tags, tagsToHeader } from "../models/metadata.js";
import { toBase64 } from "../transfer/md5.js";
import { sourceConditionHeaders } from "./conditionHeaders.js";

type HeaderValues = Record<string, string | undefined>;

/** What every blob-creating write stores with the blob. */
export interface NewBlobProperties {
  tags?: Tags;
  blobHTTPHeaders?: BlobHTTPHeaders;
  metadata?: Metadata;
}

/** `x-ms-tags`, `x-ms-blob-*` and `x-ms-meta-*` for a blob a write creates or replaces. */
export function newBlobHeaders(properties: NewBlobProperties): HeaderValues {
  return {
    "x-ms-tags": tagsToHeader(properties.tags),
    ...blobHTTPHeadersToRequest(properties.blobHTTPHeaders),
    ...metadataToHeaders(properties.metadata),
  };
}

/** `Content-MD5` of a request body, checked by the service on arrival. */
export function transactionalMD5Header(md5: Uint8Array | undefined): HeaderValues {
  return { "content-md5": md5 ? toBase64(md5) : undefined };
}

/** The source-side headers every `*FromURL` operation shares. */
export function fromUrlHeaders(options: BlobFromURLOptions): HeaderValues {
  return {
    "x-ms-source-content-md5": options.sourceContentMD5 ? toBase64(options.sourceContentMD5) : undefined,
    "x-ms-copy-source-authorization": options.sourceAuthorization,
    ...sourceConditionHeaders(options.sourceConditions),
  };
}
