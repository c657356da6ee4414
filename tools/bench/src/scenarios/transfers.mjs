// Scenario 3: large uploads and downloads (buffer and file) with the same block size and concurrency
// for every client; each measurement in its own child process so CPU and peak RSS are its own. The
// limit is a raw client moving the same bytes with the same block size and concurrency (uploads:
// Put Block / Put Block List with undici and with node:http, the better of the two per round;
// downloads: node:http ranged GETs, written to the file with synchronous positioned writes).
import { open, rm } from "node:fs/promises";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { cpuSeconds, megabytesPerSecond, peakRss } from "../harness/metrics.mjs";
import { sdkSides, storageBlob } from "../harness/sdkSides.mjs";
import { HttpRangeReader } from "../raw/httpRangeReader.mjs";
import { NodeHttpBlockWriter } from "../raw/nodeHttpBlockWriter.mjs";
import { blockId, parallel } from "../raw/rawBlobClient.mjs";
import { rawClient, serviceClient } from "./storageClients.mjs";
import { prepareTransferData, transferContainer as container } from "./transferFiles.mjs";

/** The upload options both SDKs get in every 256 MiB upload scenario (also sync-uploadFile). */
export const uploadOptions = (sizes) => ({
  blockSize: sizes.transferBlockSize,
  concurrency: sizes.transferConcurrency,
  maxSingleShotSize: sizes.transferBlockSize,
});
const downloadOptions = (sizes) => ({
  blockSize: sizes.transferBlockSize,
  concurrency: sizes.transferConcurrency,
});

async function rawUpload(raw, sizes, blob, bytes, readBlock) {
  const ids = [];
  const size = sizes.transferBlockSize;
  await parallel(Math.ceil(bytes / size), sizes.transferConcurrency, async (i) => {
    ids[i] = blockId(i);
    const length = Math.min(size, bytes - i * size);
    await raw.putBlock(container, blob, ids[i], await readBlock(i * size, length));
  });
  await raw.putBlockList(container, blob, ids);
}

/** Ranged GETs of the source blob, `concurrency` in flight; onChunk(chunk, position) is synchronous. */
async function rawDownload(reader, sizes, s, onChunk) {
  const size = sizes.transferBlockSize;
  await parallel(Math.ceil(s.bytes / size), sizes.transferConcurrency, (i) =>
    reader.read(container, s.sourceBlob, i * size, Math.min(size, s.bytes - i * size), onChunk),
  );
}

/**
 * Each transfer: `prepare` (untimed, may hold a buffer), how an SDK's BlockBlobClient does it, and the
 * same bytes moved raw. `held` is the buffer the scenario itself keeps (not charged to the client's RSS).
 */
const transfers = {
  uploadFile: {
    held: false,
    sdk: (blob, s, ctx) => blob.uploadFile(s.sourcePath, uploadOptions(ctx.sizes)),
    raw: async (raw, s, ctx) => {
      const file = await open(s.sourcePath, "r");
      try {
        await rawUpload(raw, ctx.sizes, s.target, s.bytes, async (position, length) => {
          const buffer = Buffer.allocUnsafe(length);
          await file.read(buffer, 0, length, position);
          return buffer;
        });
      } finally {
        await file.close();
      }
    },
  },
  uploadData: {
    held: true,
    load: (s) => readFileSync(s.sourcePath),
    sdk: (blob, s, ctx) => blob.uploadData(s.data, uploadOptions(ctx.sizes)),
    raw: (raw, s, ctx) =>
      rawUpload(raw, ctx.sizes, s.target, s.bytes, async (p, length) => s.data.subarray(p, p + length)),
  },
  downloadToFile: {
    held: false,
    sdk: (blob, s, ctx) => blob.downloadToFile(s.targetPath, 0, s.bytes, downloadOptions(ctx.sizes)),
    raw: async (_, s, ctx) => {
      // Each chunk is written at its position as it arrives, with a synchronous positioned write:
      // the least CPU a file download can cost (no thread pool hand-off, no promise per write; the
      // event loop blocks for each write, which a raw floor may do). Async writes per chunk cost
      // 0.81-1.19 s here, more than either SDK, so they made no floor.
      const fd = openSync(s.targetPath, "w");
      try {
        await rawDownload(s.reader, ctx.sizes, s, (chunk, position) => {
          let done = 0;
          while (done < chunk.length)
            done += writeSync(fd, chunk, done, chunk.length - done, position + done);
        });
      } finally {
        closeSync(fd);
      }
    },
  },
  downloadToBuffer: {
    held: true,
    sdk: async (blob, s, ctx) => {
      const buffer = await blob.downloadToBuffer(0, s.bytes, downloadOptions(ctx.sizes));
      if (buffer.length !== s.bytes) throw new Error(`downloaded ${buffer.length} of ${s.bytes} bytes`);
    },
    raw: async (_, s, ctx) => {
      const buffer = Buffer.allocUnsafe(s.bytes);
      await rawDownload(s.reader, ctx.sizes, s, (chunk, position) => {
        chunk.copy(buffer, position);
      });
    },
  },
};

