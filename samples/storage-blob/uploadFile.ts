// Upload a local file to Blob Storage (async), then read its properties back.
// Connects as connect.ts says: an embedded Azurite under `pnpm samples`, or your account.
// Run alone: `AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true npx tsx uploadFile.ts`
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "./connect.js";

export async function main(): Promise<{ container: string; blob: string; size: number }> {
  const service = await connect();
  const container = service.getContainerClient(`samples-upload-${Date.now()}`);
  await container.createIfNotExists();

  // A local file to upload (yours would already exist).
  const dir = await mkdtemp(join(tmpdir(), "azkit-sample-"));
  const path = join(dir, "report.bin");
  await writeFile(path, randomBytes(10 * 1024 * 1024));

  const blob = container.getBlockBlobClient("reports/report.bin");
  await blob.uploadFile(path, {
    blockSize: 4 * 1024 * 1024, // files above maxSingleShotSize go up as 4 MiB blocks...
    maxSingleShotSize: 8 * 1024 * 1024,
    concurrency: 4, // ...four at a time, never more than 16 MiB in memory
    computeMD5: true, // each block checked by the service, the whole-file MD5 stored
    blobHTTPHeaders: { blobContentType: "application/octet-stream" },
    metadata: { source: "uploadFile sample" },
  });

  const properties = await blob.getProperties();
  console.log(`  uploaded ${blob.name}: ${properties.contentLength} bytes, etag ${properties.etag}`);

  await container.delete();
  await rm(dir, { recursive: true, force: true });
  return { container: container.containerName, blob: blob.name, size: properties.contentLength ?? 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
