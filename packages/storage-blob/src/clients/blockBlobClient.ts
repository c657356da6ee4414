import { open, stat } from "node:fs/promises";
import { createFileRangeBody, type RequestBodyType } from "@azkit/core-http";
import type {
  BlobFromURLOptions,
  BlockBlobCommitBlockListOptions,
  BlockBlobGetBlockListOptions,
  BlockBlobGetBlockListResponse,
  BlockBlobParallelUploadOptions,
  BlockBlobStageBlockOptions,
  BlockBlobStageBlockResponse,
  BlockBlobSyncUploadFromURLOptions,
  BlockBlobUploadOptions,
  BlockBlobUploadResponse,
  BlockBlobUploadStreamOptions,
  BlockListType,
} from "../models/blobModels.js";
import {
  commonResponse,
  entityResponse,
  headerBoolean,
  headerBytes,
  headerNumber,
  writeResponse,
} from "../models/responseHeaders.js";
import type { CommonOptions } from "../models/options.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { fromUrlHeaders, newBlobHeaders, transactionalMD5Header } from "../requests/blobWriteHeaders.js";
import { rangeHeader } from "../requests/rangeHeaders.js";
import { md5 } from "../transfer/md5.js";
import {
  bufferReader,
  DEFAULT_BLOCK_SIZE,
  DEFAULT_SINGLE_SHOT,
  fileRangeReader,
  fileReader,
  type BlockSink,
  stageAndCommit,
  streamReader,
  toUploadBytes,
  validateBlockCount,
  validateBlockSize,
} from "../transfer/parallelUpload.js";
import { readBlockList, writeBlockList } from "../xml/blobXml.js";
import { BlobClient } from "./blobClient.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { type BlobWrite, putBlob, sendBlobWrite } from "../requests/putBlob.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import {
  checkOptionsOnEntry,
  FROM_URL_OPTIONS,
  NEW_BLOB_OPTIONS,
  PARALLEL_UPLOAD_OPTIONS,
  PART_WRITE_OPTIONS,
  UPLOAD_OPTIONS,
} from "./operationOptions.js";

/** `Put Block` of `write`: stages block `blockId`. */
async function putBlock(
  blob: BlockBlobClient,
  blockId: string,
  write: BlobWrite,
  options: CommonOptions,
): Promise<BlockBlobStageBlockResponse> {
  const res = await sendBlobWrite(blob, { ...write, query: { comp: "block", blockid: blockId } }, options);
  return {
    ...commonResponse(res.headers),
    contentMD5: headerBytes(res.headers, "content-md5"),
    isServerEncrypted: headerBoolean(res.headers, "x-ms-request-server-encrypted"),
  };
}

/**
 * A block blob: single-shot and parallel block uploads, staged blocks and block lists.
 *
 * @remarks Most files and objects are block blobs. `uploadData`, `uploadFile` and `uploadStream`
 * pick single-shot or parallel block upload for you; `stageBlock`/`commitBlockList` give full control.
 * @example
 * ```ts
 * const blockBlob = containerClient.getBlockBlobClient("photos/cat.jpg");
 * await blockBlob.uploadFile("./cat.jpg", { blobHTTPHeaders: { blobContentType: "image/jpeg" } });
 * ```
 * @public
 */
export class BlockBlobClient extends BlobClient {
  /**
   * Uploads `body` in one request, replacing the blob.
   * @param body - the content; a factory `() => Readable` can be re-sent on retry, a bare stream cannot.
   * @param contentLength - the body's length in bytes.
   * @example
   * ```ts
   * await blockBlobClient.upload("hello", 5);
   * ```
   */
  public async upload(
    body: RequestBodyType,
    contentLength: number,
    options: BlockBlobUploadOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    const headers = {
      "content-length": String(contentLength),
      ...transactionalMD5Header(options.transactionalContentMD5),
    };
    return putBlob(
      this,
      {
        operationName: "BlockBlob.upload",
        blobType: "BlockBlob",
        headers,
        body,
        onUploadProgress: options.onProgress,
      },
      options,
    );
  }

  /**
   * Uploads a Buffer, Uint8Array, ArrayBuffer or other ArrayBufferView: one PUT up to `maxSingleShotSize`, else parallel blocks.
   * @example
   * ```ts
   * await blockBlobClient.uploadData(Buffer.from("hello"), { computeMD5: true });
   * ```
   */
  public async uploadData(
    data: Uint8Array | ArrayBuffer | ArrayBufferView,
    options: BlockBlobParallelUploadOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    const bytes = toUploadBytes(data, "BlockBlobClient.uploadData");
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    validateBlockSize(blockSize);
    if (bytes.byteLength <= (options.maxSingleShotSize ?? DEFAULT_SINGLE_SHOT)) {
      return this.singleShot(bytes, bytes.byteLength, options);
    }
    validateBlockCount(bytes.byteLength, blockSize, "BlockBlobClient.uploadData");
    return stageAndCommit(
      bufferReader(bytes, blockSize),
      this.blockSink(options),
      options,
    ) as Promise<BlockBlobUploadResponse>;
  }

