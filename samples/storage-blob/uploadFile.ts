// The guide's first example: upload a local file to Blob Storage as the signed-in identity, with
// DefaultAzureCredential (environment variables, workload or managed identity, or `az login`),
// and print the blob's URL. On Azure, the identity needs the "Storage Blob Data Contributor" role.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DefaultAzureCredential } from "@azkit/identity";
import { BlobServiceClient } from "@azkit/storage-blob";
import { storageAccountUrl, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{ url: string; size: number }> {
  // A local file to upload (yours already exists).
  const dir = await mkdtemp(join(tmpdir(), "azkit-sample-"));
  const path = join(dir, "sample-source.txt");
  await writeFile(path, "Hello, Azure!\n".repeat(10_000));

  // `await using` closes the credential (and its keep-alive sockets) when main returns, error or not.
  await using credential = new DefaultAzureCredential();
  const service = new BlobServiceClient(storageAccountUrl(), credential);
  const container = service.getContainerClient(uniqueName("samples-upload-"));
  await container.create();
  try {
    const blob = container.getBlockBlobClient("sample-blob.txt");
    await blob.uploadFile(path, { blobHTTPHeaders: { blobContentType: "text/plain" } });
    const { contentLength } = await blob.getProperties();
    console.log(`  uploaded ${contentLength} bytes to ${blob.url}`);
    return { url: blob.url, size: contentLength ?? 0 };
  } finally {
    await container.delete(); // the sample's own clean-up; your blob would stay
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
