import type { PipelineLike } from "../pipeline/pipeline.js";
import { open, unlink } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { isResourceNotFoundError, type PipelineResponse } from "@azkit/core-http";
import { createSimplePoller, type OperationState } from "@azkit/core-lro";
import { parseBlobUrl, setUrlParameter } from "../blobUrl.js";
import { blobHTTPHeadersToRequest, type BlobHTTPHeaders } from "../models/blobHTTPHeaders.js";
import { blobPropertiesFromHeaders } from "../models/blobPropertiesFromHeaders.js";
import type {
  BlobAbortCopyFromURLOptions,
  BlobBeginCopyFromURLOptions,
  BlobBeginCopyFromURLResponse,
  BlobCreateSnapshotOptions,
  BlobCreateSnapshotResponse,
  BlobDeleteIfExistsResponse,
  BlobDeleteOptions,
  BlobDeleteResponse,
  BlobDownloadOptions,
  BlobDownloadResponse,
  BlobDownloadToBufferOptions,
  BlobDownloadToFileOptions,
  BlobExistsOptions,
  BlobGetPropertiesOptions,
  BlobGetPropertiesResponse,
  BlobGetTagsResponse,
  BlobSetHTTPHeadersOptions,
  BlobSetMetadataOptions,
  BlobSetPropertiesResponse,
  BlobSetTierOptions,
  BlobStartCopyFromURLResponse,
  BlobSyncCopyFromURLOptions,
  BlobTagsOptions,
  BlobUndeleteOptions,
} from "../models/blobModels.js";
import type { BlobRequestConditions } from "../models/conditions.js";
import type { AccessTier, CopyStatusType } from "../models/listModels.js";
import { type Metadata, metadataToHeaders, type Tags } from "../models/metadata.js";
import type { CommonOptions } from "../models/options.js";
import type { PollerLikeWithCancellation } from "../models/pollerLikeWithCancellation.js";
import {
  commonResponse,
  entityResponse,
  type HeaderSource,
  headerBytes,
  headerNumber,
} from "../models/responseHeaders.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { generateBlobSASQueryParameters } from "../sas/blobSASSignatureValues.js";
import type { BlobGenerateSasUrlOptions } from "../sas/generateSasUrlOptions.js";
import { sharedKeyOf } from "../sas/sharedKeyOf.js";
import { md5VerifyingStream } from "../transfer/md5.js";
import { downloadRangesToBuffer, downloadRangesToFile } from "../transfer/parallelDownload.js";
import { readTags, writeTags } from "../xml/blobXml.js";
import type { AppendBlobClient } from "./appendBlobClient.js";
import { blobClientKinds } from "./blobClientKinds.js";
import { blobCopyPollingStrategy, toCopyPollState } from "./blobCopyPollingStrategy.js";
import { BlobLeaseClient } from "./blobLeaseClient.js";
import type { BlockBlobClient } from "./blockBlobClient.js";
import { derivedClient, resolveClient } from "./clientConstruction.js";
import type { PageBlobClient } from "./pageBlobClient.js";
import { setContextOf, type StorageCredential } from "./storageContext.js";
import { copyFromURLHeaders } from "../requests/blobWriteHeaders.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { existsUnlessNotFound, succeededUnless } from "../requests/ifExists.js";
import { rangeHeader, validateRange } from "../requests/rangeHeaders.js";
import { checkRangeResponse } from "../requests/rangeResponse.js";
import { downloadBody } from "../requests/resumingDownloadBody.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import {
  BLOB_HTTP_HEADERS_SHAPE,
  checkOptionsOnEntry,
  COPY_OPTIONS,
  DOWNLOAD_TO_OPTIONS,
} from "./operationOptions.js";
import { showRedactedInInspect } from "./redactedInspect.js";

/** What the service answers when it starts (or, synchronously, does) a copy. */
function copyResponse(h: HeaderSource): BlobStartCopyFromURLResponse {
  return {
    ...entityResponse(h),
    copyId: h.get("x-ms-copy-id"),
    copyStatus: h.get("x-ms-copy-status") as CopyStatusType | undefined,
  };
}

