// The floor of the transfer scenarios: client CPU of moving 256 MiB with no SDK at all, each
// measurement in a fresh process like the bench's transfer children (a cold process pays for
// first-touch page faults and an unoptimized receive loop; a warm one does not). Usage:
//   node src/profile/transferFloor.mjs [--rounds 3] [kind ...]
// kinds: get-one (one GET of the whole blob), get-ranges (8 MiB ranges, 4 at a time) through node:http
// with synchronous 'data' handlers, the same through Node's bundled undici (`undici-get-one`,
// `undici-get-ranges`), `...-copy` variants that copy each chunk into a 256 MiB buffer (what
// downloadToBuffer must do), get-one-file (one GET written in order to a file, as the peer's
// downloadToFile does), get-ranges-file / undici-get-ranges-file (each range's chunks written at their
// offset with a synchronous positioned write: azkit's downloadToFile design at its cheapest, no
// batching, no thread pool), and put-node / put-undici: 8 MiB Put Blocks, 4 at a time, from memory.
import { spawnSync } from "node:child_process";
import { closeSync, createWriteStream, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { accountSas, storageVersion } from "../raw/accountSas.mjs";
import { HttpRangeReader } from "../raw/httpRangeReader.mjs";
import { NodeHttpBlockWriter } from "../raw/nodeHttpBlockWriter.mjs";

// The bare process, before any transfer: peak RSS is reported above it, as the bench's children do.
const baselineRssMiB = process.memoryUsage.rss() / 1024 / 1024;
const bytes = 256 * 1024 * 1024;
const block = 8 * 1024 * 1024;
const concurrency = 4;
const allKinds = [
  "get-one",
  "get-one-file",
  "get-ranges",
  "get-ranges-copy",
  "get-ranges-file",
  "undici-get-one",
  "undici-get-ranges",
  "undici-get-ranges-copy",
  "undici-get-ranges-file",
  "put-node",
  "put-undici",
];

if (process.argv[2] === "--child") {
  await measureInChild(JSON.parse(process.env.TRANSFER_FLOOR_AZURITE), process.argv[3]);
} else {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: "string", default: "3" } },
  });
  const kinds = positionals.length ? positionals : allKinds;
  const { startAzurite } = await import("../harness/azurite.mjs");
  const { BlobServiceClient } = createRequire(import.meta.url)("@azure/storage-blob");
  const { info, stop } = await startAzurite();
  try {
    const container = BlobServiceClient.fromConnectionString(info.connectionString).getContainerClient(
      "floor",
    );
    await container.createIfNotExists();
    await container
      .getBlockBlobClient("source")
      .uploadData(Buffer.alloc(bytes, 7), { blockSize: block, concurrency });
    const azurite = {
      blobEndpoint: info.blobUrl,
      accountName: info.accountName,
      accountKey: info.accountKey,
    };
    const env = { ...process.env, TRANSFER_FLOOR_AZURITE: JSON.stringify(azurite) };
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const kind of kinds) {
        spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", kind], {
          env,
          stdio: "inherit",
        });
      }
    }
  } finally {
    await stop();
  }
}

