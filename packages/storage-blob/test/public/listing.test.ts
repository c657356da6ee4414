import { getContinuationToken } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerClient } from "../../src/index.js";
import { runInParallel } from "../../src/transfer/concurrencyLimit.js";
import { newContainer, serviceClient, uniqueName } from "../helpers/azurite.js";

// 2,000 blobs: 20 "directories" of 99 blobs each, plus 20 blobs at the root.
const DIRS = 20;
const PER_DIR = 99;
const ROOT = 20;
let container: ContainerClient;
const allNames: string[] = [];

beforeAll(async () => {
  container = await newContainer("list");
  for (let d = 0; d < DIRS; d++) {
    for (let i = 0; i < PER_DIR; i++)
      allNames.push(`dir${String(d).padStart(2, "0")}/blob${String(i).padStart(3, "0")}`);
  }
  for (let i = 0; i < ROOT; i++) allNames.push(`root${String(i).padStart(2, "0")}`);
  await runInParallel(allNames.length, 32, (i) =>
    container
      .getBlockBlobClient(allNames[i]!)
      .upload("x", 1)
      .then(() => undefined),
  );
}, 120_000);

afterAll(async () => {
  await container.deleteIfExists();
});

describe("ContainerClient.listBlobsFlat", () => {
  it("lists all 2,000 blobs in name order with for await", async () => {
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names).toHaveLength(2000);
    expect(names).toEqual([...allNames].sort());
  });

  it("pages with maxPageSize and resumes from a continuation token", async () => {
    const pages = [];
    for await (const page of container.listBlobsFlat().byPage({ maxPageSize: 300 })) pages.push(page);
    expect(pages.map((p) => p.segment.blobItems.length)).toEqual([300, 300, 300, 300, 300, 300, 200]);
    expect(pages[0]!.continuationToken).toBeTruthy();
    expect(pages.at(-1)!.continuationToken).toBeUndefined();
    const token = pages[2]!.continuationToken!;
    expect(getContinuationToken(pages[2])).toBe(token);
    const resumed = container.listBlobsFlat().byPage({ continuationToken: token, maxPageSize: 300 });
    const next = (await resumed.next()).value!;
    expect(next.segment.blobItems[0]!.name).toBe(pages[3]!.segment.blobItems[0]!.name);
  });

  it("filters by prefix and includes metadata and tags when asked", async () => {
    const blob = container.getBlockBlobClient("zz-meta");
    await blob.upload("m", 1, { metadata: { Color: "red" }, tags: { k: "v" } });
    const items = [];
    for await (const item of container.listBlobsFlat({
      prefix: "zz-",
      includeMetadata: true,
      includeTags: true,
    })) {
      items.push(item);
    }
    expect(items).toHaveLength(1);
    expect(items[0]!.metadata).toEqual({ Color: "red" });
    expect(items[0]!.tags).toEqual({ k: "v" });
    expect(items[0]!.properties.contentLength).toBe(1);
    expect(items[0]!.properties.blobType).toBe("BlockBlob");
    await blob.delete();
  });
});

describe("ContainerClient.listBlobsByHierarchy", () => {
  it("yields prefixes for directories and blobs at the level", async () => {
    const items = [];
    for await (const item of container.listBlobsByHierarchy("/")) items.push(item);
    const prefixes = items.filter((i) => i.kind === "prefix").map((i) => i.name);
    const blobs = items.filter((i) => i.kind === "blob").map((i) => i.name);
    expect(prefixes).toHaveLength(DIRS);
    expect(prefixes[0]).toBe("dir00/");
    expect(blobs).toHaveLength(ROOT);
  });

  it("walks the whole tree of 2,000 blobs directory by directory, page by page", async () => {
    const seen: string[] = [];
    const walk = async (prefix: string): Promise<void> => {
      for await (const page of container.listBlobsByHierarchy("/", { prefix }).byPage({ maxPageSize: 50 })) {
        for (const p of page.segment.blobPrefixes ?? []) await walk(p.name);
        for (const b of page.segment.blobItems) seen.push(b.name);
      }
    };
    await walk("");
    expect(seen).toHaveLength(2000);
    expect(seen.sort()).toEqual([...allNames].sort());
  });

  it("lists inside one directory page by page", async () => {
    const sizes: number[] = [];
    for await (const page of container
      .listBlobsByHierarchy("/", { prefix: "dir07/" })
      .byPage({ maxPageSize: 40 })) {
      sizes.push(page.segment.blobItems.length);
      expect(page.segment.blobPrefixes).toEqual([]);
    }
    expect(sizes).toEqual([40, 40, 19]);
  });
});

describe("BlobServiceClient.listContainers", () => {
  it("lists containers by prefix with metadata, page by page", async () => {
    const service = serviceClient();
    const prefix = uniqueName("lc");
    for (let i = 0; i < 5; i++)
      await service.createContainer(`${prefix}-${i}`, { metadata: { index: String(i) } });
    const names: string[] = [];
    let pageCount = 0;
    for await (const page of service
      .listContainers({ prefix, includeMetadata: true })
      .byPage({ maxPageSize: 2 })) {
      pageCount++;
      for (const c of page.containerItems) {
        names.push(c.name);
        expect(c.metadata).toEqual({ index: c.name.slice(-1) });
        expect(c.properties.etag).toBeTruthy();
      }
    }
    expect(pageCount).toBe(3);
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
    for (const name of names) await service.deleteContainer(name);
  });
});
