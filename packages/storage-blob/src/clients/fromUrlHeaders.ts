import type { BlobFromURLOptions } from "../models/blobModels.js";
import { sourceConditionHeaders } from "../models/conditions.js";
import { toBase64 } from "../transfer/md5.js";

/** The source-side headers every `*FromURL` operation shares. */
export function fromUrlHeaders(options: BlobFromURLOptions): Record<string, string | undefined> {
  return {
    "x-ms-source-content-md5": options.sourceContentMD5 ? toBase64(options.sourceContentMD5) : undefined,
    "x-ms-copy-source-authorization": options.sourceAuthorization,
    ...sourceConditionHeaders(options.sourceConditions),
  };
}
