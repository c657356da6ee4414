import { randomUUID } from "node:crypto";
import { isTokenCredential, type TokenCredential } from "@azkit/core-http";
import { withQueryParameters } from "../blobUrl.js";
import { sharedKeyAuthorization } from "../credentials/sharedKeyStringToSign.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import type {
  BatchAccessTier,
  BatchSubResponse,
  BlobBatchDeleteBlobsOptions,
  BlobBatchSetBlobsAccessTierOptions,
  BlobBatchSubmitBatchResponse,
} from "../models/batchModels.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { commonResponse } from "../models/responseHeaders.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { parseBatchResponse } from "../batch/parseBatchResponse.js";
import type { BlobClient } from "./blobClient.js";
import { resolveClient } from "./clientConstruction.js";
import { contextOf, setContextOf, type StorageCredential } from "./storageContext.js";

const MAX_BATCH = 256;

interface SubRequest {
  method: "DELETE" | "PUT";
  url: string;
  headers: Record<string, string>;
}

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
  constructor(url: string, credential?: StorageCredential, options?: StoragePipelineOptions) {
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

  private async subRequestAuth(request: SubRequest, token: string | undefined): Promise<void> {
    const context = contextOf(this);
    const credential = context.credential;
    request.headers["x-ms-date"] = new Date().toUTCString();
    if (credential instanceof StorageSharedKeyCredential) {
      const headers = request.headers;
      headers.authorization = sharedKeyAuthorization(credential, {
        method: request.method,
        url: request.url,
        getHeader: (name) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1],
        headerEntries: () => Object.entries(headers),
      });
    } else if (token) {
      request.headers.authorization = `Bearer ${token}`;
    }
  }

  private async submit(
    requests: SubRequest[],
    options: BlobBatchDeleteBlobsOptions,
  ): Promise<BlobBatchSubmitBatchResponse> {
    if (requests.length === 0 || requests.length > MAX_BATCH) {
      throw new RangeError(`A batch holds 1 to ${MAX_BATCH} operations, got ${requests.length}`);
    }
    const context = contextOf(this);
    const credential = context.credential;
    let token: string | undefined;
    if (isTokenCredential(credential)) {
      token =
        (
          await (credential as TokenCredential).getToken("https://storage.azure.com/.default", {
            abortSignal: options.abortSignal,
          })
        )?.token ?? undefined;
    }
    const boundary = `batch_${randomUUID()}`;
    let body = "";
    for (const [index, request] of requests.entries()) {
      await this.subRequestAuth(request, token);
      const target = new URL(request.url);
      body += `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ${index}\r\n\r\n`;
      body += `${request.method} ${target.pathname}${target.search} HTTP/1.1\r\n`;
      for (const [name, value] of Object.entries(request.headers)) body += `${name}: ${value}\r\n`;
      body += "\r\n";
    }
    body += `--${boundary}--\r\n`;
    const res = await context.send(
      {
        operationName: "BlobBatch.submitBatch",
        method: "POST",
        url: this.url,
        query: this.#isContainer ? { restype: "container", comp: "batch" } : { comp: "batch" },
        headers: { "content-type": `multipart/mixed; boundary=${boundary}` },
        body,
        expectedStatuses: [202],
      },
      options,
    );
    const parts = parseBatchResponse(res.headers.get("content-type") ?? "", res.bodyAsText ?? "");
    const subResponses: BatchSubResponse[] = requests.map((request, index) => {
      const part = parts.find((p) => p.contentId === index) ?? parts[index];
      return {
        status: part?.status ?? 0,
        statusMessage: part?.statusMessage ?? "missing from the batch response",
        headers: part?.headers ?? {},
        bodyAsText: part?.body || undefined,
        errorCode: part?.headers["x-ms-error-code"],
        url: request.url,
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