  /**
   * Uploads a local file; large files go as parallel blocks read straight from disk.
   * @remarks Each request reads its bytes from the file as the connection takes them, so memory
   * does not grow with the file or `blockSize` (at most 2 MiB per request in flight). With
   * `computeMD5` the bytes are hashed first: a single shot then holds the file, and blocks hold at
   * most `blockSize x concurrency`.
   * @example
   * ```ts
   * await blockBlobClient.uploadFile("./video.mp4", { blockSize: 8 * 1024 * 1024, concurrency: 4 });
   * ```
   */
  public async uploadFile(
    filePath: string,
    options: BlockBlobParallelUploadOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    const { size } = await stat(filePath);
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    validateBlockSize(blockSize);
    if (size > (options.maxSingleShotSize ?? DEFAULT_SINGLE_SHOT)) {
      validateBlockCount(size, blockSize, "BlockBlobClient.uploadFile");
    }
    const file = await open(filePath, "r");
    try {
      const singleShot = size <= (options.maxSingleShotSize ?? DEFAULT_SINGLE_SHOT);
      if (singleShot && !options.computeMD5) {
        // One PUT of the whole file, read as the socket takes it (a file that shrank since stat
        // fails locally instead of being uploaded short).
        return await this.upload(createFileRangeBody(file, 0, size), size, {
          ...options,
          transactionalContentMD5: undefined,
        });
      }
      if (singleShot) {
        const data = Buffer.allocUnsafe(size);
        let read = 0;
        while (read < size) {
          const { bytesRead } = await file.read(data, read, size - read, read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return await this.singleShot(data.subarray(0, read), read, options);
      }
      return (await stageAndCommit(
        options.computeMD5 ? fileReader(file, size, blockSize) : fileRangeReader(file, size, blockSize),
        this.blockSink(options),
        options,
      )) as BlockBlobUploadResponse;
    } finally {
      await file.close();
    }
  }

  /**
   * Uploads a stream of unknown length as blocks of `bufferSize`, `maxConcurrency` at a time.
   * @remarks Memory held is at most `bufferSize x maxConcurrency`; the stream is paused meanwhile.
   * @example
   * ```ts
   * await blockBlobClient.uploadStream(createReadStream("./log.txt"), 4 * 1024 * 1024, 4);
   * ```
   */
  public async uploadStream(
    stream: NodeJS.ReadableStream,
    bufferSize: number = DEFAULT_BLOCK_SIZE,
    maxConcurrency = 5,
    options: BlockBlobUploadStreamOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    validateBlockSize(bufferSize);
    return (await stageAndCommit(streamReader(stream, bufferSize), this.blockSink(options), {
      ...options,
      concurrency: maxConcurrency,
    })) as BlockBlobUploadResponse;
  }

  private async singleShot(
    data: Uint8Array,
    length: number,
    options: BlockBlobParallelUploadOptions,
  ): Promise<BlockBlobUploadResponse> {
    const digest = options.computeMD5 ? md5(data) : undefined;
    return this.upload(data, length, {
      ...options,
      transactionalContentMD5: digest,
      blobHTTPHeaders: digest
        ? { ...options.blobHTTPHeaders, blobContentMD5: digest }
        : options.blobHTTPHeaders,
    });
  }

  private blockSink(options: BlockBlobParallelUploadOptions): BlockSink {
    return {
      stageBlock: async (id, data, blockMD5, onBytes) => {
        let reported = 0;
        await this.stageBlock(id, data instanceof Uint8Array ? data : data.body, data.byteLength, {
          abortSignal: options.abortSignal,
          requestOptions: options.requestOptions,
          conditions: options.conditions?.leaseId ? { leaseId: options.conditions.leaseId } : undefined,
          transactionalContentMD5: blockMD5,
          onProgress: (p) => {
            onBytes(p.loadedBytes - reported);
            reported = p.loadedBytes;
          },
        });
        if (reported < data.byteLength) onBytes(data.byteLength - reported);
      },
      commit: (ids, blobMD5) =>
        this.commitBlockList(ids, {
          ...options,
          blobHTTPHeaders: blobMD5
            ? { ...options.blobHTTPHeaders, blobContentMD5: blobMD5 }
            : options.blobHTTPHeaders,
        }),
    };
  }

  /**
   * Uploads one block to be committed later with `commitBlockList`.
   * @param blockId - base64, at most 64 bytes decoded, and the same length for every block of the blob.
   */
  public async stageBlock(
    blockId: string,
    body: RequestBodyType,
    contentLength: number,
    options: BlockBlobStageBlockOptions = {},
  ): Promise<BlockBlobStageBlockResponse> {
    const headers = {
      "content-length": String(contentLength),
      ...transactionalMD5Header(options.transactionalContentMD5),
      ...conditionHeaders(options.conditions),
    };
    const write = {
      operationName: "BlockBlob.stageBlock",
      headers,
      body,
      onUploadProgress: options.onProgress,
    };
    return putBlock(this, blockId, write, options);
  }

  /**
   * Creates or replaces this block blob with the content the service reads from `sourceURL`
   * (Put Blob From URL, up to 5000 MiB), in one request; the copy is complete when it returns.
   * @example
   * ```ts
   * await blockBlobClient.syncUploadFromURL(`${source.url}?${sas}`);
   * ```
   */
  public async syncUploadFromURL(
    sourceURL: string,
    options: BlockBlobSyncUploadFromURLOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    const headers = {
      "content-length": "0",
      "x-ms-copy-source": sourceURL,
      "x-ms-copy-source-blob-properties":
        options.copySourceBlobProperties === undefined ? undefined : String(options.copySourceBlobProperties),
      ...fromUrlHeaders(options),
    };
    return putBlob(
      this,
      { operationName: "BlockBlob.syncUploadFromURL", blobType: "BlockBlob", headers },
      options,
    );
  }

  /**
   * Stages a block whose content the service reads from `sourceURL` (bytes `[offset, offset + count)`,
   * the whole source when `count` is omitted); commit it later with `commitBlockList`.
   */
  public async stageBlockFromURL(
    blockId: string,
    sourceURL: string,
    offset = 0,
    count?: number,
    options: BlobFromURLOptions = {},
  ): Promise<BlockBlobStageBlockResponse> {
    const leaseId = options.conditions?.leaseId;
    const headers = {
      "content-length": "0",
      "x-ms-copy-source": sourceURL,
      "x-ms-source-range": rangeHeader(offset, count, "BlockBlobClient.stageBlockFromURL"),
      ...fromUrlHeaders(options),
      // Put Block takes the lease condition only.
      ...conditionHeaders(leaseId ? { leaseId } : undefined),
    };
    return putBlock(this, blockId, { operationName: "BlockBlob.stageBlockFromURL", headers }, options);
  }

  /** Commits the blob as these blocks, in this order (staged or already committed ids). */
  public async commitBlockList(
    blocks: string[],
    options: BlockBlobCommitBlockListOptions = {},
  ): Promise<BlockBlobUploadResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "BlockBlob.commitBlockList",
        method: "PUT",
        query: { comp: "blocklist" },
        headers: {
          ...newBlobHeaders(options),
          ...conditionHeaders(options.conditions),
        },
        xmlBody: writeBlockList(blocks),
        expectedStatuses: [201],
      },
      options,
    );
    return writeResponse(res.headers);
  }

  /** Lists the committed and/or uncommitted blocks. */
  public async getBlockList(
    listType: BlockListType,
    options: BlockBlobGetBlockListOptions = {},
  ): Promise<BlockBlobGetBlockListResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "BlockBlob.getBlockList",
        method: "GET",
        query: { comp: "blocklist", blocklisttype: listType },
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...entityResponse(res.headers),
      ...readBlockList(res.bodyAsText ?? ""),
      blobContentLength: headerNumber(res.headers, "x-ms-blob-content-length"),
    };
  }
}

blobClientKinds.block = BlockBlobClient;

checkOptionsOnEntry(BlockBlobClient, "BlockBlobClient", {
  upload: { at: 2, names: UPLOAD_OPTIONS, kinds: [[1, "number", "contentLength"]] },
  uploadData: { at: 1, names: PARALLEL_UPLOAD_OPTIONS },
  uploadFile: { at: 1, names: PARALLEL_UPLOAD_OPTIONS },
  uploadStream: { at: 3, names: PARALLEL_UPLOAD_OPTIONS },
  stageBlock: {
    at: 3,
    names: PART_WRITE_OPTIONS,
    kinds: [
      [0, "string", "blockId"],
      [2, "number", "contentLength"],
    ],
  },
  syncUploadFromURL: { at: 1, names: [...FROM_URL_OPTIONS, ...NEW_BLOB_OPTIONS, "copySourceBlobProperties"] },
  stageBlockFromURL: { at: 4, names: FROM_URL_OPTIONS },
  commitBlockList: { at: 1, names: NEW_BLOB_OPTIONS },
  getBlockList: { at: 1, names: ["conditions"] },
});
