import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { isClientAuthenticationError, isResourceNotFoundError } from "@azkit/core-http";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AccountSASPermissions,
  BlobClient,
  BlobServiceClient,
  ContainerClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
} from "../../src/sync.js";
import { azurite, uniqueName } from "../helpers/azurite.js";

// The sync entry runs the built async package in core-http's sync-bridge worker: run
// `pnpm build` before this file (turbo's test task depends on build).
describe("@azkit/storage-blob/sync", () => {
  it("creates a container, uploads, lists page by page and downloads, blocking", () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const container = service.getContainerClient(uniqueName("sync"));
    container.create();
    expect(container.exists()).toBe(true);
    const blob = container.getBlockBlobClient("hello.txt");
    blob.uploadData(Buffer.from("hello sync"));
    for (let i = 0; i < 5; i++) container.getBlockBlobClient(`n${i}`).uploadData(Buffer.from("x"));
    const names: string[] = [];
    for (const item of container.listBlobsFlat()) names.push(item.name);
    expect(names).toEqual(["hello.txt", "n0", "n1", "n2", "n3", "n4"]);
    const pages: number[] = [];
    for (const page of container.listBlobsFlat().byPage({ maxPageSize: 4 }))
      pages.push(page.segment.blobItems.length);
    expect(pages).toEqual([4, 2]);
    expect(Buffer.from(blob.downloadToBuffer()).toString()).toBe("hello sync");
    container.delete();
  });

  it("accepts a StorageSharedKeyCredential and raises the same error classes", () => {
    const { blobUrl, accountName, accountKey } = azurite();
    const container = new ContainerClient(
      `${blobUrl}/${uniqueName("missing")}`,
      new StorageSharedKeyCredential(accountName, accountKey),
    );
    let error: unknown;
    try {
      container.getProperties();
    } catch (e) {
      error = e;
    }
    expect(isResourceNotFoundError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("ContainerNotFound");
  });

  it("signs with a StorageSharedKeyCredential built on the calling thread", () => {
    const { blobUrl, accountName, accountKey } = azurite();
    const service = new BlobServiceClient(blobUrl, new StorageSharedKeyCredential(accountName, accountKey));
    const container = service.getContainerClient(uniqueName("synckey"));
    container.create();
    const blob = container.getBlockBlobClient("signed.txt");
    blob.upload("signed", 6);
    expect(Buffer.from(blob.downloadToBuffer(Buffer.alloc(6))).toString()).toBe("signed");
    container.delete();
  });

  it("fails with 403 when the StorageSharedKeyCredential holds the wrong key", () => {
    const { blobUrl, accountName } = azurite();
    const wrongKey = Buffer.alloc(64, 7).toString("base64");
    const service = new BlobServiceClient(blobUrl, new StorageSharedKeyCredential(accountName, wrongKey), {
      retryTotal: 0,
    });
    const container = service.getContainerClient(uniqueName("syncwrong"));
    let error: unknown;
    try {
      container.create();
    } catch (e) {
      error = e;
    }
    expect(isClientAuthenticationError(error)).toBe(true);
    expect((error as { statusCode: number }).statusCode).toBe(403);
    expect((error as { code: string }).code).toBe("AuthorizationFailure");
  });

  it("downloads a blob stored with Content-Encoding: gzip as its stored bytes", () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const container = service.getContainerClient(uniqueName("syncgzip"));
    container.create();
    const gzipped = gzipSync(Buffer.alloc(64 * 1024, "z"));
    const blob = container.getBlockBlobClient("stored.gz");
    blob.uploadData(gzipped, { blobHTTPHeaders: { blobContentEncoding: "gzip" } });
    const data = Buffer.from(blob.downloadToBuffer(0, undefined, { blockSize: 16, concurrency: 2 }));
    expect(data.equals(gzipped)).toBe(true);
    container.delete();
  });

  it("types every constructor and method overload of the async classes", () => {
    expectTypeOf(ContainerClient).toBeConstructibleWith("https://a.blob.core.windows.net/c");
    expectTypeOf(ContainerClient).toBeConstructibleWith(
      "https://a.blob.core.windows.net/c",
      new StorageSharedKeyCredential("a", "a2V5"),
    );
    expectTypeOf(ContainerClient).toBeConstructibleWith("UseDevelopmentStorage=true", "c", { retryTotal: 0 });
    expectTypeOf(BlobClient).toBeConstructibleWith("UseDevelopmentStorage=true", "c", "b");
    expectTypeOf<BlobClient["downloadToBuffer"]>().toBeCallableWith().returns.toEqualTypeOf<Buffer>();
    expectTypeOf<BlobClient["downloadToBuffer"]>()
      .toBeCallableWith(Buffer.alloc(1), 0, 1, { concurrency: 2 })
      .returns.toEqualTypeOf<Buffer>();
    // @ts-expect-error no constructor overload takes a number second
    expectTypeOf(ContainerClient).toBeConstructibleWith("UseDevelopmentStorage=true", 1);
  });

  it("signs SAS URLs with permission objects built on the calling thread", () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const name = uniqueName("syncsas");
    const container = service.getContainerClient(name);
    container.create();
    container.getBlockBlobClient("a.txt").upload("a", 1);
    const expiresOn = new Date(Date.now() + 3600_000);
    const containerSas = container.generateSasUrl({
      permissions: ContainerSASPermissions.parse("rl"),
      expiresOn,
    });
    expect(new URL(containerSas).searchParams.get("sp")).toBe("rl");
    const accountSas = service.generateAccountSasUrl(expiresOn, AccountSASPermissions.parse("rl"), "sco");
    expect(new URL(accountSas).searchParams.get("sp")).toBe("rl");
    const names: string[] = [];
    for (const blob of new BlobServiceClient(accountSas).getContainerClient(name).listBlobsFlat()) {
      names.push(blob.name);
    }
    expect(names).toEqual(["a.txt"]);
    container.delete();
  });

  it("copies with a blocking poller and uploads a file by path", () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const container = service.getContainerClient(uniqueName("syncpoll"));
    container.create();
    const dir = mkdtempSync(join(tmpdir(), "azkit-sync-"));
    const path = join(dir, "f.txt");
    writeFileSync(path, "from a file");
    const source = container.getBlockBlobClient("source.txt");
    source.uploadFile(path);
    const poller = container.getBlobClient("copy.txt").beginCopyFromURL(source.url, { intervalInMs: 0 });
    const result = poller.pollUntilDone();
    expect(result.copyStatus).toBe("success");
    expect(poller.isDone()).toBe(true);
    expect(Buffer.from(container.getBlobClient("copy.txt").downloadToBuffer()).toString()).toBe(
      "from a file",
    );
    container.delete();
    rmSync(dir, { recursive: true, force: true });
  });
});