/**
 * A blob of any kind: download, properties, metadata, tags, tier, snapshots, copy and delete.
 *
 * @remarks Get one from `ContainerClient.getBlobClient(name)`, or construct it from a blob URL
 * (with a SAS in the query, or a credential). Use `BlockBlobClient`, `AppendBlobClient` or
 * `PageBlobClient` for writes specific to a blob type.
 *
 * @example
 * ```ts
 * const blob = containerClient.getBlobClient("report.csv");
 * const data = await blob.downloadToBuffer();
 * await blob.downloadToFile("./report.csv", 0, undefined, { concurrency: 8 });
 * ```
 * @public
 */
export class BlobClient {
  /** The blob URL, including a SAS or snapshot/version parameters when present. */
  public readonly url: string;
  /** The storage account name. */
  public readonly accountName: string;
  /** The container name. */
  public readonly containerName: string;
  /** The blob name (decoded). */
  public readonly name: string;
  /** The credential requests are signed with. */
  public readonly credential: StorageCredential;

  /**
   * A client for the blob at `url`.
   * @param url - the blob URL, e.g. `https://acct.blob.core.windows.net/container/blob`, optionally with a SAS.
   * @param credential - Shared Key, a `TokenCredential`, or `AnonymousCredential` (default).
   * @param options - pipeline options (retries, timeouts, `serviceVersion`, ...).
   */
  constructor(url: string, credential?: StorageCredential, options?: StoragePipelineOptions);
  /**
   * A client for a blob named in a connection string's account.
   * @param connectionString - an account key or SAS connection string, or `UseDevelopmentStorage=true`.
   */
  constructor(
    connectionString: string,
    containerName: string,
    blobName: string,
    options?: StoragePipelineOptions,
  );
  /**
   * A client on a {@link Pipeline} from `newPipeline(credential, options)` (the older construction style).
   * @param url - the URL, optionally with a SAS.
   * @param pipeline - the credential, options and extra request policies to use.
   */
  constructor(url: string, pipeline: PipelineLike);
  constructor(
    urlOrConnectionString: string,
    credentialOrContainer?: unknown,
    optionsOrBlobName?: StoragePipelineOptions | string,
    options?: StoragePipelineOptions,
  ) {
    const names =
      typeof credentialOrContainer === "string" ? [credentialOrContainer, optionsOrBlobName as string] : [];
    const resolved = resolveClient(
      urlOrConnectionString,
      credentialOrContainer,
      names,
      names.length > 0 ? options : (optionsOrBlobName as StoragePipelineOptions | undefined),
    );
    this.url = resolved.url;
    setContextOf(this, resolved.context);
    this.credential = resolved.context.credential;
    const parts = parseBlobUrl(this.url);
    this.accountName = parts.accountName;
    this.containerName = parts.containerName;
    this.name = parts.blobName;
  }

  /** A lease client for this blob. */
  public getBlobLeaseClient(proposeLeaseId?: string): BlobLeaseClient {
    return new BlobLeaseClient(this, proposeLeaseId);
  }

  /** This blob as a block blob. */
  public getBlockBlobClient(): BlockBlobClient {
    return derivedClient(blobClientKinds.block!, this.url, this);
  }

  /** This blob as an append blob. */
  public getAppendBlobClient(): AppendBlobClient {
    return derivedClient(blobClientKinds.append!, this.url, this);
  }

  /** This blob as a page blob. */
  public getPageBlobClient(): PageBlobClient {
    return derivedClient(blobClientKinds.page!, this.url, this);
  }

  /** A client for a snapshot of this blob (`""` returns the base blob). */
  public withSnapshot(snapshot: string): BlobClient {
    return derivedClient(BlobClient, setUrlParameter(this.url, "snapshot", snapshot || undefined), this);
  }

  /** A client for a version of this blob (`""` returns the current version). */
  public withVersion(versionId: string): BlobClient {
    return derivedClient(BlobClient, setUrlParameter(this.url, "versionid", versionId || undefined), this);
  }

