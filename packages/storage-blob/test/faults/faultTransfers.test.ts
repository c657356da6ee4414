// The transfer suite of issue #17: 200 downloads and 200 uploads of a 9 MiB blob through
// tools/fault-proxy in front of its own Azurite, with 6% partial-body faults (cut responses, or
// cut request bodies for uploads) and 0.4% no-response faults (the service acts, the client hears
// nothing), each ending with a hang, FIN or RST, and a 2 s read timeout. Every call must return
// byte-identical data or a typed error within its budget, and no blob may ever hold bytes that are
// not exactly one of the sources uploaded to it. The mix is seeded, so a failure reproduces.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAzureError, isResourceNotFoundError } from "@azkit/core-http";
import { type AzuriteInfo, startAzurite } from "azurite-runner";
import { type FaultProxy, seededMix, startFaultProxy } from "fault-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BlobServiceClient,
  type BlockBlobClient,
  type ContainerClient,
  StorageSharedKeyCredential,
} from "../../src/index.js";

const MiB = 1024 * 1024;
const BLOB_SIZE = 9 * MiB;
/** 200 each way (issue #17); AZKIT_FAULT_TRANSFERS lowers it for a quick local run. */
const TRANSFERS = Number(process.env.AZKIT_FAULT_TRANSFERS ?? 200);
/** uploadFile's share: its block path differs only in where the bytes come from. */
const FILE_TRANSFERS = Math.min(TRANSFERS, 50);
const WORKERS = 8;
const SEED = 17;
/** Small blocks and ranges, so that faults hit transfers in the middle. */
const BLOCK_SIZE = MiB;
/** The most one call may take: retries and resumes are bounded, so every call ends well before. */
const CALL_BUDGET_IN_MS = 60_000;

let azurite: { info: AzuriteInfo; stop: () => Promise<void> };
let proxy: FaultProxy;
let direct: ContainerClient;
let faulty: ContainerClient;
const base = randomBytes(BLOB_SIZE);
const md5 = (data: Uint8Array) => createHash("md5").update(data).digest("hex");

/** Source `i`: the base bytes stamped with `i` every 64 KiB, so every upload's bytes differ. */
function source(i: number): Buffer {
  const data = Buffer.from(base);
  for (let at = 0; at < data.length; at += 64 * 1024) data.writeUInt32BE(i, at);
  return data;
}

interface Tally {
  ok: number;
  typedErrors: Record<string, number>;
  bytesVerified: number;
  slowestInMs: number;
}
const newTally = (): Tally => ({ ok: 0, typedErrors: {}, bytesVerified: 0, slowestInMs: 0 });

/** Runs `count` calls on `WORKERS` workers; each call is timed and its failure must be typed. */
async function run(
  tally: Tally,
  call: (i: number, worker: number) => Promise<void>,
  count = TRANSFERS,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        try {
          await call(i, worker);
          tally.ok++;
        } catch (error) {
          if (!isAzureError(error)) throw error;
          const key = `${error.name}:${error.code}`;
          tally.typedErrors[key] = (tally.typedErrors[key] ?? 0) + 1;
        }
        const took = performance.now() - started;
        tally.slowestInMs = Math.max(tally.slowestInMs, took);
        expect(took).toBeLessThan(CALL_BUDGET_IN_MS);
      }
    }),
  );
}

beforeAll(async () => {
  azurite = await startAzurite();
  const { port, accountName, accountKey, connectionString } = azurite.info;
  // The direct path has no injected faults; its retries only cover a stale keep-alive socket.
  direct = BlobServiceClient.fromConnectionString(connectionString, {
    retryTotal: 3,
    retryBackoffFactorInMs: 10,
  }).getContainerClient("faults");
  await direct.create();
  proxy = await startFaultProxy({
    target: `http://127.0.0.1:${port}`,
    decide: seededMix(SEED, { partialBody: 0.06, noResponse: 0.004 }),
    hangInMs: 10_000,
  });
  faulty = new BlobServiceClient(
    `${proxy.url}/${accountName}`,
    new StorageSharedKeyCredential(accountName, accountKey),
    {
      readTimeoutInMs: 2_000,
      retryTotal: 4,
      retryBackoffFactorInMs: 50,
      retryBackoffMaxInMs: 500,
    },
  ).getContainerClient("faults");
}, 60_000);

afterAll(async () => {
  const faults = proxy?.stats.faults;
  console.log(
    `fault transfers: ${proxy?.stats.requests} proxied requests, faults injected: ${JSON.stringify(faults)}`,
  );
  await proxy?.close();
  await azurite?.stop();
});

