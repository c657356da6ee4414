// Blob copy as a core-lro strategy: the initial request starts `Copy Blob`; polling reads the
// destination's `x-ms-copy-status`; cancel aborts the copy by its id.
import type { OperationState, PollingStrategy, PollStep } from "@azkit/core-lro";
import type {
  BlobBeginCopyFromURLOptions,
  BlobBeginCopyFromURLResponse,
  BlobBeginCopyFromUrlPollState,
  BlobStartCopyFromURLResponse,
} from "../models/blobModels.js";
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
      return { status: "canceled", context, error: copyAbortedError(context) };
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
      return { status: "canceled", context, error: copyAbortedError(context) };
    },
  };
}

/**
 * The error a canceled copy's `pollUntilDone()` throws; named as `@azure/storage-blob`'s, whose
 * README tells users to check `err.name === "PollerCancelledError"`.
 */
function copyAbortedError(context: BlobCopyContext): Error {
  const error = new Error(
    `The copy ${context.copyId ?? ""} of ${context.copySource} was aborted (cancelOperation() or abortCopyFromURL); the destination blob is left empty with its metadata.`,
  );
  error.name = "PollerCancelledError";
  return error;
}

/** The state `beginCopyFromURL`'s `onProgress` option receives, in the peer's shape. */
export function toCopyPollState(
  state: OperationState<BlobBeginCopyFromURLResponse>,
  copySource: string,
): BlobBeginCopyFromUrlPollState {
  const r = state.result ?? state.partialResult;
  const copyState: BlobBeginCopyFromUrlPollState = {
    copyId: r?.copyId,
    copyStatus: r?.copyStatus,
    copyProgress: r?.copyProgress,
    copySource,
    isStarted: state.status !== "notStarted",
    isCompleted: state.status !== "running" && state.status !== "notStarted",
    isCancelled: state.status === "canceled",
  };
  if (state.result !== undefined) copyState.result = state.result;
  if (state.error !== undefined) copyState.error = state.error;
  return copyState;
}
