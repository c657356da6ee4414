// Clients against the Azurite started by the global setup, and unique names per test.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { BlobServiceClient, type ContainerClient, StorageSharedKeyCredential } from "../../src/index.js";

export function azurite() {
  return inject("azurite");
}

export function serviceClient(): BlobServiceClient {
  const { blobUrl, accountName, accountKey } = azurite();
  return new BlobServiceClient(blobUrl, new StorageSharedKeyCredential(accountName, accountKey), {
    retryTotal: 0,
  });
}

export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString("hex")}`.toLowerCase();
}

/** A fresh container for one test file. */
export async function newContainer(prefix = "c"): Promise<ContainerClient> {
  const container = serviceClient().getContainerClient(uniqueName(prefix));
  await container.create();
  return container;
}

/** A fresh container for the test file: created before its tests and handed to `use`, deleted after them. */
export function containerPerFile(prefix: string, use: (container: ContainerClient) => void): void {
  let container: ContainerClient | undefined;
  beforeAll(async () => {
    container = await newContainer(prefix);
    use(container);
  });
  afterAll(async () => {
    await container?.deleteIfExists();
  });
}