describe("transfers through a faulty network (seeded fault mix)", () => {
  it(`${TRANSFERS} downloads of a 9 MiB blob return identical bytes or a typed error`, async () => {
    await direct.getBlockBlobClient("source.bin").uploadData(base);
    const tally = newTally();
    await run(tally, async () => {
      const data = await faulty.getBlobClient("source.bin").downloadToBuffer(0, undefined, {
        blockSize: BLOCK_SIZE,
        concurrency: 4,
        maxRetryRequestsPerBlock: 5,
      });
      expect(data.length).toBe(BLOB_SIZE);
      expect(data.equals(base)).toBe(true);
      tally.bytesVerified += data.length;
    });
    console.log(`downloads: ${TRANSFERS} transfers, ${JSON.stringify(tally)}`);
    expect(tally.ok + Object.values(tally.typedErrors).reduce((a, b) => a + b, 0)).toBe(TRANSFERS);
    // Most calls come through; the rest must be typed errors (checked above). The share is not
    // higher because the 2 s read timeout also fires on healthy answers on a loaded 2-core machine
    // (28 of 200 uploads at load average 20).
    expect(tally.ok).toBeGreaterThan(TRANSFERS * 0.5);
  }, 300_000);

  it(`${TRANSFERS} uploads of a 9 MiB blob never leave a blob with bytes other than a source's`, async () => {
    await uploadsNeverMix("upload", TRANSFERS, (blob, data) =>
      blob.uploadData(data, { blockSize: BLOCK_SIZE, concurrency: 4, maxSingleShotSize: 0 }),
    );
  }, 300_000);

  // uploadFile reads its blocks from the file: a retried Put Block must re-send the same bytes, so a cut
  // request body must never store bytes other than the file's.
  it(`${FILE_TRANSFERS} uploadFile calls of a 9 MiB file never leave a blob with bytes other than a source's`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "azkit-fault-files-"));
    try {
      await uploadsNeverMix("upload-file", FILE_TRANSFERS, async (blob, data, i) => {
        const path = join(dir, `source-${i}.bin`);
        await writeFile(path, data);
        try {
          await blob.uploadFile(path, { blockSize: BLOCK_SIZE, concurrency: 4, maxSingleShotSize: 0 });
        } finally {
          await rm(path, { force: true });
        }
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/** Runs `count` uploads through the faulty proxy; reads every blob back directly to check it. */
async function uploadsNeverMix(
  prefix: string,
  count: number,
  upload: (blob: BlockBlobClient, data: Buffer, i: number) => Promise<unknown>,
): Promise<void> {
  const tally = newTally();
  /** Per blob name: the index of every source ever uploaded to it (what it may hold). */
  const uploaded = new Map<string, number[]>();
  await run(
    tally,
    async (i, worker) => {
      const name = `${prefix}-${worker}.bin`;
      const data = source(i);
      const may = uploaded.get(name) ?? [];
      uploaded.set(name, may);
      may.push(i);
      let failure: unknown;
      try {
        await upload(faulty.getBlockBlobClient(name), data, i);
      } catch (error) {
        failure = error;
      }
      // Read back directly (no proxy): a success stored exactly this source; a failure left the
      // blob as one of the sources uploaded before (or absent), never a mix.
      // One plain GET (no ranges pinned to an ETag): a late duplicate of a commit the client timed
      // out on may still land after the call returned and change the ETag, not the bytes.
      const stored = await direct
        .getBlobClient(name)
        .download()
        .then(async (response) => {
          const chunks: Buffer[] = [];
          for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) chunks.push(chunk);
          return Buffer.concat(chunks);
        })
        .catch((error: unknown) => {
          if (isResourceNotFoundError(error)) return undefined;
          throw new Error(`reading ${name} back directly failed`, { cause: error });
        });
      if (failure === undefined) {
        expect(stored?.equals(data)).toBe(true);
      } else if (stored !== undefined) {
        const digest = md5(stored);
        expect(may.some((j) => md5(source(j)) === digest)).toBe(true);
      }
      tally.bytesVerified += stored?.length ?? 0;
      if (failure !== undefined) throw failure;
    },
    count,
  );
  console.log(`${prefix}: ${count} transfers, ${JSON.stringify(tally)}`);
  // Most calls come through; the rest must be typed errors (checked above). The share is not
  // higher because the 2 s read timeout also fires on healthy answers on a loaded 2-core machine
  // (28 of 200 uploads at load average 20).
  expect(tally.ok).toBeGreaterThan(count * 0.5);
}
