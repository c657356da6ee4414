// Shared bits of the Azurite scenarios: the SDK client from the connection string, and the raw client
// used for setup (containers, source blobs) and as the "limit" side.
import { requireExport } from "../harness/loadPackage.mjs";
import { createRawBlobClient } from "../raw/rawBlobClient.mjs";

/** `BlobServiceClient.fromConnectionString(...)` of whichever SDK module is passed in. */
export function serviceClient(sdk, ctx) {
  const BlobServiceClient = requireExport(sdk, "storage-blob", "BlobServiceClient");
  return BlobServiceClient.fromConnectionString(ctx.env.azurite.connectionString);
}

/** @param {import("../harness/measure.mjs").Context} ctx */
export function rawClient(ctx, connections = 4) {
  return createRawBlobClient(ctx.env.azurite, connections);
}

/** Reads a Node readable stream to its end and returns the byte count. */
export async function drain(stream) {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}