  /**
   * Reads the blob, or the range `[offset, offset + count)`, as a stream that resumes itself.
   *
   * @remarks The body resumes after an early end or reset with a ranged GET pinned to the
   * blob's ETag; if the blob changed meanwhile the stream fails with `ResourceModifiedError`.
   * @example
   * ```ts
   * const response = await blobClient.download();
   * response.readableStreamBody!.pipe(createWriteStream("./out.bin"));
   * ```
   */
  public async download(
    offset = 0,
    count?: number,
    options: BlobDownloadOptions = {},
  ): Promise<BlobDownloadResponse> {
    validateRange(offset, count, "BlobClient.download");
    const what = `Blob.download ${this.name}`;
    const conditions = options.conditions;
    const res = await this.readRange(offset, count, conditions, options.rangeGetContentMD5, options);
    checkRangeResponse(res, { offset, count, etag: conditions?.ifMatch }, what);
    const properties = blobPropertiesFromHeaders(res.headers);
    const contentRange = res.headers.get("content-range");
    const length = properties.contentLength ?? 0;
    const etag = properties.etag;
    let body: NodeJS.ReadableStream | undefined = res.readableStreamBody;
    if (body) {
      body = downloadBody(body, {
        what,
        start: offset,
        length,
        maxRetryRequests: options.maxRetryRequests ?? 5,
        onProgress: options.onProgress,
        abortSignal: options.abortSignal as AbortSignal | undefined,
        reopen: async (from) => {
          const pinned = { ...conditions, ifMatch: etag ?? conditions?.ifMatch };
          const rest = offset + length - from;
          const again = await this.readRange(from, rest, pinned, false, options);
          checkRangeResponse(again, { offset: from, count: rest, etag: pinned.ifMatch, exact: true }, what);
          return again.readableStreamBody!;
        },
      });
      if (options.rangeGetContentMD5 && properties.contentMD5) {
        // pipeline (not pipe) so a failure of the resumed body reaches the reader.
        body = pipeline(
          body as Readable,
          md5VerifyingStream(properties.contentMD5, `Blob.download ${this.name}`),
          () => undefined,
        );
      }
    }
    // Completed in place: copying the ~35 properties into a new object cost more than the rest.
    const response: BlobDownloadResponse = properties;
    response.contentRange = contentRange;
    response.blobContentMD5 = headerBytes(res.headers, "x-ms-blob-content-md5");
    response.readableStreamBody = body;
    return response;
  }

  /**
   * Downloads the blob (or a range) into memory with parallel ranged GETs.
   *
   * @example
   * ```ts
   * const data = await blobClient.downloadToBuffer(0, undefined, { concurrency: 4, verifyMD5: true });
   * ```
   */
  public async downloadToBuffer(
    offset?: number,
    count?: number,
    options?: BlobDownloadToBufferOptions,
  ): Promise<Buffer>;
  /** Downloads into the given buffer, which must be large enough; returns it. */
  public async downloadToBuffer(
    buffer: Buffer,
    offset?: number,
    count?: number,
    options?: BlobDownloadToBufferOptions,
  ): Promise<Buffer>;
  public async downloadToBuffer(
    first?: Buffer | number,
    second?: number,
    third?: number | BlobDownloadToBufferOptions,
    fourth?: BlobDownloadToBufferOptions,
  ): Promise<Buffer> {
    const given = Buffer.isBuffer(first) ? first : undefined;
    // Only undefined means "from the start": null is a wrong offset like any other.
    const offsetGiven = given ? second : (first as number | undefined);
    const offset = offsetGiven === undefined ? 0 : offsetGiven;
    const count = given ? (third as number | undefined) : second;
    const options = (given ? fourth : (third as BlobDownloadToBufferOptions | undefined)) ?? {};
    return downloadRangesToBuffer(this.rangeSource(options), offset, count, options, given);
  }

  /**
   * Downloads the blob (or a range) to a file with parallel ranged GETs, never holding the whole
   * blob in memory; returns the blob's properties.
   *
   * @remarks `@azure/storage-blob` downloads files serially; this downloads `concurrency` ranges
   * at once and writes each at its position.
   * @example
   * ```ts
   * await blobClient.downloadToFile("./big.bin", 0, undefined, { concurrency: 8, onProgress: (p) => console.log(p.loadedBytes) });
   * ```
   */
  public async downloadToFile(
    filePath: string,
    offset = 0,
    count?: number,
    options: BlobDownloadToFileOptions = {},
  ): Promise<BlobGetPropertiesResponse> {
    const file = await open(filePath, "w");
    let failed = true;
    try {
      const properties = await downloadRangesToFile(
        this.rangeSource(options),
        offset,
        count,
        options,
        file,
        filePath,
      );
      failed = false;
      return properties;
    } finally {
      await file.close();
      // A failed download leaves no partial file behind that could pass for the blob.
      if (failed) await unlink(filePath).catch(() => undefined);
    }
  }

