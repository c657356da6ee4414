// Scenario 8: the cost of the `/sync` surface. The same getProperties on Azurite, blocking through
// `@azkit/storage-blob/sync` (core-http's sync bridge: one worker, Atomics.wait) and awaited through
// `@azkit/storage-blob`, alternated in one process. The "peer" column here is azkit's own async call,
// so azkit − peer on the µs/op row is the bridge's per-call overhead (issue 19: keep it under 50 µs).
// CPU is process-wide, so the worker thread's CPU is counted too.
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { loadPackage, requireExport } from "../harness/loadPackage.mjs";
import { rawClient } from "./storageClients.mjs";

const container = "bench-sync";
const blobName = "sync-1k";

/**
 * A BlockBlobClient of `@azkit/storage-blob` (async, `subpath` "") or of its `/sync` entry, on Azurite.
 * @param {"" | "/sync"} subpath
 */
export async function azkitBlockBlobClient(subpath, ctx, containerName, blob) {
  const main = await loadPackage("@azkit/storage-blob"); // says "not built" when it is not
  const sdk = subpath === "" ? main : await import(`@azkit/storage-blob${subpath}`);
  const BlobServiceClient = requireExport(sdk, `storage-blob${subpath}`, "BlobServiceClient");
  return BlobServiceClient.fromConnectionString(ctx.env.azurite.connectionString)
    .getContainerClient(containerName)
    .getBlockBlobClient(blob);
}

/** @param {"" | "/sync"} subpath */
const blockBlobClient = (subpath, ctx) => azkitBlockBlobClient(subpath, ctx, container, blobName);

/** Wall µs per call, so the two sides' rows subtract to the bridge's overhead. */
const microsecondsPerOp = {
  key: "usPerOp",
  label: "wall µs/op",
  better: "lower",
  decimals: 1,
  of: (m) => (m.count && m.elapsedMs ? (m.elapsedMs * 1000) / m.count : undefined),
  // Issue 19: the bridge adds under 50 µs per call (median over rounds of /sync − async).
  target: [{ vs: "peerDelta", op: "<=", value: 50 }],
};

export const syncSurfaceScenario = {
  id: "sync-getProperties",
  title: "sync surface: getProperties, /sync vs the same async call",
  needs: ["azurite"],
  metrics: [perSecond("ops/s"), cpuPer("op"), microsecondsPerOp],
  async setup(ctx) {
    const raw = await rawClient(ctx);
    await raw.createContainer(container);
    await raw.putBlob(container, blobName, Buffer.alloc(1024, 0x61));
    await raw.close();
    return {};
  },
  sides: [
    {
      key: "azkit",
      role: "azkit",
      label: "@azkit/storage-blob/sync",
      prepare: async (ctx) => {
        const blob = await blockBlobClient("/sync", ctx);
        blob.getProperties(); // starts the bridge's worker outside the timed part
        return blob;
      },
      run: async (blob, ctx) => {
        for (let i = 0; i < ctx.sizes.smallOps; i++) blob.getProperties();
        return { count: ctx.sizes.smallOps };
      },
    },
    {
      key: "peer",
      role: "peer",
      label: "@azkit/storage-blob (async)",
      prepare: (ctx) => blockBlobClient("", ctx),
      run: async (blob, ctx) => {
        for (let i = 0; i < ctx.sizes.smallOps; i++) await blob.getProperties();
        return { count: ctx.sizes.smallOps };
      },
    },
  ],
};
