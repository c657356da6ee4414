import { isResourceExistsError, type RequestBodyType } from "@azkit/core-http";
import { blobHTTPHeadersToRequest } from "../models/blobHTTPHeaders.js";
import type {
  BlobFromURLOptions,
  PageBlobCreateOptions,
  PageBlobGetPageRangesOptions,
  PageBlobGetPageRangesResponse,
  PageBlobResizeOptions,
  PageBlobUploadPagesOptions,
  PageBlobUploadPagesResponse,
} from "../models/blobModels.js";
import { conditionHeaders, type SequenceNumberAccessConditions } from "../models/conditions.js";
import { metadataToHeaders, tagsToHeader } from "../models/metadata.js";
import {
  entityResponse,
  headerNumber,
  type WriteResponse,
  writeResponse,
} from "../models/responseHeaders.js";
import { toBase64 } from "../transfer/md5.js";
import { readPageList } from "../xml/blobXml.js";
import { BlobClient } from "./blobClient.js";
import { fromUrlHeaders } from "./fromUrlHeaders.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { contextOf } from "./storageContext.js";

function sequenceConditions(
  c: SequenceNumberAccessConditions | undefined,
): Record<string, string | undefined> {
  const s = (n: number | undefined) => (n === undefined ? undefined : String(n));
  return {
    "x-ms-if-sequence-number-le": s(c?.ifSequenceNumberLessThanOrEqualTo),
    "x-ms-if-sequence-number-lt": s(c?.ifSequenceNumberLessThan),
    "x-ms-if-sequence-number-eq": s(c?.ifSequenceNumberEqualTo),
  };
}

function pageRange(offset: number, count: number): string {
  if (offset % 512 !== 0 || count % 512 !== 0 || count <= 0) {
    throw new RangeError(`Page ranges must be 512-byte aligned: offset ${offset}, count ${count}`);
  }
  return `bytes=${offset}-${offset + count - 1}`;
}

/**
 * A page blob: random-access 512-byte pages (disks, sparse files).
 *
 * @example
 * ```ts
 * const disk = containerClient.getPageBlobClient("disk.vhd");
 * await disk.create(1024 * 1024);
 * await disk.uploadPages(Buffer.alloc(512, 1), 0, 512);
 * ```
 * @public
 */
export class PageBlobClient extends BlobClient {
  /** Creates an empty page blob of `size` bytes (a multiple of 512), replacing any blob of that name. */
  public async create(size: number, options: PageBlobCreateOptions = {}): Promise<WriteResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.create",
        method: "PUT",
        url: this.url,
        headers: {
          "x-ms-blob-type": "PageBlob",
          "content-length": "0",
          "x-ms-blob-content-length": String(size),
          "x-ms-blob-sequence-number":
            options.blobSequenceNumber === undefined ? undefined : String(options.blobSequenceNumber),
          "x-ms-access-tier": options.tier,
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

  /** Creates the page blob unless a blob of that name exists. */
  public async createIfNotExists(
    size: number,
    options: PageBlobCreateOptions = {},
  ): Promise<WriteResponse & { succeeded: boolean; errorCode?: string }> {
    try {
      return {
        succeeded: true,
        ...(await this.create(size, { ...options, conditions: { ...options.conditions, ifNoneMatch: "*" } })),
      };
    } catch (error) {
      if (isResourceExistsError(error))
        return { succeeded: false, errorCode: (error as { code?: string }).code };
      throw error;
    }
  }

  /** Writes `count` bytes of `body` at `offset` (both multiples of 512, at most 4 MiB). */
  public async uploadPages(
    body: RequestBodyType,
    offset: number,
    count: number,
    options: PageBlobUploadPagesOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.uploadPages",
        method: "PUT",
        url: this.url,
        query: { comp: "page" },
        headers: {
          "x-ms-page-write": "update",
          "x-ms-range": pageRange(offset, count),
          "content-length": String(count),
          "content-md5": options.transactionalContentMD5
            ? toBase64(options.transactionalContentMD5)
            : undefined,
          ...conditionHeaders(options.conditions),
          ...sequenceConditions(options.conditions),
        },
        body,
        expectedStatuses: [201],
        onUploadProgress: options.onProgress,
      },
      options,
    );
    return {
      ...writeResponse(res.headers),
      blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
    };
  }

  /**
   * Writes `count` bytes at `destOffset` that the service reads from `sourceURL` at `sourceOffset`
   * (offsets and count multiples of 512).
   */
  public async uploadPagesFromURL(
    sourceURL: string,
    sourceOffset: number,
    destOffset: number,
    count: number,
    options: BlobFromURLOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.uploadPagesFromURL",
        method: "PUT",
        url: this.url,
        query: { comp: "page" },
        headers: {
          "x-ms-page-write": "update",
          "content-length": "0",
          "x-ms-range": pageRange(destOffset, count),
          "x-ms-copy-source": sourceURL,
          "x-ms-source-range": pageRange(sourceOffset, count),
          ...fromUrlHeaders(options),
          ...conditionHeaders(options.conditions),
          ...sequenceConditions(options.conditions),
        },
        expectedStatuses: [201],
      },
      options,
    );
    return {
      ...writeResponse(res.headers),
      blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
    };
  }

  /** Clears (zeroes and frees) `count` bytes at `offset`. */
  public async clearPages(
    offset: number,
    count: number,
    options: PageBlobUploadPagesOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.clearPages",
        method: "PUT",
        url: this.url,
        query: { comp: "page" },
        headers: {
          "x-ms-page-write": "clear",
          "x-ms-range": pageRange(offset, count),
          "content-length": "0",
          ...conditionHeaders(options.conditions),
          ...sequenceConditions(options.conditions),
        },
        expectedStatuses: [201],
      },
      options,
    );
    return {
      ...writeResponse(res.headers),
      blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
    };
  }

  /** The ranges that hold data, within `[offset, offset + count)` (the whole blob by default). */
  public async getPageRanges(
    offset = 0,
    count?: number,
    options: PageBlobGetPageRangesOptions = {},
  ): Promise<PageBlobGetPageRangesResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.getPageRanges",
        method: "GET",
        url: this.url,
        query: { comp: "pagelist" },
        headers: {
          "x-ms-range":
            count === undefined
              ? offset
                ? `bytes=${offset}-`
                : undefined
              : `bytes=${offset}-${offset + count - 1}`,
          ...conditionHeaders(options.conditions),
        },
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...entityResponse(res.headers),
      ...readPageList(res.bodyAsText ?? ""),
      blobContentLength: headerNumber(res.headers, "x-ms-blob-content-length"),
    };
  }

  /** Changes the blob's size (a multiple of 512); shrinking drops the pages beyond it. */
  public async resize(
    size: number,
    options: PageBlobResizeOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "PageBlob.resize",
        method: "PUT",
        url: this.url,
        query: { comp: "properties" },
        headers: { "x-ms-blob-content-length": String(size), ...conditionHeaders(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...entityResponse(res.headers),
      blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
    };
  }
}

blobClientKinds.page = PageBlobClient;
