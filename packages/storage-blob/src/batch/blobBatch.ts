import { randomUUID } from "node:crypto";
import { withQueryParameters } from "../blobUrl.js";
import type { BlobClient } from "../clients/blobClient.js";
import { contextOf, type StorageCredential } from "../clients/storageContext.js";
import type { BatchAccessTier } from "../models/batchModels.js";
import type { BlobDeleteOptions, BlobSetTierOptions } from "../models/blobModels.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import {
  type BatchOperation,
  batchRequestBody,
  MAX_BATCH_OPERATIONS,
  signBatchOperation,
  type TokenCache,
} from "./batchOperation.js";

/**
 * One operation added to a `BlobBatch`: its blob URL and the credential that signed it.
 * @public
 */
export interface BatchSubRequest {
  /** The blob the operation targets. */
  url: string;
  /** The credential the operation was signed with. */
  credential: StorageCredential;
}

/**
 * A batch you fill operation by operation and send with `BlobBatchClient.submitBatch`: up to 256
 * deletions, or up to 256 tier changes (one kind per batch, a service rule). Each operation is
 * signed as it is added, with the credential of the blob client (or the one you pass with a URL).
 *
 * @example
 * ```ts
 * const batch = new BlobBatch();
 * await batch.deleteBlob(containerClient.getBlobClient("a.txt"));
 * await batch.deleteBlob(otherBlobUrl, credential, { deleteSnapshots: "include" });
 * const response = await serviceClient.getBlobBatchClient().submitBatch(batch);
 * console.log(response.subResponsesSucceededCount);
 * ```
 * @public
 */
export class BlobBatch {
  readonly #boundary = `batch_${randomUUID()}`;
  readonly #operations: BatchOperation[] = [];
  readonly #subRequests = new Map<number, BatchSubRequest>();
  readonly #tokens: TokenCache = new Map();
  #kind: "delete" | "setAccessTier" | undefined;
  /** Operations being signed, counted against the limit before they land. */
  #pending = 0;
  /** Additions run one after another, so Content-IDs follow the order of the calls. */
  #queue: Promise<unknown> = Promise.resolve();

  /** The `Content-Type` the batch request is sent with (it names the multipart boundary). */
  getMultiPartContentType(): string {
    return `multipart/mixed; boundary=${this.#boundary}`;
  }

  /** The multipart body of the operations added so far. */
  getHttpRequestBody(): string {
    return batchRequestBody(this.#operations, this.#boundary);
  }

  /** The operations added so far, by Content-ID (their order). */
  getSubRequests(): Map<number, BatchSubRequest> {
    return new Map(this.#subRequests);
  }

  /**
   * Adds the deletion of a blob, given by URL and credential.
   * @param url - the blob URL (a SAS in it authorizes with `AnonymousCredential`).
   * @param credential - what signs this operation.
   * @param options - conditions and `deleteSnapshots`.
   */
  deleteBlob(url: string, credential: StorageCredential, options?: BlobDeleteOptions): Promise<void>;
  /**
   * Adds the deletion of the blob of `blobClient`, signed with its credential.
   * @param blobClient - the blob to delete.
   * @param options - conditions and `deleteSnapshots`.
   */
  deleteBlob(blobClient: BlobClient, options?: BlobDeleteOptions): Promise<void>;
  async deleteBlob(
    urlOrBlobClient: string | BlobClient,
    credentialOrOptions?: StorageCredential | BlobDeleteOptions,
    options?: BlobDeleteOptions,
  ): Promise<void> {
    const target = resolveTarget(urlOrBlobClient, credentialOrOptions, options, "deleteBlob");
    const opts = target.options as BlobDeleteOptions;
    return this.#add("delete", target, {
      method: "DELETE",
      url: target.url,
      headers: defined({
        "x-ms-delete-snapshots": opts.deleteSnapshots,
        ...conditionHeaders(opts.conditions),
      }),
    });
  }

