// List containers and blobs: item by item with `for await`, page by page with
// `byPage({ maxPageSize })`, stopping and resuming later from a continuation token, and as a tree
// of virtual directories with a delimiter.
import { DefaultAzureCredential } from "@azkit/identity";
import { BlobServiceClient } from "@azkit/storage-blob";
import { storageAccountUrl, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{
  containers: string[];
  pages: number[];
  resumedNames: string[];
  topLevel: string[];
  underC: string[];
}> {
  await using credential = new DefaultAzureCredential();
  const service = new BlobServiceClient(storageAccountUrl(), credential);
  const prefix = uniqueName("samples-list-");
  const container = service.getContainerClient(prefix);
  await container.create({ metadata: { purpose: "listing sample" } });
  try {
    for (const name of ["a/1.txt", "a/2.txt", "b/1.txt", "readme.txt", "c/d/deep.txt"]) {
      await container.getBlockBlobClient(name).uploadData(Buffer.from(name));
    }

    // 1. Item by item: the iterator fetches the next page when it needs one.
    const containers: string[] = [];
    for await (const item of service.listContainers({ prefix, includeMetadata: true })) {
      containers.push(item.name);
      console.log(`  container ${item.name} ${JSON.stringify(item.metadata)}`);
    }

    // 2. Page by page, two blobs a page; stop after the first page and keep its continuation token
    //    (in a database, a URL, a queue message)...
    const pages: number[] = [];
    let token: string | undefined;
    for await (const page of container.listBlobsFlat().byPage({ maxPageSize: 2 })) {
      pages.push(page.segment.blobItems.length);
      console.log(
        `  page 1: ${page.segment.blobItems.map((b) => b.name).join(", ")}; token ${page.continuationToken}`,
      );
      token = page.continuationToken;
      break;
    }
    // ...then, later (another request, another process), resume where it stopped.
    const resumedNames: string[] = [];
    for await (const page of container.listBlobsFlat().byPage({ continuationToken: token, maxPageSize: 2 })) {
      pages.push(page.segment.blobItems.length);
      resumedNames.push(...page.segment.blobItems.map((b) => b.name));
      console.log(`  page ${pages.length}: ${page.segment.blobItems.map((b) => b.name).join(", ")}`);
    }

    // 3. As a tree: with the delimiter "/", names sharing a prefix come back once, as a directory.
    const topLevel: string[] = [];
    for await (const item of container.listBlobsByHierarchy("/")) {
      topLevel.push(item.name);
      console.log(`  ${item.kind === "prefix" ? "dir " : "blob"} ${item.name}`);
    }
    const underC: string[] = [];
    for await (const item of container.listBlobsByHierarchy("/", { prefix: "c/" })) underC.push(item.name);
    console.log(`  inside c/: ${underC.join(", ")}`);
    return { containers, pages, resumedNames, topLevel, underC };
  } finally {
    await container.delete();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
