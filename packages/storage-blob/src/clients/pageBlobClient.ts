import type { RequestBodyType } from "@azkit/core-http";
import type {
  BlobFromURLOptions,
  PageBlobCreateOptions,
  PageBlobGetPageRangesOptions,
  PageBlobGetPageRangesResponse,
  PageBlobResizeOptions,
  PageBlobUploadPagesOptions,
  PageBlobUploadPagesResponse,
} from "../models/blobModels.js";
import {
  entityResponse,
  headerNumber,
  type WriteResponse,
  writeResponse,
} from "../models/responseHeaders.js";
import { fromUrlHeaders, transactionalMD5Header } from "../requests/blobWriteHeaders.js";
import { conditionHeaders, sequenceNumberHeaders } from "../requests/conditionHeaders.js";
import { pageRangeHeader, rangeHeader } from "../requests/rangeHeaders.js";
import { createUnlessExists } from "../requests/ifExists.js";
import { type BlobWrite, putBlob, sendBlobWrite } from "../requests/putBlob.js";
import { readPageList } from "../xml/blobXml.js";
import { BlobClient } from "./blobClient.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import {
  checkOptionsOnEntry,
  FROM_URL_OPTIONS,
  NEW_BLOB_OPTIONS,
  PART_WRITE_OPTIONS,
} from "./operationOptions.js";

/** `Put Page`: writes (`update`) or clears pages under the blob and sequence-number conditions. */
async function putPage(
  blob: PageBlobClient,
  pageWrite: "update" | "clear",
  write: BlobWrite,
  options: PageBlobUploadPagesOptions | BlobFromURLOptions,
): Promise<PageBlobUploadPagesResponse> {
  const headers = {
    "x-ms-page-write": pageWrite,
    ...write.headers,
    ...conditionHeaders(options.conditions),
    ...sequenceNumberHeaders(options.conditions),
  };
  const res = await sendBlobWrite(blob, { ...write, query: { comp: "page" }, headers }, options);
  return {
    ...writeResponse(res.headers),
    blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
  };
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
    const headers = {
      "content-length": "0",
      "x-ms-blob-content-length": String(size),
      "x-ms-blob-sequence-number":
        options.blobSequenceNumber === undefined ? undefined : String(options.blobSequenceNumber),
    };
    return putBlob(this, { operationName: "PageBlob.create", blobType: "PageBlob", headers }, options);
  }

  /** Creates the page blob unless a blob of that name exists. */
  public async createIfNotExists(
    size: number,
    options: PageBlobCreateOptions = {},
  ): Promise<WriteResponse & { succeeded: boolean; errorCode?: string }> {
    return createUnlessExists((o) => this.create(size, o), options);
  }

  /** Writes `count` bytes of `body` at `offset` (both multiples of 512, at most 4 MiB). */
  public async uploadPages(
    body: RequestBodyType,
    offset: number,
    count: number,
    options: PageBlobUploadPagesOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const headers = {
      "x-ms-range": pageRangeHeader(offset, count, "PageBlobClient.uploadPages"),
      "content-length": String(count),
      ...transactionalMD5Header(options.transactionalContentMD5),
    };
    const write = {
      operationName: "PageBlob.uploadPages",
      headers,
      body,
      onUploadProgress: options.onProgress,
    };
    return putPage(this, "update", write, options);
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
    const headers = {
      "content-length": "0",
      "x-ms-range": pageRangeHeader(destOffset, count, "PageBlobClient.uploadPagesFromURL"),
      "x-ms-copy-source": sourceURL,
      "x-ms-source-range": pageRangeHeader(sourceOffset, count, "PageBlobClient.uploadPagesFromURL source"),
      ...fromUrlHeaders(options),
    };
    return putPage(this, "update", { operationName: "PageBlob.uploadPagesFromURL", headers }, options);
  }

  /** Clears (zeroes and frees) `count` bytes at `offset`. */
  public async clearPages(
    offset: number,
    count: number,
    options: PageBlobUploadPagesOptions = {},
  ): Promise<PageBlobUploadPagesResponse> {
    const headers = {
      "x-ms-range": pageRangeHeader(offset, count, "PageBlobClient.clearPages"),
      "content-length": "0",
    };
    return putPage(this, "clear", { operationName: "PageBlob.clearPages", headers }, options);
  }

  /** The ranges that hold data, within `[offset, offset + count)` (the whole blob by default). */
  public async getPageRanges(
    offset = 0,
    count?: number,
    options: PageBlobGetPageRangesOptions = {},
  ): Promise<PageBlobGetPageRangesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "PageBlob.getPageRanges",
        method: "GET",
        query: { comp: "pagelist" },
        headers: {
          "x-ms-range": rangeHeader(offset, count, "PageBlobClient.getPageRanges"),
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
    const res = await sendBlobRequest(
      this,
      {
        operationName: "PageBlob.resize",
        method: "PUT",
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

checkOptionsOnEntry(PageBlobClient, "PageBlobClient", {
  create: { at: 1, names: [...NEW_BLOB_OPTIONS, "blobSequenceNumber"] },
  createIfNotExists: { at: 1, names: [...NEW_BLOB_OPTIONS, "blobSequenceNumber"] },
  uploadPages: { at: 3, names: PART_WRITE_OPTIONS },
  uploadPagesFromURL: { at: 4, names: FROM_URL_OPTIONS },
  clearPages: { at: 2, names: ["conditions"] },
  getPageRanges: { at: 2, names: ["conditions"] },
  resize: { at: 1, names: ["conditions"] },
});