  /** What the parallel download engine needs from this blob. */
  private rangeSource(options: BlobDownloadToBufferOptions) {
    return {
      name: this.name,
      getProperties: () => this.getProperties({ ...options, conditions: options.conditions }),
      openRange: async (start: number, length: number, etag: string, withMD5: boolean) => {
        const pinned = { ...options.conditions, ifMatch: etag };
        const res = await this.readRange(start, length, pinned, withMD5, options);
        checkRangeResponse(
          res,
          { offset: start, count: length, etag, exact: true },
          `Blob.download ${this.name}`,
        );
        return { body: res.readableStreamBody!, contentMD5: headerBytes(res.headers, "content-md5") };
      },
    };
  }

  /** One GET of `[offset, offset + count)` of the blob, its body as a stream. */
  private readRange(
    offset: number,
    count: number | undefined,
    conditions: BlobRequestConditions | undefined,
    withMD5: boolean | undefined,
    options: CommonOptions,
  ): Promise<PipelineResponse> {
    return sendBlobRequest(
      this,
      {
        operationName: "Blob.download",
        method: "GET",
        headers: {
          "x-ms-range": rangeHeader(offset, count, "BlobClient.download"),
          "x-ms-range-get-content-md5": withMD5 ? "true" : undefined,
          ...conditionHeaders(conditions),
        },
        expectedStatuses: [200, 206],
        stream: true,
      },
      options,
    );
  }

  /**
   * Whether the blob exists (false on 404; other errors are thrown).
   * @example
   * ```ts
   * if (!(await blobClient.exists())) await blockBlobClient.upload("hello", 5);
   * ```
   */
  public async exists(options: BlobExistsOptions = {}): Promise<boolean> {
    return existsUnlessNotFound(() => this.getProperties(options));
  }

