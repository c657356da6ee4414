// The writes that carry bytes: `Put Blob` and `Put Blob From URL` create or replace a whole blob of
// one type; `Put Block`, `Append Block` and `Put Page` (and their `FromURL` forms) write a part.
import { guardProgressCallback, type PipelineResponse, type RequestBodyType } from "@azkit/core-http";
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
  const headers = {
    "x-ms-blob-type": operation.blobType,
    ...operation.headers,
    ...newBlobHeaders(options),
    ...conditionHeaders(options.conditions),
  };
  const res = await sendBlobWrite(blob, operation, options, headers);
  return writeResponse(res.headers);
}

function isReadable(body: unknown): boolean {
  return typeof body === "object" && body !== null && typeof (body as { pipe?: unknown }).pipe === "function";
}

/**
 * Checks a write's body and declared length before anything is sent: the body must be a string,
 * bytes, a stream or a stream factory, and the length a non-negative integer that, for strings and
 * bytes, is the body's length (a mismatch would store a truncated blob or hang until the read
 * timeout). Streams are held to their length by core-http while they are sent.
 */
function checkBody(write: BlobWrite, headers: BlobWrite["headers"]): void {
  const { body, operationName } = write;
  if (body === undefined) return;
  const declared = headers["content-length"];
  if (declared === undefined || !/^\d+$/.test(declared)) {
    throw new RangeError(`${operationName}: contentLength must be a non-negative integer; got ${declared}.`);
  }
  let actual: number | undefined;
  if (typeof body === "string") actual = Buffer.byteLength(body);
  else if (body instanceof Uint8Array) actual = body.byteLength;
  else if (typeof body !== "function" && !isReadable(body)) {
    throw new TypeError(
      `${operationName}: body must be a string, Buffer, Uint8Array, readable stream or a function returning one; got ${body === null ? "null" : typeof body}.`,
    );
  }
  if (actual !== undefined && actual !== Number(declared)) {
    throw new RangeError(
      `${operationName}: contentLength is ${declared} but the body has ${actual} bytes; pass the body's length in bytes (Buffer.byteLength for strings).`,
    );
  }
}

/**
 * The PUT of a write (with `headers` in place of the write's own), which the service answers 201
 * once the bytes are written. Not an async function: the promise of the send is handed on as it is.
 */
export function sendBlobWrite(
  blob: { readonly url: string },
  write: BlobWrite,
  options: CommonOptions,
  headers: BlobWrite["headers"] = write.headers,
): Promise<PipelineResponse> {
  const operationName = write.operationName;
  try {
    checkBody(write, headers);
    return sendBlobRequest(
      blob,
      {
        operationName,
        method: "PUT",
        query: write.query,
        headers,
        body: write.body,
        onUploadProgress: guardProgressCallback(write.onUploadProgress, operationName),
        expectedStatuses: [201],
      },
      options,
    );
  } catch (error) {
    return Promise.reject(error);
  }
}
