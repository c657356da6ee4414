import type { PipelineLike } from "../pipeline/pipeline.js";
import { randomUUID } from "node:crypto";
import {
  type BatchOperation,
  batchRequestBody,
  MAX_BATCH_OPERATIONS,
  signBatchOperation,
  type TokenCache,
} from "../batch/batchOperation.js";
import { BlobBatch, batchContents } from "../batch/blobBatch.js";
import { withQueryParameters } from "../blobUrl.js";
import type { CommonOptions } from "../models/options.js";
import type {
  BatchAccessTier,
  BatchSubResponse,
  BlobBatchDeleteBlobsOptions,
  BlobBatchSetBlobsAccessTierOptions,
  BlobBatchSubmitBatchOptionalParams,
  BlobBatchSubmitBatchResponse,
} from "../models/batchModels.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { commonResponse } from "../models/responseHeaders.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { parseBatchResponse } from "../batch/parseBatchResponse.js";
import type { BlobClient } from "./blobClient.js";
import { resolveClient } from "./clientConstruction.js";
import { contextOf, setContextOf, type StorageCredential } from "./storageContext.js";

/**
 * Sends up to 256 blob deletions or tier changes in one request (`Blob Batch`).
 *
 * @remarks Use it for bulk cleanups and tiering: one round trip instead of hundreds. Each
 * operation succeeds or fails on its own; inspect `subResponses`.
 * @example
 * ```ts
 * const batch = serviceClient.getBlobBatchClient();
 * const result = await batch.deleteBlobs([blobA, blobB]);
 * console.log(result.subResponsesSucceededCount);
 * ```
 * @public
 */
export class BlobBatchClient {
  /** The service or container URL batches are posted to. */
  public readonly url: string;
  readonly #isContainer: boolean;

  /**
   * A batch client for a Blob service or container URL.
   * @param url - the account's blob endpoint or a container URL.
   * @param credential - Shared Key, a `TokenCredential`, or `AnonymousCredential` with a SAS URL.
   * @param options - pipeline options.
   */
  constructor(url: string, credential?: StorageCredential, options?: StoragePipelineOptions);
  /**
   * A client on a {@link Pipeline} from `newPipeline(credential, options)` (the older construction style).
   * @param url - the URL, optionally with a SAS.
   * @param pipeline - the credential, options and extra request policies to use.
   */
  constructor(url: string, pipeline: PipelineLike);
  constructor(url: string, credential?: StorageCredential | PipelineLike, options?: StoragePipelineOptions) {
    const resolved = resolveClient(url, credential, [], options);
    this.url = resolved.url;
    setContextOf(this, resolved.context);
    const path = new URL(this.url).pathname.split("/").filter(Boolean);
    const pathStyle = /^[\d.]+$|^localhost$/.test(new URL(this.url).hostname);
    this.#isContainer = path.length > (pathStyle ? 1 : 0);
  }

  /**
   * Deletes the given blobs in one batch (at most 256).
   * @example
   * ```ts
   * await batchClient.deleteBlobs([containerClient.getBlobClient("a"), containerClient.getBlobClient("b")]);
   * ```
   */
  public async deleteBlobs(
    blobs: Array<BlobClient | string>,
    options: BlobBatchDeleteBlobsOptions = {},
  ): Promise<BlobBatchSubmitBatchResponse> {
    return this.submit(
      blobs.map((b) => ({
        method: "DELETE",
        url: typeof b === "string" ? b : b.url,
        headers: defined({
          "x-ms-delete-snapshots": options.deleteSnapshots,
          ...conditionHeaders(options.conditions),
        }),
      })),
      options,
    );
  }

  /** Sets the access tier of the given blobs in one batch (at most 256). */
  public async setBlobsAccessTier(
    blobs: Array<BlobClient | string>,
    tier: BatchAccessTier,
    options: BlobBatchSetBlobsAccessTierOptions = {},
  ): Promise<BlobBatchSubmitBatchResponse> {
    return this.submit(
      blobs.map((b) => {
        return {
          method: "PUT",
          url: withQueryParameters(typeof b === "string" ? b : b.url, { comp: "tier" }),
          headers: defined({
            "x-ms-access-tier": tier,
            "x-ms-rehydrate-priority": options.rehydratePriority,
            "content-length": "0",
            ...conditionHeaders(options.conditions),
          }),
        };
      }),
      options,
    );
  }

  /** An empty `BlobBatch` to fill and send with `submitBatch`. */
  public createBatch(): BlobBatch {
    return new BlobBatch();
  }

  /**
   * Sends the operations of `batchRequest` in one request and returns each one's answer, in the
   * order they were added.
   * @example
   * ```ts
   * const batch = new BlobBatch();
   * await batch.deleteBlob(blobClient);
   * const response = await batchClient.submitBatch(batch);
   * ```
   */
  public async submitBatch(
    batchRequest: BlobBatch,
    options: BlobBatchSubmitBatchOptionalParams = {},
  ): Promise<BlobBatchSubmitBatchResponse> {
    if (!(batchRequest instanceof BlobBatch)) {
      throw new TypeError(
        "submitBatch: expected a BlobBatch (new BlobBatch() or batchClient.createBatch()).",
      );
    }
    const { body, contentType, urls } = batchContents(batchRequest);
    return this.post(body, contentType, urls, options);
  }

  private async submit(
    requests: BatchOperation[],
    options: BlobBatchDeleteBlobsOptions,
  ): Promise<BlobBatchSubmitBatchResponse> {
    if (requests.length === 0 || requests.length > MAX_BATCH_OPERATIONS) {
      throw new RangeError(`A batch holds 1 to ${MAX_BATCH_OPERATIONS} operations, got ${requests.length}`);
    }
    const credential = contextOf(this).credential;
    const tokens: TokenCache = new Map();
    for (const request of requests)
      await signBatchOperation(request, credential, tokens, options.abortSignal);
    const boundary = `batch_${randomUUID()}`;
    return this.post(
      batchRequestBody(requests, boundary),
      `multipart/mixed; boundary=${boundary}`,
      requests.map((r) => r.url),
      options,
    );
  }

  private async post(
    body: string,
    contentType: string,
    urls: string[],
    options: CommonOptions,
  ): Promise<BlobBatchSubmitBatchResponse> {
    const res = await contextOf(this).send(
      {
        operationName: "BlobBatch.submitBatch",
        method: "POST",
        url: this.url,
        query: this.#isContainer ? { restype: "container", comp: "batch" } : { comp: "batch" },
        headers: { "content-type": contentType },
        body,
        expectedStatuses: [202],
      },
      options,
    );
    const parts = parseBatchResponse(res.headers.get("content-type") ?? "", res.bodyAsText ?? "");
    const subResponses: BatchSubResponse[] = urls.map((url, index) => {
      const part = parts.find((p) => p.contentId === index) ?? parts[index];
      return {
        status: part?.status ?? 0,
        statusMessage: part?.statusMessage ?? "missing from the batch response",
        headers: part?.headers ?? {},
        bodyAsText: part?.body || undefined,
        errorCode: part?.headers["x-ms-error-code"],
        url,
      };
    });
    const succeeded = subResponses.filter((r) => r.status >= 200 && r.status < 300).length;
    return {
      ...commonResponse(res.headers),
      subResponses,
      subResponsesSucceededCount: succeeded,
      subResponsesFailedCount: subResponses.length - succeeded,
    };
  }
}

function defined(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}