  /** Reads the blob's properties and metadata (a HEAD request). */
  public async getProperties(options: BlobGetPropertiesOptions = {}): Promise<BlobGetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.getProperties",
        method: "HEAD",
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [200],
      },
      options,
    );
    return blobPropertiesFromHeaders(res.headers);
  }

  /** Deletes the blob (with `deleteSnapshots` when it has snapshots). */
  public async delete(options: BlobDeleteOptions = {}): Promise<BlobDeleteResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.delete",
        method: "DELETE",
        headers: {
          "x-ms-delete-snapshots": options.deleteSnapshots,
          ...conditionHeaders(options.conditions),
        },
        expectedStatuses: [202],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** Deletes the blob if it exists; `succeeded` tells whether it did. */
  public async deleteIfExists(options: BlobDeleteOptions = {}): Promise<BlobDeleteIfExistsResponse> {
    return succeededUnless(() => this.delete(options), isResourceNotFoundError);
  }

  /** Replaces the stored HTTP headers (all of them: omitted ones are cleared). */
  public async setHTTPHeaders(
    blobHTTPHeaders?: BlobHTTPHeaders,
    options: BlobSetHTTPHeadersOptions = {},
  ): Promise<BlobSetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.setHTTPHeaders",
        method: "PUT",
        query: { comp: "properties" },
        headers: { ...blobHTTPHeadersToRequest(blobHTTPHeaders), ...conditionHeaders(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...entityResponse(res.headers),
      blobSequenceNumber: headerNumber(res.headers, "x-ms-blob-sequence-number"),
    };
  }

  /** Replaces the blob's metadata (omit to clear it). */
  public async setMetadata(
    metadata?: Metadata,
    options: BlobSetMetadataOptions = {},
  ): Promise<BlobSetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.setMetadata",
        method: "PUT",
        query: { comp: "metadata" },
        headers: { ...metadataToHeaders(metadata), ...conditionHeaders(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return entityResponse(res.headers);
  }

  /** Replaces the blob's index tags. */
  public async setTags(tags: Tags, options: BlobTagsOptions = {}): Promise<BlobSetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.setTags",
        method: "PUT",
        query: { comp: "tags" },
        headers: {
          ...conditionHeaders(options.conditions),
        },
        xmlBody: writeTags(tags),
        expectedStatuses: [204],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** Reads the blob's index tags. */
  public async getTags(options: BlobTagsOptions = {}): Promise<BlobGetTagsResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.getTags",
        method: "GET",
        query: { comp: "tags" },
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [200],
      },
      options,
    );
    return { ...commonResponse(res.headers), tags: readTags(res.bodyAsText ?? "") };
  }

  /** Moves the blob to another access tier (Hot, Cool, Cold, Archive; P* for premium page blobs). */
  public async setAccessTier(
    tier: AccessTier | string,
    options: BlobSetTierOptions = {},
  ): Promise<BlobDeleteResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.setAccessTier",
        method: "PUT",
        query: { comp: "tier" },
        headers: {
          "x-ms-access-tier": tier,
          "x-ms-rehydrate-priority": options.rehydratePriority,
          ...conditionHeaders(options.conditions),
        },
        expectedStatuses: [200, 202],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** Creates a read-only snapshot; read it with `withSnapshot(response.snapshot)`. */
  public async createSnapshot(options: BlobCreateSnapshotOptions = {}): Promise<BlobCreateSnapshotResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.createSnapshot",
        method: "PUT",
        query: { comp: "snapshot" },
        headers: { ...metadataToHeaders(options.metadata), ...conditionHeaders(options.conditions) },
        expectedStatuses: [201],
      },
      options,
    );
    return { ...entityResponse(res.headers), snapshot: res.headers.get("x-ms-snapshot") };
  }

  /**
   * Starts an asynchronous server-side copy from `copySource` (a blob URL in this account, or any
   * URL readable with a SAS); `beginCopyFromURL` wraps this in a poller.
   */
  public async startCopyFromURL(
    copySource: string,
    options: BlobBeginCopyFromURLOptions = {},
  ): Promise<BlobStartCopyFromURLResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.startCopyFromURL",
        method: "PUT",
        headers: {
          "x-ms-rehydrate-priority": options.rehydratePriority,
          ...copyFromURLHeaders(copySource, options),
        },
        expectedStatuses: [202],
      },
      options,
    );
    return copyResponse(res.headers);
  }

  /**
   * Starts a service-side copy of `copySource` into this blob and resolves, once the service
   * accepted it, with a poller for the copy (not thenable: `await` gives the poller, as in
   * `@azure/storage-blob`).
   *
   * @remarks Wait with `pollUntilDone()`, watch with `onProgress` (or the `onProgress` option),
   * abort the copy with `cancelOperation()`, or store `poller.toString()` and resume in another
   * process with the `resumeFrom` option. A refused start (404 source, 403) rejects this Promise.
   * @example
   * ```ts
   * const poller = await blobClient.beginCopyFromURL(sourceBlob.url, { intervalInMs: 1000 });
   * const result = await poller.pollUntilDone();
   * ```
   */
  public async beginCopyFromURL(
    copySource: string,
    options: BlobBeginCopyFromURLOptions = {},
  ): Promise<
    PollerLikeWithCancellation<OperationState<BlobBeginCopyFromURLResponse>, BlobBeginCopyFromURLResponse>
  > {
    const poller = await createSimplePoller({
      strategy: blobCopyPollingStrategy(this, copySource, options),
      intervalInMs: options.intervalInMs ?? 15_000,
      restoreFrom: options.resumeFrom,
      abortSignal: options.abortSignal,
    });
    const onProgress = options.onProgress;
    if (onProgress) {
      // The peer reports the state its first poll (the start) produced; the start is behind us here.
      onProgress(toCopyPollState(poller.getOperationState(), copySource));
      poller.onProgress((state) => onProgress(toCopyPollState(state, copySource)));
    }
    return poller;
  }

  /** Copies `copySource` into this blob and resolves when the copy has finished. */
  public async beginCopyFromURLAndWait(
    copySource: string,
    options: BlobBeginCopyFromURLOptions = {},
  ): Promise<BlobBeginCopyFromURLResponse> {
    const poller = await this.beginCopyFromURL(copySource, options);
    return poller.pollUntilDone({ abortSignal: options.abortSignal });
  }

  /**
   * Copies a blob of up to 256 MiB from `copySource` (any URL readable with a SAS) synchronously:
   * the service has finished the copy when this returns.
   * @example
   * ```ts
   * await blobClient.syncCopyFromURL(`${source.url}?${sas}`);
   * ```
   */
  public async syncCopyFromURL(
    copySource: string,
    options: BlobSyncCopyFromURLOptions = {},
  ): Promise<BlobStartCopyFromURLResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.syncCopyFromURL",
        method: "PUT",
        headers: { "x-ms-requires-sync": "true", ...copyFromURLHeaders(copySource, options) },
        expectedStatuses: [202],
      },
      options,
    );
    return copyResponse(res.headers);
  }

  /** Restores a soft-deleted blob and its soft-deleted snapshots (accounts with soft delete on). */
  public async undelete(options: BlobUndeleteOptions = {}): Promise<BlobDeleteResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.undelete",
        method: "PUT",
        query: { comp: "undelete" },
        expectedStatuses: [200],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** Aborts a pending copy into this blob, leaving it empty with its metadata. */
  public async abortCopyFromURL(
    copyId: string,
    options: BlobAbortCopyFromURLOptions = {},
  ): Promise<BlobDeleteResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Blob.abortCopyFromURL",
        method: "PUT",
        query: { comp: "copy", copyid: copyId },
        headers: { "x-ms-copy-action": "abort", ...conditionHeaders(options.conditions) },
        expectedStatuses: [204],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /**
   * A URL for this blob with a service SAS signed by the client's Shared Key credential.
   *
   * @example
   * ```ts
   * const url = await blobClient.generateSasUrl({ permissions: BlobSASPermissions.parse("r"), expiresOn });
   * ```
   */
  public async generateSasUrl(options: BlobGenerateSasUrlOptions): Promise<string> {
    const credential = sharedKeyOf(this.credential, "generateSasUrl");
    const snapshot = new URL(this.url).searchParams.get("snapshot") ?? undefined;
    const versionId = new URL(this.url).searchParams.get("versionid") ?? undefined;
    const sas = generateBlobSASQueryParameters(
      {
        ...options,
        containerName: this.containerName,
        blobName: this.name,
        snapshotTime: snapshot,
        versionId,
      },
      credential,
    );
    const base = this.url.split("?")[0]!;
    const query = new URL(this.url).search.slice(1);
    return `${base}?${query ? `${query}&` : ""}${sas.toString()}`;
  }
}

