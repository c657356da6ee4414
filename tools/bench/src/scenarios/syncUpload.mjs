// Scenario 9: sync uploadFile throughput. The same 256 MiB file uploaded through
// `@azkit/storage-blob/sync` (blocking: the caller's thread waits in Atomics.wait while core-http's
// bridge worker runs the async upload) and through `@azkit/storage-blob`, each in its own child
// process like the transfers. The "peer" column is azkit's own async uploadFile: the ratio is what
// blocking costs (the peer SDK has no sync surface). CPU is process-wide, so the worker's is counted.
import { cpuSeconds, megabytesPerSecond, peakRss } from "../harness/metrics.mjs";
import { rawClient } from "./storageClients.mjs";
import { azkitBlockBlobClient } from "./syncSurface.mjs";
import { prepareTransferData, transferContainer as container } from "./transferFiles.mjs";
import { uploadOptions } from "./transfers.mjs";

/** @param {"" | "/sync"} subpath */
function side(key, role, label, subpath) {
  return {
    key,
    role,
    label,
    prepare: async (ctx) => {
      const data = ctx.shared;
      const target = `sync-upload-${key}`;
      return { ...data, target, blob: await azkitBlockBlobClient(subpath, ctx, container, target) };
    },
    run: async (s, ctx) => {
      // the /sync call blocks and returns the result; the async one returns a promise: await covers both
      await s.blob.uploadFile(s.sourcePath, uploadOptions(ctx.sizes));
      return { bytes: s.bytes, heldBytes: 0 };
    },
    cleanup: async (s, ctx) => {
      const raw = await rawClient(ctx);
      await raw.deleteBlob(container, s.target).finally(() => raw.close());
    },
  };
}

export const syncUploadScenario = {
  id: "sync-uploadFile",
  title: "sync surface: uploadFile, /sync vs the same async call",
  needs: ["azurite"],
  isolate: true,
  rounds: (sizes) => sizes.transferRounds,
  warmup: () => 0,
  // Going beyond the issue (which asks for the figure): blocking should not cost more than a tenth of
  // the async surface's throughput, since the same engine moves the bytes on the bridge's worker.
  metrics: [megabytesPerSecond([{ vs: "peer", op: ">=", value: 0.9 }]), cpuSeconds(), peakRss()],
  setup: prepareTransferData,
  sides: [
    side("azkit", "azkit", "@azkit/storage-blob/sync", "/sync"),
    side("peer", "peer", "@azkit/storage-blob (async)", ""),
  ],
};
