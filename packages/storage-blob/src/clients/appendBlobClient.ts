import { isResourceExistsError, type RequestBodyType } from "@azkit/core-http";
import { blobHTTPHeadersToRequest } from "../models/blobHTTPHeaders.js";
import type {
  AppendBlobAppendBlockOptions,
  AppendBlobAppendBlockResponse,
  AppendBlobSealOptions,
  BlobFromURLOptions,
  BlobCreateOptions,
} from "../models/blobModels.js";
import type { AppendPositionAccessConditions } from "../models/conditions.js";
import { conditionHeaders } from "../models/conditions.js";
import { metadataToHeaders, tagsToHeader } from "../models/metadata.js";
import {
  entityResponse,
  type EntityResponse,
  headerNumber,
  type WriteResponse,
  writeResponse,
} from "../models/responseHeaders.js";
import { toBase64 } from "../transfer/md5.js";
import { BlobClient } from "./blobClient.js";
import { fromUrlHeaders } from "./fromUrlHeaders.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { contextOf } from "./storageContext.js";

function appendConditions(c: AppendPositionAccessConditions | undefined): Record<string, string | undefined> {
  return {
    "x-ms-blob-condition-maxsize": c?.maxSize === undefined ? undefined : String(c.maxSize),
    "x-ms-blob-condition-appendpos": c?.appendPosition === undefined ? undefined : String(c.appendPosition),
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
    const res = await contextOf(this).send(
      {
        operationName: "AppendBlob.create",
        method: "PUT",
        url: this.url,
        headers: {
          "x-ms-blob-type": "AppendBlob",
          "content-length": "0",
          "x-ms-tags": tagsToHeader(options.tags),
          ...blobHTTPHeadersToRequest(options.blobHTTPHeaders),
          ...metadataToHeaders(options.metadata),
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
    try {
      return {
        succeeded: true,
        ...(await this.create({ ...options, conditions: { ...options.conditions, ifNoneMatch: "*" } })),
      };
    } catch (error) {
      if (isResourceExistsError(error))
        return { succeeded: false, errorCode: (error as { code?: string }).code };
      throw error;
    }
  }

  /** Appends `body` at the end of the blob (at most 100 MiB per call). */
  public async appendBlock(
    body: RequestBodyType,
    contentLength: number,
    options: AppendBlobAppendBlockOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "AppendBlob.appendBlock",
        method: "PUT",
        url: this.url,
        query: { comp: "appendblock" },
        headers: {
          "content-length": String(contentLength),
          "content-md5": options.transactionalContentMD5
            ? toBase64(options.transactionalContentMD5)
            : undefined,
          ...conditionHeaders(options.conditions),
          ...appendConditions(options.conditions),
        },
        body,
        expectedStatuses: [201],
        onUploadProgress: options.onProgress,
      },
      options,
    );
    return {
      ...writeResponse(res.headers),
      blobAppendOffset: res.headers.get("x-ms-blob-append-offset"),
      blobCommittedBlockCount: headerNumber(res.headers, "x-ms-blob-committed-block-count"),
    };
  }

  /** Appends bytes the service reads from `sourceURL` (`[offset, offset + count)`). */
  public async appendBlockFromURL(
    sourceURL: string,
    offset: number,
    count: number,
    options: BlobFromURLOptions = {},
  ): Promise<AppendBlobAppendBlockResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "AppendBlob.appendBlockFromURL",
        method: "PUT",
        url: this.url,
        query: { comp: "appendblock" },
        headers: {
          "content-length": "0",
          "x-ms-copy-source": sourceURL,
          "x-ms-source-range": `bytes=${offset}-${offset + count - 1}`,
          ...fromUrlHeaders(options),
          ...conditionHeaders(options.conditions),
          ...appendConditions(options.conditions),
        },
        expectedStatuses: [201],
      },
      options,
    );
    return {
      ...writeResponse(res.headers),
      blobAppendOffset: res.headers.get("x-ms-blob-append-offset"),
      blobCommittedBlockCount: headerNumber(res.headers, "x-ms-blob-committed-block-count"),
    };
  }

  /** Seals the blob: no more appends are accepted. */
  public async seal(options: AppendBlobSealOptions = {}): Promise<EntityResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "AppendBlob.seal",
        method: "PUT",
        url: this.url,
        query: { comp: "seal" },
        headers: { ...conditionHeaders(options.conditions), ...appendConditions(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return entityResponse(res.headers);
  }
}

blobClientKinds.append = AppendBlobClient;
