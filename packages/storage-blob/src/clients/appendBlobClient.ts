import type { RequestBodyType } from "@azkit/core-http";
import type {
  AppendBlobAppendBlockOptions,
  AppendBlobAppendBlockResponse,
  AppendBlobSealOptions,
  BlobFromURLOptions,
  BlobCreateOptions,
} from "../models/blobModels.js";
import {
  entityResponse,
  type EntityResponse,
  headerNumber,
  type WriteResponse,
  writeResponse,
} from "../models/responseHeaders.js";
import { fromUrlHeaders, transactionalMD5Header } from "../requests/blobWriteHeaders.js";
import { appendPositionHeaders, conditionHeaders } from "../requests/conditionHeaders.js";
import { rangeHeader } from "../requests/rangeHeaders.js";
import { createUnlessExists } from "../requests/ifExists.js";
import { type BlobWrite, putBlob, sendBlobWrite } from "../requests/putBlob.js";
import { BlobClient } from "./blobClient.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import {
  checkOptionsOnEntry,
  FROM_URL_OPTIONS,
  NEW_BLOB_OPTIONS,
  PART_WRITE_OPTIONS,
} from "./operationOptions.js";

/** `Append Block` of `write` under the blob and append-position conditions. */
async function sendAppendBlock(
  blob: AppendBlobClient,
  write: BlobWrite,
  options: AppendBlobAppendBlockOptions | BlobFromURLOptions,
): Promise<AppendBlobAppendBlockResponse> {
  const headers = {
    ...write.headers,
    ...conditionHeaders(options.conditions),
    ...appendPositionHeaders(options.conditions),
  };
  const res = await sendBlobWrite(blob, { ...write, query: { comp: "appendblock" }, headers }, options);
  return {
    ...writeResponse(res.headers),
    blobAppendOffset: res.headers.get("x-ms-blob-append-offset"),
    blobCommittedBlockCount: headerNumber(res.headers, "x-ms-blob-committed-block-count"),
  };
}

/**
 * An append blob: blocks are only ever added at the end (logs, audit trails), then optionally sealed.
 *
 * @example
 * ```ts
 * const log = containerClient.getAppendBlobClient("app.log");
 * await log.createIfNotExists();
 * await log.appendBlock("line\n", 5);
 * ```
 * @public
 */
export class AppendBlobClient extends BlobClient {
  /** Creates an empty append blob, replacing any blob of that name. */
  public async create(options: BlobCreateOptions = {}): Promise<WriteResponse> {
    const headers = { "content-length": "0" };
    return putBlob(this, { operationName: "AppendBlob.create", blobType: "AppendBlob", headers }, options);
  }

  /** Creates the append blob unless a blob of that name exists; `succeeded` tells whether it did. */
  public async createIfNotExists(
    options: BlobCreateOptions = {},
  ): Promise<WriteResponse & { succeeded: boolean; errorCode?: string }> {
    return createUnlessExists((o) => this.create(o), options);
  }

  /** Appends `body` at the end of the blob (at most 100 MiB per call). */
  public async appendBlock(
    body: RequestBodyType,
    contentLength: number,
    options: AppendBlobAppendBlockOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const headers = {
      "content-length": String(contentLength),
      ...transactionalMD5Header(options.transactionalContentMD5),
    };
    const write = {
      operationName: "AppendBlob.appendBlock",
      headers,
      body,
      onUploadProgress: options.onProgress,
    };
    return sendAppendBlock(this, write, options);
  }

  /** Appends bytes the service reads from `sourceURL` (`[offset, offset + count)`). */
  public async appendBlockFromURL(
    sourceURL: string,
    offset: number,
    count: number,
    options: BlobFromURLOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const headers = {
      "content-length": "0",
      "x-ms-copy-source": sourceURL,
      "x-ms-source-range": rangeHeader(offset, count, "AppendBlobClient.appendBlockFromURL"),
      ...fromUrlHeaders(options),
    };
    return sendAppendBlock(this, { operationName: "AppendBlob.appendBlockFromURL", headers }, options);
  }

  /** Seals the blob: no more appends are accepted. */
  public async seal(options: AppendBlobSealOptions = {}): Promise<EntityResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "AppendBlob.seal",
        method: "PUT",
        query: { comp: "seal" },
        headers: { ...conditionHeaders(options.conditions), ...appendPositionHeaders(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return entityResponse(res.headers);
  }
}

blobClientKinds.append = AppendBlobClient;

checkOptionsOnEntry(AppendBlobClient, "AppendBlobClient", {
  create: { at: 0, names: NEW_BLOB_OPTIONS },
  createIfNotExists: { at: 0, names: NEW_BLOB_OPTIONS },
  appendBlock: { at: 2, names: PART_WRITE_OPTIONS, kinds: [[1, "number", "contentLength"]] },
  appendBlockFromURL: { at: 3, names: FROM_URL_OPTIONS },
  seal: { at: 0, names: ["conditions"] },
});
