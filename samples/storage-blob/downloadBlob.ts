// Download a blob three ways: to a file with parallel ranged GETs, a progress bar (cli-progress) and
// an MD5 check; into a Buffer; and as a stream you read chunk by chunk.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DefaultAzureCredential } from "@azkit/identity";
import { BlobServiceClient } from "@azkit/storage-blob";
import cliProgress from "cli-progress";
import { storageAccountUrl, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{
  bytes: number;
  md5Matches: { file: boolean; buffer: boolean; stream: boolean };
}> {
  await using credential = new DefaultAzureCredential();
  const service = new BlobServiceClient(storageAccountUrl(), credential);
  const container = service.getContainerClient(uniqueName("samples-download-"));
  await container.create();
  const dir = await mkdtemp(join(tmpdir(), "azkit-sample-"));
  try {
    // Something to download: 16 MiB, stored with its MD5 (Content-MD5).
    const data = randomBytes(16 * 1024 * 1024);
    const blob = container.getBlockBlobClient("video.bin");
    await blob.uploadData(data, { computeMD5: true });
    const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

    // 1. To a file: 4 MiB ranges, four in flight, written at their offsets (the file is never held
    //    in memory), each range checked by its own MD5 and the whole file against the stored one.
    const target = join(dir, "video.bin");
    const bar = new cliProgress.SingleBar(
      {
        format: "  [{bar}] {percentage}% {value}/{total} bytes",
        noTTYOutput: true,
        notTTYSchedule: 100,
        stream: process.stdout,
      },
      cliProgress.Presets.legacy,
    );
    bar.start(data.length, 0);
    await blob.downloadToFile(target, 0, undefined, {
      blockSize: 4 * 1024 * 1024,
      concurrency: 4,
      verifyMD5: true, // a mismatch throws BlobIntegrityError
      onProgress: ({ loadedBytes }) => bar.update(loadedBytes),
    });
    bar.stop();
    const file = md5(await readFile(target)) === md5(data);
    console.log(`  to a file: ${target}, MD5 ${file ? "matches" : "DIFFERS"}`);

    // 2. Into a Buffer (parallel too): for data you process in memory.
    const buffer = await blob.downloadToBuffer(0, undefined, { blockSize: 4 * 1024 * 1024, concurrency: 4 });
    const inBuffer = md5(buffer) === md5(data);
    console.log(`  into a Buffer: ${buffer.length} bytes, MD5 ${inBuffer ? "matches" : "DIFFERS"}`);

    // 3. As a stream: one GET, read as it arrives (pipe it anywhere; here, hash it).
    const response = await blob.download();
    const hash = createHash("md5");
    let streamBytes = 0;
    for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) {
      hash.update(chunk);
      streamBytes += chunk.length;
    }
    const stream = streamBytes === data.length && hash.digest("hex") === md5(data);
    console.log(`  as a stream: ${streamBytes} bytes, MD5 ${stream ? "matches" : "DIFFERS"}`);
    return { bytes: data.length, md5Matches: { file, buffer: inBuffer, stream } };
  } finally {
    await container.delete();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
