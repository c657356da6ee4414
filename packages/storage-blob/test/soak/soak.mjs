// Soak (issue #17; `pnpm test:soak`, not in CI): 10,000 mixed blob operations through
// tools/fault-proxy (seeded: partial bodies, no response, 429/503/500, slow drips) in front of its
// own Azurite. Passes when every operation returned the right data or a typed error, the heap
// after GC at the end is within 10% of its value after the first 1,000 operations, and no socket
// or timer is left once the proxy, Azurite and the client are closed.
// Runs the built package: `pnpm --filter @azkit/storage-blob build` first (the root script does).
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { isAzureError } from "@azkit/core-http";
import { startAzurite } from "azurite-runner";
import { seededMix, seededRandom, startFaultProxy } from "fault-proxy";
import { BlobServiceClient, StorageSharedKeyCredential } from "../../dist/esm/index.js";

const OPERATIONS = Number(process.env.SOAK_OPERATIONS ?? 10_000);
const WARMUP = Math.min(1_000, Math.floor(OPERATIONS / 10));
const CONCURRENCY = 16;
const SEED = Number(process.env.SOAK_SEED ?? 17);

if (typeof globalThis.gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}

const resourcesBefore = countResources();
const started = performance.now();
const azurite = await startAzurite();
const { port, accountName, accountKey, connectionString } = azurite.info;
const proxy = await startFaultProxy({
  target: `http://127.0.0.1:${port}`,
  decide: seededMix(SEED, { partialBody: 0.03, noResponse: 0.003, status: 0.03, slowDrip: 0.01 }),
  hangInMs: 3_000,
});
const setup = BlobServiceClient.fromConnectionString(connectionString, { retryTotal: 0 });
await setup.getContainerClient("soak").create();
const container = new BlobServiceClient(
  `${proxy.url}/${accountName}`,
  new StorageSharedKeyCredential(accountName, accountKey),
  {
    readTimeoutInMs: 1_000,
    retryTotal: 3,
    retryBackoffFactorInMs: 20,
    retryBackoffMaxInMs: 200,
  },
).getContainerClient("soak");

const random = seededRandom(SEED);
const expected = new Map();
const outcomes = { ok: 0, typed: {}, wrongData: 0 };
let heapAfterWarmup;

/** Names in use: one operation per blob at a time, so what a download expects is well defined. */
const busy = new Set();

async function operation() {
  const name = `b${Math.floor(random() * 64)}.bin`;
  if (busy.has(name)) return;
  busy.add(name);
  try {
    await operationOn(name);
  } finally {
    busy.delete(name);
  }
}

async function operationOn(name) {
  const blob = container.getBlockBlobClient(name);
  const roll = random();
  if (roll < 0.3) {
    const data = randomBytes(1 + Math.floor(random() * 64 * 1024));
    expected.delete(name);
    await blob.uploadData(data, { blockSize: 16 * 1024, maxSingleShotSize: 32 * 1024, concurrency: 2 });
    expected.set(name, data);
  } else if (roll < 0.6) {
    const want = expected.get(name);
    if (!want) return;
    const got = await blob.downloadToBuffer(0, undefined, { blockSize: 16 * 1024, concurrency: 2 });
    if (!got.equals(want)) outcomes.wrongData++;
  } else if (roll < 0.7) {
    const want = expected.get(name);
    if (!want) return;
    const response = await blob.download(0, undefined, { maxRetryRequests: 3 });
    const chunks = [];
    for await (const chunk of response.readableStreamBody) chunks.push(chunk);
    if (!Buffer.concat(chunks).equals(want)) outcomes.wrongData++;
  } else if (roll < 0.8) {
    await blob.getProperties();
  } else if (roll < 0.87) {
    await blob.setMetadata({ n: String(Math.floor(random() * 1000)) });
  } else if (roll < 0.95) {
    const iterator = container.listBlobsFlat({ includeMetadata: true }).byPage({ maxPageSize: 20 });
    await iterator.next();
  } else {
    expected.delete(name);
    await blob.deleteIfExists();
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < OPERATIONS) {
      const index = next++;
      try {
        await operation();
        outcomes.ok++;
      } catch (error) {
        if (!isAzureError(error)) throw error;
        outcomes.typed[`${error.name}:${error.code}`] =
          (outcomes.typed[`${error.name}:${error.code}`] ?? 0) + 1;
      }
      if (index === WARMUP) {
        globalThis.gc();
        heapAfterWarmup = process.memoryUsage().heapUsed;
      }
    }
  }),
);
globalThis.gc();
await sleep(100);
globalThis.gc();
const heapAtEnd = process.memoryUsage().heapUsed;

await proxy.close();
await azurite.stop();
await sleep(500);
const resourcesAfter = countResources();
const leftOver = Object.entries(resourcesAfter)
  .filter(([type, count]) => count > (resourcesBefore[type] ?? 0))
  .map(([type, count]) => `${type} x${count - (resourcesBefore[type] ?? 0)}`);

const growth = heapAtEnd / heapAfterWarmup - 1;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  [
    `soak: ${OPERATIONS} operations in ${seconds} s (seed ${SEED}, ${CONCURRENCY} at once)`,
    `  ok ${outcomes.ok}, typed errors ${JSON.stringify(outcomes.typed)}, wrong data ${outcomes.wrongData}`,
    `  proxied requests ${proxy.stats.requests}, faults injected ${JSON.stringify(proxy.stats.faults)}`,
    `  heap after GC: ${(heapAfterWarmup / 1e6).toFixed(1)} MB after ${WARMUP} operations, ${(heapAtEnd / 1e6).toFixed(1)} MB at the end (${(growth * 100).toFixed(1)}%)`,
    `  handles left: ${leftOver.length === 0 ? "none" : leftOver.join(", ")}`,
  ].join("\n"),
);
const failed = outcomes.wrongData > 0 || growth > 0.1 || leftOver.length > 0;
process.exit(failed ? 1 : 0);

function countResources() {
  const counts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