  /**
   * Adds a tier change of a blob, given by URL and credential.
   * @param url - the blob URL.
   * @param credential - what signs this operation.
   * @param tier - the new tier (`BlockBlobTier`, `PremiumPageBlobTier` or the string).
   * @param options - lease condition and rehydrate priority.
   */
  setBlobAccessTier(
    url: string,
    credential: StorageCredential,
    tier: BatchAccessTier,
    options?: BlobSetTierOptions,
  ): Promise<void>;
  /**
   * Adds a tier change of the blob of `blobClient`, signed with its credential.
   * @param blobClient - the blob to change.
   * @param tier - the new tier.
   * @param options - lease condition and rehydrate priority.
   */
  setBlobAccessTier(
    blobClient: BlobClient,
    tier: BatchAccessTier,
    options?: BlobSetTierOptions,
  ): Promise<void>;
  async setBlobAccessTier(
    urlOrBlobClient: string | BlobClient,
    credentialOrTier: StorageCredential | BatchAccessTier,
    tierOrOptions?: BatchAccessTier | BlobSetTierOptions,
    options?: BlobSetTierOptions,
  ): Promise<void> {
    const byUrl = typeof urlOrBlobClient === "string";
    const tier = (byUrl ? tierOrOptions : credentialOrTier) as BatchAccessTier;
    const target = resolveTarget(
      urlOrBlobClient,
      byUrl ? (credentialOrTier as StorageCredential) : (tierOrOptions as BlobSetTierOptions | undefined),
      options,
      "setBlobAccessTier",
    );
    if (typeof tier !== "string" || tier === "") {
      throw new TypeError(
        'BlobBatch.setBlobAccessTier: expected a tier such as "Cool" or BlockBlobTier.Cool.',
      );
    }
    const opts = target.options as BlobSetTierOptions & { rehydratePriority?: string };
    return this.#add("setAccessTier", target, {
      method: "PUT",
      url: withQueryParameters(target.url, { comp: "tier" }),
      headers: defined({
        "x-ms-access-tier": tier,
        "x-ms-rehydrate-priority": opts.rehydratePriority,
        "content-length": "0",
        ...conditionHeaders(opts.conditions),
      }),
    });
  }

  #add(
    kind: "delete" | "setAccessTier",
    target: { url: string; credential: StorageCredential; options: { abortSignal?: AbortSignal } },
    operation: BatchOperation,
  ): Promise<void> {
    if (this.#kind !== undefined && this.#kind !== kind) {
      return Promise.reject(
        new TypeError(
          `BlobBatch: this batch holds ${this.#kind} operations; a batch holds one kind only (a service rule). Use another BlobBatch for ${kind}.`,
        ),
      );
    }
    if (this.#operations.length + this.#pending >= MAX_BATCH_OPERATIONS) {
      return Promise.reject(
        new RangeError(
          `BlobBatch: a batch holds at most ${MAX_BATCH_OPERATIONS} operations; submit this one and start another.`,
        ),
      );
    }
    this.#kind = kind;
    this.#pending++;
    const added = this.#queue.then(async () => {
      try {
        await signBatchOperation(operation, target.credential, this.#tokens, target.options.abortSignal);
        this.#subRequests.set(this.#operations.length, { url: target.url, credential: target.credential });
        this.#operations.push(operation);
      } finally {
        this.#pending--;
      }
    });
    this.#queue = added.catch(() => {});
    return added;
  }
}

function resolveTarget(
  urlOrBlobClient: string | BlobClient,
  credentialOrOptions: unknown,
  options: object | undefined,
  method: string,
): { url: string; credential: StorageCredential; options: { abortSignal?: AbortSignal } } {
  if (typeof urlOrBlobClient === "string") {
    if (credentialOrOptions === undefined || credentialOrOptions === null) {
      throw new TypeError(
        `BlobBatch.${method}(url, credential, ...): a URL needs its credential (AnonymousCredential for a SAS URL).`,
      );
    }
    return {
      url: urlOrBlobClient,
      credential: credentialOrOptions as StorageCredential,
      options: options ?? {},
    };
  }
  if (typeof urlOrBlobClient?.url !== "string") {
    throw new TypeError(`BlobBatch.${method}: expected a blob URL or a BlobClient.`);
  }
  return {
    url: urlOrBlobClient.url,
    credential: contextOf(urlOrBlobClient).credential,
    options: (credentialOrOptions as object | undefined) ?? {},
  };
}

function defined(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}

/** The operations and boundary of `batch`, for `BlobBatchClient.submitBatch`. */
export function batchContents(batch: BlobBatch): { body: string; contentType: string; urls: string[] } {
  const subRequests = batch.getSubRequests();
  if (subRequests.size === 0) {
    throw new RangeError(
      "submitBatch: the batch is empty; add operations with deleteBlob or setBlobAccessTier first.",
    );
  }
  return {
    body: batch.getHttpRequestBody(),
    contentType: batch.getMultiPartContentType(),
    urls: [...subRequests.values()].map((s) => s.url),
  };
}
