// The writes that carry bytes: `Put Blob` and `Put Blob From URL` create or replace a whole blob of
// one type; `Put Block`, `Append Block` and `Put Page` (and their `FromURL` forms) write a part.
import type { PipelineResponse, RequestBodyType } from "@azkit/core-http";
import type { BlobRequestConditions } from "../models/conditions.js";
import type { CommonOptions } from "../models/options.js";
import { type WriteResponse, writeResponse } from "../models/responseHeaders.js";
import { type NewBlobProperties, newBlobHeaders } from "./blobWriteHeaders.js";
import { conditionHeaders } from "./conditionHeaders.js";
import { sendBlobRequest } from "./sendBlobRequest.js";

/** One write: its headers, and its bytes unless the service reads them from a source URL. */
export interface BlobWrite {
  operationName: string;
  /** For a part write, `comp` (and the block id) naming the part. */
  query?: Record<string, string>;
  headers: Record<string, string | undefined>;
  body?: RequestBodyType;
  onUploadProgress?: (progress: { loadedBytes: number }) => void;
}

/** One whole-blob write: a write that also names the type of blob it creates. */
export interface PutBlobOperation extends BlobWrite {
  blobType: "BlockBlob" | "AppendBlob" | "PageBlob";
}

/** What every whole-blob write takes from its options: the new blob's properties and conditions. */
export interface PutBlobOptions extends NewBlobProperties, CommonOptions {
  conditions?: BlobRequestConditions;
}

/** Creates or replaces the blob at `blob.url` with the properties `options` name, under its conditions. */
export async function putBlob(
  blob: { readonly url: string },
  operation: PutBlobOperation,
  options: PutBlobOptions,
): Promise<WriteResponse> {
  const { blobType, ...write } = operation;
  const headers = {
    "x-ms-blob-type": blobType,
    ...write.headers,
    ...newBlobHeaders(options),
    ...conditionHeaders(options.conditions),
  };
  const res = await sendBlobWrite(blob, { ...write, headers }, options);
  return writeResponse(res.headers);
}

/** The PUT of a write, which the service answers 201 once the bytes are written. */
export function sendBlobWrite(
  blob: { readonly url: string },
  write: BlobWrite,
  options: CommonOptions,
): Promise<PipelineResponse> {
  return sendBlobRequest(blob, { ...write, method: "PUT", expectedStatuses: [201] }, options);
}