/** What every side of a transfer needs, built in the child before the clock starts. */
function transferState(name, transfer, ctx, role) {
  const shared = ctx.shared;
  const state = {
    ...shared,
    target: `upload-${name}-${role}`,
    targetPath: join(shared.dir, `download-${name}-${role}-${process.pid}.bin`),
  };
  if (transfer.load) state.data = transfer.load(state);
  return state;
}

async function cleanupTransfer(state, ctx) {
  await rm(state.targetPath, { force: true });
  const raw = await rawClient(ctx);
  await raw.deleteBlob(container, state.target).finally(() => raw.close());
}

function transferScenario(name, transfer) {
  const result = (s) => ({ bytes: s.bytes, heldBytes: transfer.held ? s.bytes : 0 });
  return {
    id: `transfer-${name}`,
    title: `transfer ${name}`,
    needs: ["azurite"],
    isolate: true,
    rounds: (sizes) => sizes.transferRounds,
    warmup: () => 0,
    metrics: [
      // Issue 19: at least the peer's MB/s, or 0.9x the raw client where Azurite is what caps both.
      megabytesPerSecond([
        { vs: "peer", op: ">=", value: 1.0 },
        { vs: "limit", op: ">=", value: 0.9 },
      ]),
      cpuSeconds([{ vs: "peer", op: "<=", value: 0.5 }]),
      peakRss([{ vs: "peer", op: "<=", value: 0.5 }]),
    ],
    setup: prepareTransferData,
    sides: [
      ...sdkSides(storageBlob, {
        prepare: async (sdk, ctx, role) => {
          const state = transferState(name, transfer, ctx, role);
          const containerClient = serviceClient(sdk, ctx).getContainerClient(container);
          state.blob = containerClient.getBlockBlobClient(
            name.startsWith("upload") ? state.target : state.sourceBlob,
          );
          return state;
        },
        run: async (s, ctx) => {
          await transfer.sdk(s.blob, s, ctx);
          return result(s);
        },
        cleanup: cleanupTransfer,
      }),
      ...limitSides(name, transfer),
    ],
  };
}

/**
 * The raw clients of a transfer. Uploads get two (undici's Pool and node:http; the table keeps the
 * better one per round), downloads one (node:http ranged GETs with synchronous 'data' handlers).
 */
function limitSides(name, transfer) {
  const result = (s) => ({ bytes: s.bytes, heldBytes: transfer.held ? s.bytes : 0 });
  const side = (key, label, makeClients) => ({
    key,
    role: "limit",
    label,
    // each side loads only what it uses (undici is never imported by the node:http sides)
    prepare: async (ctx) => ({ ...transferState(name, transfer, ctx, key), ...(await makeClients(ctx)) }),
    run: async (s, ctx) => {
      await transfer.raw(s.raw, s, ctx);
      return result(s);
    },
    cleanup: async (s, ctx) => {
      s.reader?.close();
      await s.raw?.close();
      await cleanupTransfer(s, ctx);
    },
  });
  const connections = (ctx) => ctx.sizes.transferConcurrency;
  if (!name.startsWith("upload")) {
    return [
      side("limit", "raw node:http", (ctx) => ({
        reader: new HttpRangeReader(ctx.env.azurite, connections(ctx)),
      })),
    ];
  }
  return [
    side("limit", "raw undici", async (ctx) => ({ raw: await rawClient(ctx, connections(ctx)) })),
    side("limit-node-http", "raw node:http", (ctx) => ({
      raw: new NodeHttpBlockWriter(ctx.env.azurite, connections(ctx)),
    })),
  ];
}

export const transferScenarios = Object.entries(transfers).map(([name, t]) => transferScenario(name, t));
