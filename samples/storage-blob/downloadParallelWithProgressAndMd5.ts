// Download a blob to a file with parallel ranged GETs, a progress bar and an MD5 check.
// Connects as connect.ts says: an embedded Azurite under `pnpm samples`, or your account.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "./connect.js";

function progressBar(total: number): (progress: { loadedBytes: number }) => void {
  let shown = -1;
  return ({ loadedBytes }) => {
    const tenths = Math.floor((loadedBytes / total) * 10);
    if (tenths === shown) return;
    shown = tenths;
    console.log(`  [${"#".repeat(tenths).padEnd(10, ".")}] ${Math.round((loadedBytes / total) * 100)}%`);
  };
}

export async function main(): Promise<{ bytes: number; md5Matches: boolean }> {
  const service = await connect();
  const container = service.getContainerClient(`samples-download-${Date.now()}`);
  await container.createIfNotExists();

  // Something to download: 24 MiB, stored with its MD5.
  const data = randomBytes(24 * 1024 * 1024);
  const blob = container.getBlockBlobClient("video.bin");
  await blob.uploadData(data, { computeMD5: true });

  const dir = await mkdtemp(join(tmpdir(), "azkit-sample-"));
  const target = join(dir, "video.bin");
  const size = (await blob.getProperties()).contentLength ?? 0;
  await blob.downloadToFile(target, 0, undefined, {
    blockSize: 4 * 1024 * 1024, // ranges of 4 MiB (each verified by its own range MD5)...
    concurrency: 4, // ...four in flight, written at their offsets: the file is never held in memory
    verifyMD5: true, // and the whole file checked against the stored Content-MD5
    onProgress: progressBar(size),
  });

  const local = createHash("md5")
    .update(await readFile(target))
    .digest("hex");
  const md5Matches = local === createHash("md5").update(data).digest("hex");
  console.log(`  downloaded ${size} bytes to ${target}; MD5 ${md5Matches ? "matches" : "DIFFERS"}`);

  await container.delete();
  await rm(dir, { recursive: true, force: true });
  return { bytes: size, md5Matches };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
