// The same upload with the blocking surface: `@azkit/storage-blob/sync` has the same classes and
// methods, but every call returns its result directly (no await) — handy in scripts and CLIs.
// Connects with AZURE_STORAGE_CONNECTION_STRING (an embedded Azurite under `pnpm samples`).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlobServiceClient } from "@azkit/storage-blob/sync";

export function main(): { size: number; names: string[] } {
  const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error("Set AZURE_STORAGE_CONNECTION_STRING (UseDevelopmentStorage=true for Azurite).");
  const service = BlobServiceClient.fromConnectionString(connectionString);
  const container = service.getContainerClient(`samples-sync-${Date.now()}`);
  container.createIfNotExists();

  const dir = mkdtempSync(join(tmpdir(), "azkit-sample-"));
  const path = join(dir, "notes.txt");
  writeFileSync(path, randomBytes(64 * 1024).toString("hex"));

  const blob = container.getBlockBlobClient("notes/notes.txt");
  blob.uploadFile(path, { blockSize: 32 * 1024, concurrency: 2 }); // blocks until done
  const size = blob.getProperties().contentLength ?? 0;

  // Lists are plain iterables on the sync surface.
  const names: string[] = [];
  for (const item of container.listBlobsFlat()) names.push(item.name);
  console.log(`  uploaded ${size} bytes; the container holds ${names.join(", ")}`);

  container.delete();
  rmSync(dir, { recursive: true, force: true });
  return { size, names };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
