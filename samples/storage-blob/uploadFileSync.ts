// The same upload on the blocking surface: `@azkit/identity/sync` and `@azkit/storage-blob/sync`
// have the same classes and methods, but each call returns its result (no await): for scripts and CLIs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DefaultAzureCredential } from "@azkit/identity/sync";
import { BlobServiceClient } from "@azkit/storage-blob/sync";
import { storageAccountUrl, uniqueName } from "../azureOrEmulator.js";

export function main(): { url: string; size: number; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "azkit-sample-"));
  const path = join(dir, "sample-source.txt");
  writeFileSync(path, "Hello, Azure!\n".repeat(10_000));

  const credential = new DefaultAzureCredential();
  try {
    const service = new BlobServiceClient(storageAccountUrl(), credential);
    const container = service.getContainerClient(uniqueName("samples-sync-"));
    container.create();
    try {
      const blob = container.getBlockBlobClient("sample-blob.txt");
      blob.uploadFile(path); // returns when the upload is done
      const size = blob.getProperties().contentLength ?? 0;
      // Lists are plain iterables on the sync surface.
      const names = [...container.listBlobsFlat()].map((item) => item.name);
      console.log(
        `  uploaded ${size} bytes (blocking) to ${blob.url}; the container holds ${names.join(", ")}`,
      );
      return { url: blob.url, size, names };
    } finally {
      container.delete();
    }
  } finally {
    credential.close(); // releases its sockets; a sync close blocks until done
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
