// `Put Blob` and `Put Blob From URL`: one request creates or replaces a whole blob of one type.
import type { RequestBodyType } from "@azkit/core-http";
import type { BlobRequestConditions } from "../models/conditions.js";
import type { CommonOptions } from "../models/options.js";
import { type WriteResponse, writeResponse } from "../models/responseHeaders.js";
import { type NewBlobProperties, newBlobHeaders } from "./blobWriteHeaders.js";
import { conditionHeaders } from "./conditionHeaders.js";
import { sendBlobRequest } from "./sendBlobRequest.js";

/** One whole-blob write: the blob type, the headers of this kind of write, and the content if sent. */
export interface PutBlobOperation {
  operationName: string;
  blobType: "BlockBlob" | "AppendBlob" | "PageBlob";
  headers: Record<string, string | undefined>;
  body?: RequestBodyType;
  onUploadProgress?: (progress: { loadedBytes: number }) => void;
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
  const res = await sendBlobRequest(
    blob,
    {
      operationName: operation.operationName,
      method: "PUT",
      headers: {
        "x-ms-blob-type": operation.blobType,
        ...operation.headers,
        ...newBlobHeaders(options),
        ...conditionHeaders(options.conditions),
      },
      body: operation.body,
      expectedStatuses: [201],
      onUploadProgress: operation.onUploadProgress,
    },
    options,
  );
  return writeResponse(res.headers);
}
