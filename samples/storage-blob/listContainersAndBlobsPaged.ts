// List containers and blobs with `for await`, by virtual directory, and page by page with a
// continuation token you could store and resume from later.
// Connects as connect.ts says: an embedded Azurite under `pnpm samples`, or your account.
import { connect } from "./connect.js";

export async function main(): Promise<{
  containers: string[];
  blobs: number;
  pages: number[];
  directories: string[];
}> {
  const service = await connect();
  const prefix = `samples-list-${Date.now()}`;
  const container = service.getContainerClient(prefix);
  await container.createIfNotExists();
  for (const name of ["a/1.txt", "a/2.txt", "b/1.txt", "readme.txt", "c/d/deep.txt"]) {
    await container.getBlockBlobClient(name).uploadData(Buffer.from(name));
  }

  // Every container (with metadata), one at a time.
  const containers: string[] = [];
  for await (const item of service.listContainers({ prefix, includeMetadata: true }))
    containers.push(item.name);
  console.log(`  containers: ${containers.join(", ")}`);

  // Blobs as a tree: "directories" (prefixes) and blobs at the top level.
  const directories: string[] = [];
  for await (const item of container.listBlobsByHierarchy("/")) {
    if (item.kind === "prefix") directories.push(item.name);
    console.log(`  ${item.kind === "prefix" ? "dir " : "blob"} ${item.name}`);
  }

  // Page by page: two blobs per page; keep the token to resume later.
  const pages: number[] = [];
  let token: string | undefined;
  for await (const page of container.listBlobsFlat().byPage({ maxPageSize: 2 })) {
    pages.push(page.segment.blobItems.length);
    token = page.continuationToken;
    if (pages.length === 1) break; // stop after the first page...
  }
  // ...and resume from the token.
  for await (const page of container.listBlobsFlat().byPage({ continuationToken: token, maxPageSize: 2 })) {
    pages.push(page.segment.blobItems.length);
  }
  console.log(`  pages of blobs: ${pages.join(" + ")}`);

  await container.delete();
  return { containers, blobs: pages.reduce((a, b) => a + b, 0), pages, directories };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