async function measureInChild(azurite, kind) {
  if (!allKinds.includes(kind)) throw new Error(`unknown kind ${kind}; one of ${allKinds.join(", ")}`);
  const viaUndici = kind.includes("undici");
  const dispatcher = viaUndici ? await bundledUndici(azurite.blobEndpoint) : undefined;
  const sas = accountSas(azurite.accountName, azurite.accountKey);
  const reader = new HttpRangeReader(azurite, concurrency);
  const writer = new NodeHttpBlockWriter(azurite, concurrency);
  const data = kind.startsWith("put") ? Buffer.alloc(bytes, 5) : undefined; // allocated before the clock
  const destination = kind.endsWith("-copy") ? Buffer.allocUnsafe(bytes) : undefined;
  const filePath = join(tmpdir(), `transfer-floor-${process.pid}.bin`);
  const file = kind.endsWith("-one-file") ? createWriteStream(filePath) : undefined;
  const fd = kind.endsWith("-ranges-file") ? openSync(filePath, "w") : undefined;
  const sink = destination
    ? (chunk, position) => chunk.copy(destination, position)
    : file
      ? (chunk) => file.write(chunk)
      : fd !== undefined
        ? (chunk, position) => writeSync(fd, chunk, 0, chunk.length, position)
        : () => {};
  const get = (offset, count) => {
    let position = offset;
    const onChunk = (chunk) => {
      sink(chunk, position);
      position += chunk.length;
    };
    return viaUndici
      ? undiciGet(dispatcher, azurite, sas, offset, count, onChunk)
      : reader.read("floor", "source", offset, count, (chunk) => onChunk(chunk));
  };
  const put = (index) => {
    const body = data.subarray(index * block, (index + 1) * block);
    return viaUndici
      ? undiciPutBlock(dispatcher, azurite, sas, index, body)
      : writer.putBlock("floor", "up", blockIdOf(index), body);
  };
  const start = process.cpuUsage();
  if (kind.includes("get-one")) await get(0, bytes);
  else await inParallel(bytes / block, (i) => (kind.startsWith("put") ? put(i) : get(i * block, block)));
  if (file) await new Promise((resolve, reject) => file.end((error) => (error ? reject(error) : resolve())));
  if (fd !== undefined) closeSync(fd);
  const used = process.cpuUsage(start);
  if (file || fd !== undefined) rmSync(filePath, { force: true });
  reader.close();
  writer.close();
  // Like the bench's peak RSS row: above the bare process, less the data buffer the transfer is given.
  const heldMiB = destination || data ? bytes / 1024 / 1024 : 0;
  const rssMiB = peakRssMiB() - baselineRssMiB - heldMiB;
  console.log(
    `${kind.padEnd(24)} client CPU ${((used.user + used.system) / 1e6).toFixed(3)} s (system ${(used.system / 1e6).toFixed(3)} s), peak RSS ${rssMiB.toFixed(1)} MiB`,
  );
  process.exit(0);
}

/** The kernel's high-water mark of this process (Linux), as the bench's childMain reads it. */
function peakRssMiB() {
  const kib = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  return kib ? Number(kib[1]) / 1024 : Number.NaN;
}

/** Node's own undici (what core-http's undici engine uses), reached through its registered global dispatcher. */
async function bundledUndici(endpoint) {
  await fetch(endpoint).catch(() => {});
  return globalThis[Symbol.for("undici.globalDispatcher.1")];
}

function dispatch(dispatcher, options, onChunk) {
  return new Promise((resolve, reject) => {
    let status = 0;
    dispatcher.dispatch(options, {
      onConnect() {},
      onHeaders(code) {
        status = code;
        return true;
      },
      onData(chunk) {
        onChunk(chunk);
        return true;
      },
      onComplete: () => (status < 300 ? resolve() : reject(new Error(`${options.method}: ${status}`))),
      onError: reject,
    });
  });
}

function undiciGet(dispatcher, azurite, sas, offset, count, onChunk) {
  const url = new URL(`${azurite.blobEndpoint}/floor/source?${sas}`);
  const headers = { "x-ms-version": storageVersion, "x-ms-range": `bytes=${offset}-${offset + count - 1}` };
  return dispatch(
    dispatcher,
    { origin: url.origin, path: url.pathname + url.search, method: "GET", headers },
    onChunk,
  );
}

function undiciPutBlock(dispatcher, azurite, sas, index, body) {
  const url = new URL(
    `${azurite.blobEndpoint}/floor/up?comp=block&blockid=${encodeURIComponent(blockIdOf(index))}&${sas}`,
  );
  const headers = { "x-ms-version": storageVersion, "content-length": String(body.length) };
  return dispatch(
    dispatcher,
    { origin: url.origin, path: url.pathname + url.search, method: "PUT", headers, body },
    () => {},
  );
}

function blockIdOf(index) {
  return Buffer.from(String(index).padStart(6, "0")).toString("base64");
}

async function inParallel(total, task) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
