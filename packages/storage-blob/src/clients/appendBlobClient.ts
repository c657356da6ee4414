import { isResourceExistsError, type RequestBodyType } from "@azkit/core-http";
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
  type HeaderSource,
  headerNumber,
  type WriteResponse,
  writeResponse,
} from "../models/responseHeaders.js";
import { fromUrlHeaders, newBlobHeaders, transactionalMD5Header } from "../requests/blobWriteHeaders.js";
import { appendPositionHeaders, conditionHeaders } from "../requests/conditionHeaders.js";
import { rangeHeader } from "../requests/rangeHeaders.js";
import { succeededUnless } from "../requests/ifExists.js";
import { BlobClient } from "./blobClient.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";

/** What the service answers when it appends a block. */
function appendBlockResponse(h: HeaderSource): AppendBlobAppendBlockResponse {
  return {
    ...writeResponse(h),
    blobAppendOffset: h.get("x-ms-blob-append-offset"),
    blobCommittedBlockCount: headerNumber(h, "x-ms-blob-committed-block-count"),
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
    const res = await sendBlobRequest(
      this,
      {
        operationName: "AppendBlob.create",
        method: "PUT",
        headers: {
          "x-ms-blob-type": "AppendBlob",
          "content-length": "0",
          ...newBlobHeaders(options),
          ...conditionHeaders(options.conditions),
        },
        expectedStatuses: [201],
      },
      options,
    );
    return writeResponse(res.headers);
  }

  /** Creates the append blob unless a blob of that name exists; `succeeded` tells whether it did. */
  public async createIfNotExists(
    options: BlobCreateOptions = {},
  ): Promise<WriteResponse & { succeeded: boolean; errorCode?: string }> {
    const conditions = { ...options.conditions, ifNoneMatch: "*" };
    return succeededUnless(() => this.create({ ...options, conditions }), isResourceExistsError);
  }

  /** Appends `body` at the end of the blob (at most 100 MiB per call). */
  public async appendBlock(
    body: RequestBodyType,
    contentLength: number,
    options: AppendBlobAppendBlockOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "AppendBlob.appendBlock",
        method: "PUT",
        query: { comp: "appendblock" },
        headers: {
          "content-length": String(contentLength),
          ...transactionalMD5Header(options.transactionalContentMD5),
          ...conditionHeaders(options.conditions),
          ...appendPositionHeaders(options.conditions),
        },
        body,
        expectedStatuses: [201],
        onUploadProgress: options.onProgress,
      },
      options,
    );
    return appendBlockResponse(res.headers);
  }

  /** Appends bytes the service reads from `sourceURL` (`[offset, offset + count)`). */
  public async appendBlockFromURL(
    sourceURL: string,
    offset: number,
    count: number,
    options: BlobFromURLOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "AppendBlob.appendBlockFromURL",
        method: "PUT",
        query: { comp: "appendblock" },
        headers: {
          "content-length": "0",
          "x-ms-copy-source": sourceURL,
          "x-ms-source-range": rangeHeader(offset, count),
          ...fromUrlHeaders(options),
          ...conditionHeaders(options.conditions),
          ...appendPositionHeaders(options.conditions),
        },
        expectedStatuses: [201],
      },
      options,
    );
    return appendBlockResponse(res.headers);
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
