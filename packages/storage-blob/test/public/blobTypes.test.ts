import { isResourceModifiedError } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import type { ContainerClient } from "../../src/index.js";
import { containerPerFile, serviceClient } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("types", (c) => {
  container = c;
});

describe("AppendBlobClient", () => {
  it("creates, appends in order with position conditions, and seals", async () => {
    const log = container.getAppendBlobClient("app.log");
    expect((await log.createIfNotExists()).succeeded).toBe(true);
    expect((await log.createIfNotExists()).succeeded).toBe(false);
    const first = await log.appendBlock("one\n", 4);
    expect(first.blobAppendOffset).toBe("0");
    const second = await log.appendBlock("two\n", 4, { conditions: { appendPosition: 4 } });
    expect(second.blobAppendOffset).toBe("4");
    expect(second.blobCommittedBlockCount).toBe(2);
    const wrongPosition = await log
      .appendBlock("x", 1, { conditions: { appendPosition: 3 } })
      .catch((e: unknown) => e);
    expect(isResourceModifiedError(wrongPosition)).toBe(true);
    expect((await log.downloadToBuffer()).toString()).toBe("one\ntwo\n");
    await log.seal();
    expect((await log.getProperties()).isSealed).toBe(true);
    const sealed = await log.appendBlock("late", 4).catch((e: unknown) => e);
    expect((sealed as { statusCode: number }).statusCode).toBe(409);
  });
});

describe("PageBlobClient", () => {
  it("creates, uploads and clears pages, lists ranges and resizes", async () => {
    const disk = container.getPageBlobClient("disk.vhd");
    await disk.create(4096);
    await disk.uploadPages(Buffer.alloc(1024, 1), 0, 1024);
    await disk.uploadPages(Buffer.alloc(512, 2), 2048, 512);
    const ranges = await disk.getPageRanges();
    expect(ranges.pageRange).toEqual([
      { start: 0, end: 1023 },
      { start: 2048, end: 2559 },
    ]);
    await disk.clearPages(0, 512);
    expect((await disk.getPageRanges()).pageRange[0]).toEqual({ start: 512, end: 1023 });
    const content = await disk.downloadToBuffer(0, 2560);
    expect(content.subarray(0, 512).every((b) => b === 0)).toBe(true);
    expect(content.subarray(512, 1024).every((b) => b === 1)).toBe(true);
    expect(content.subarray(2048, 2560).every((b) => b === 2)).toBe(true);
    await disk.resize(8192);
    expect((await disk.getProperties()).contentLength).toBe(8192);
  });

  it("refuses unaligned pages before sending", async () => {
    const disk = container.getPageBlobClient("unaligned.vhd");
    await expect(disk.uploadPages(Buffer.alloc(100), 0, 100)).rejects.toThrow(/512-byte aligned/);
  });
});

describe("BlobServiceClient", () => {
  it("reports account information", async () => {
    const info = await serviceClient().getAccountInfo();
    expect(info.skuName).toBeTruthy();
    expect(info.accountKind).toBeTruthy();
  });

  it("finds blobs by tags across containers", async () => {
    const blob = container.getBlockBlobClient("findable");
    await blob.upload("f", 1, { tags: { project: "azkit-find", stage: "test" } });
    const found = [];
    for await (const item of serviceClient().findBlobsByTags(`"project"='azkit-find'`)) found.push(item);
    expect(found.map((f) => [f.containerName, f.name])).toEqual([[container.containerName, "findable"]]);
  });

  it("finds blobs by tags within one container", async () => {
    await container
      .getBlockBlobClient("in-container-tagged")
      .upload("f", 1, { tags: { scope: "container-find" } });
    const found = [];
    for await (const item of container.findBlobsByTags(`"scope"='container-find'`)) found.push(item.name);
    expect(found).toEqual(["in-container-tagged"]);
  });

  it("creates and deletes containers through the service client", async () => {
    const service = serviceClient();
    const { containerClient } = await service.createContainer(`${container.containerName}-svc`);
    expect(await containerClient.exists()).toBe(true);
    await service.deleteContainer(containerClient.containerName);
    expect(await containerClient.exists()).toBe(false);
  });

  it("is built from UseDevelopmentStorage=true for Azurite's default endpoint", () => {
    const service = serviceClient().constructor as typeof import("../../src/index.js").BlobServiceClient;
    const dev = service.fromConnectionString("UseDevelopmentStorage=true");
    expect(dev.url).toBe("http://127.0.0.1:10000/devstoreaccount1");
    expect(dev.accountName).toBe("devstoreaccount1");
  });
});

describe("BlobServiceClient properties", () => {
  it("sets CORS rules and static website settings and reads them back", async () => {
    const service = serviceClient();
    const before = await service.getProperties();
    await service.setProperties({
      cors: [
        {
          allowedOrigins: "https://example.com",
          allowedMethods: "GET,PUT",
          allowedHeaders: "x-ms-meta-*",
          exposedHeaders: "x-ms-request-id",
          maxAgeInSeconds: 600,
        },
      ],
      staticWebsite: { enabled: true, indexDocument: "index.html", errorDocument404Path: "404.html" },
    });
    const after = await service.getProperties();
    expect(after.cors).toEqual([
      {
        allowedOrigins: "https://example.com",
        allowedMethods: "GET,PUT",
        allowedHeaders: "x-ms-meta-*",
        exposedHeaders: "x-ms-request-id",
        maxAgeInSeconds: 600,
      },
    ]);
    expect(after.staticWebsite).toMatchObject({ enabled: true, indexDocument: "index.html" });
    expect(after.hourMetrics?.enabled).toBe(before.hourMetrics?.enabled);
    await service.setProperties({ cors: [], staticWebsite: { enabled: false } });
    expect((await service.getProperties()).cors ?? []).toEqual([]);
  });
});
