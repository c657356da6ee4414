// Headers shared by the operations that write a blob: what the new blob carries (tier, tags,
// stored HTTP headers, metadata), the body's MD5, the source of the `*FromURL` writes, and copies.
import { type BlobHTTPHeaders, blobHTTPHeadersToRequest } from "../models/blobHTTPHeaders.js";
import type { BlobFromURLOptions } from "../models/blobModels.js";
import type { BlobRequestConditions, ModifiedAccessConditions } from "../models/conditions.js";
import type { AccessTier } from "../models/listModels.js";
import { type Metadata, metadataToHeaders, type Tags, tagsToHeader } from "../models/metadata.js";
import { toBase64 } from "../transfer/md5.js";
import { conditionHeaders, sourceConditionHeaders } from "./conditionHeaders.js";

type HeaderValues = Record<string, string | undefined>;

/** What every blob-creating write stores with the blob. */
export interface NewBlobProperties {
  tier?: AccessTier;
  tags?: Tags;
  blobHTTPHeaders?: BlobHTTPHeaders;
  metadata?: Metadata;
}

/** `x-ms-access-tier`, `x-ms-tags`, `x-ms-blob-*` and `x-ms-meta-*` for a blob a write creates or replaces. */
export function newBlobHeaders(properties: NewBlobProperties): HeaderValues {
  const { tier, tags, blobHTTPHeaders, metadata } = properties;
  if (tier === undefined && tags === undefined && blobHTTPHeaders === undefined && metadata === undefined) {
    return {};
  }
  return {
    "x-ms-access-tier": properties.tier,
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

/** What a `Copy Blob` (asynchronous or synchronous) says about the copy's target and source. */
export interface CopyFromURLProperties extends NewBlobProperties {
  conditions?: BlobRequestConditions;
  sourceConditions?: ModifiedAccessConditions;
}

/** `x-ms-copy-source`, the new blob's properties and both sides' conditions of a `Copy Blob`. */
export function copyFromURLHeaders(copySource: string, options: CopyFromURLProperties): HeaderValues {
  return {
    "x-ms-copy-source": copySource,
    ...newBlobHeaders(options),
    ...conditionHeaders(options.conditions),
    ...sourceConditionHeaders(options.sourceConditions),
  };
}
