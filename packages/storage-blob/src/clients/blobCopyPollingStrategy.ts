// Blob copy as a core-lro strategy: the initial request starts `Copy Blob`; polling reads the
// destination's `x-ms-copy-status`; cancel aborts the copy by its id.
import type { PollingStrategy, PollStep } from "@azkit/core-lro";
import type { BlobBeginCopyFromURLOptions, BlobStartCopyFromURLResponse } from "../models/blobModels.js";
import type { CopyStatusType } from "../models/listModels.js";
import type { BlobClient } from "./blobClient.js";

/** What a copy's resume token carries. */
export interface BlobCopyContext {
  copyId?: string;
  copySource: string;
}

function step(
  status: CopyStatusType | undefined,
  context: BlobCopyContext,
  result: BlobStartCopyFromURLResponse,
  description?: string,
): PollStep<BlobStartCopyFromURLResponse, BlobCopyContext> {
  switch (status) {
    case "success":
      return { status: "succeeded", context, result };
    case "aborted":
      return { status: "canceled", context, error: new Error(`The copy ${context.copyId} was aborted`) };
    case "failed":
      return {
        status: "failed",
        context,
        error: new Error(`The copy ${context.copyId} failed${description ? `: ${description}` : ""}`),
      };
    default:
      return { status: "running", context, partialResult: result };
  }
}

export function blobCopyPollingStrategy(
  blob: BlobClient,
  copySource: string,
  options: BlobBeginCopyFromURLOptions,
): PollingStrategy<BlobStartCopyFromURLResponse, BlobCopyContext> {
  return {
    kind: "storage-blob-copy",
    async start({ abortSignal }) {
      const started = await blob.startCopyFromURL(copySource, {
        ...options,
        abortSignal: abortSignal ?? options.abortSignal,
      });
      return step(started.copyStatus, { copyId: started.copyId, copySource }, started);
    },
    async poll(context, { abortSignal }) {
      const p = await blob.getProperties({ abortSignal });
      if (context.copyId && p.copyId && p.copyId !== context.copyId) {
        return {
          status: "failed",
          context,
          error: new Error(`Another copy (${p.copyId}) replaced copy ${context.copyId}`),
        };
      }
      return step(
        p.copyStatus,
        context,
        { ...p, copyId: p.copyId, copyStatus: p.copyStatus },
        p.copyStatusDescription,
      );
    },
    async cancel(context, { abortSignal }) {
      if (!context.copyId) return undefined;
      await blob.abortCopyFromURL(context.copyId, { abortSignal });
      return { status: "canceled", context, error: new Error(`The copy ${context.copyId} was aborted`) };
    },
  };
}