checkOptionsOnEntry(BlobClient, "BlobClient", {
  download: { at: 2, names: ["conditions", "maxRetryRequests", "onProgress", "rangeGetContentMD5"] },
  downloadToBuffer: { at: (args) => (Buffer.isBuffer(args[0]) ? 3 : 2), names: DOWNLOAD_TO_OPTIONS },
  downloadToFile: { at: 3, names: DOWNLOAD_TO_OPTIONS },
  exists: { at: 0, names: ["conditions"] },
  getProperties: { at: 0, names: ["conditions"] },
  delete: { at: 0, names: ["conditions", "deleteSnapshots"] },
  deleteIfExists: { at: 0, names: ["conditions", "deleteSnapshots"] },
  setHTTPHeaders: { at: 1, names: ["conditions"], bags: [[0, BLOB_HTTP_HEADERS_SHAPE, "blobHTTPHeaders"]] },
  setMetadata: { at: 1, names: ["conditions"] },
  setTags: { at: 1, names: ["conditions"] },
  getTags: { at: 0, names: ["conditions"] },
  setAccessTier: { at: 1, names: ["conditions", "rehydratePriority"] },
  createSnapshot: { at: 0, names: ["metadata", "conditions"] },
  startCopyFromURL: { at: 1, names: COPY_OPTIONS },
  beginCopyFromURL: { at: 1, names: COPY_OPTIONS },
  beginCopyFromURLAndWait: { at: 1, names: COPY_OPTIONS },
  syncCopyFromURL: {
    at: 1,
    names: [
      "metadata",
      "tags",
      "tier",
      "conditions",
      "sourceConditions",
      "sourceAuthorization",
      "sourceContentMD5",
    ],
  },
  undelete: { at: 0, names: [] },
  abortCopyFromURL: { at: 1, names: ["conditions"] },
});
showRedactedInInspect(BlobClient, ["accountName", "containerName", "name", "credential"]);
