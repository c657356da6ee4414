// How every storage sample gets its client: a connection string (AZURE_STORAGE_CONNECTION_STRING,
// which `pnpm samples` points at an embedded Azurite), or a real account URL
// (AZURE_STORAGE_ACCOUNT_URL) with DefaultAzureCredential (env vars, workload or managed identity, az login).
import { BlobServiceClient } from "@azkit/storage-blob";

export async function connect(): Promise<BlobServiceClient> {
  const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
  if (connectionString) return BlobServiceClient.fromConnectionString(connectionString);
  const accountUrl = process.env.AZURE_STORAGE_ACCOUNT_URL;
  if (!accountUrl) {
    throw new Error(
      "Set AZURE_STORAGE_CONNECTION_STRING (or UseDevelopmentStorage=true for a local Azurite), " +
        "or AZURE_STORAGE_ACCOUNT_URL to use DefaultAzureCredential.",
    );
  }
  const { DefaultAzureCredential } = await import("@azkit/identity");
  return new BlobServiceClient(accountUrl, new DefaultAzureCredential());
}
