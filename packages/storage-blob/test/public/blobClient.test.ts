import { createHash } from "node:crypto";
import { isResourceModifiedError, isResourceNotFoundError } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import type { ContainerClient } from "../../src/index.js";
import { containerPerFile } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("blob", (c) => {
  container = c;
});

async function text(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("BlobClient and BlockBlobClient", () => {
  it("uploads in one shot and downloads the body, a range and the properties", async () => {
    const blob = container.getBlockBlobClient("dir/hello world.txt");
    const uploaded = await blob.upload("hello, blob", 11, {
      blobHTTPHeaders: { blobContentType: "text/plain", blobCacheControl: "no-cache" },
      metadata: { Owner: "me" },
    });
    expect(uploaded.etag).toBeTruthy();
    const whole = await blob.download();
    expect(await text(whole.readableStreamBody)).toBe("hello, blob");
    expect(whole.contentType).toBe("text/plain");
    expect(whole.metadata).toEqual({ owner: "me" });
    const range = await blob.download(7, 4);
    expect(await text(range.readableStreamBody)).toBe("blob");
    expect(range.contentRange).toBe("bytes 7-10/11");
    const props = await blob.getProperties();
    expect(props.contentLength).toBe(11);
    expect(props.cacheControl).toBe("no-cache");
    expect(props.blobType).toBe("BlockBlob");
  });

  it("reports existence and deletes, with deleteIfExists telling whether it deleted", async () => {
    const blob = container.getBlockBlobClient("to-delete");
    expect(await blob.exists()).toBe(false);
    await blob.upload("x", 1);
    expect(await blob.exists()).toBe(true);
    expect((await blob.deleteIfExists()).succeeded).toBe(true);
    expect((await blob.deleteIfExists()).succeeded).toBe(false);
    const error = await blob.getProperties().catch((e: unknown) => e);
    expect(isResourceNotFoundError(error)).toBe(true);
  });

  it("replaces HTTP headers and metadata", async () => {
    const blob = container.getBlockBlobClient("props");
    await blob.upload("abc", 3);
    await blob.setHTTPHeaders({ blobContentType: "application/json", blobContentLanguage: "en" });
    await blob.setMetadata({ alpha: "1", Beta: "2" });
    const props = await blob.getProperties();
    expect(props.contentType).toBe("application/json");
    expect(props.contentLanguage).toBe("en");
    expect(props.metadata).toEqual({ alpha: "1", beta: "2" });
  });

  it("sets and gets index tags", async () => {
    const blob = container.getBlockBlobClient("tagged");
    await blob.upload("t", 1, { tags: { first: "1" } });
    expect((await blob.getTags()).tags).toEqual({ first: "1" });
    await blob.setTags({ project: "apollo", stage: "two words" });
    expect((await blob.getTags()).tags).toEqual({ project: "apollo", stage: "two words" });
  });

  it("moves a block blob between access tiers", async () => {
    const blob = container.getBlockBlobClient("tiered");
    await blob.upload("t", 1);
    await blob.setAccessTier("Cool");
    expect((await blob.getProperties()).accessTier).toBe("Cool");
  });

  it("creates snapshots readable through withSnapshot and deletes them with the blob", async () => {
    const blob = container.getBlockBlobClient("snap");
    await blob.upload("v1", 2);
    const { snapshot } = await blob.createSnapshot();
    expect(snapshot).toBeTruthy();
    await blob.upload("v2", 2);
    expect(await text((await blob.withSnapshot(snapshot!).download()).readableStreamBody)).toBe("v1");
    expect(await text((await blob.download()).readableStreamBody)).toBe("v2");
    await blob.delete({ deleteSnapshots: "include" });
    expect(await blob.exists()).toBe(false);
  });

  it("stages blocks, lists them uncommitted, and commits them in the given order", async () => {
    const blob = container.getBlockBlobClient("blocks");
    const a = Buffer.from("block-a").toString("base64");
    const b = Buffer.from("block-b").toString("base64");
    await blob.stageBlock(a, "AAA", 3);
    await blob.stageBlock(b, "BB", 2);
    const staged = await blob.getBlockList("uncommitted");
    expect(staged.uncommittedBlocks.map((x) => x.name).sort()).toEqual([a, b].sort());
    await blob.commitBlockList([b, a]);
    const committed = await blob.getBlockList("committed");
    expect(committed.committedBlocks).toEqual([
      { name: b, size: 2 },
      { name: a, size: 3 },
    ]);
    expect(await text((await blob.download()).readableStreamBody)).toBe("BBAAA");
  });

  it("rejects a transactional MD5 that does not match the body", async () => {
    const blob = container.getBlockBlobClient("md5-bad");
    const error = await blob
      .upload("hello", 5, { transactionalContentMD5: new Uint8Array(16) })
      .catch((e: unknown) => e);
    // Azure answers Md5Mismatch; Azurite 3.35 answers InvalidOperation for the same check.
    expect((error as { statusCode?: number }).statusCode).toBe(400);
    expect(["Md5Mismatch", "InvalidOperation"]).toContain((error as { code?: string }).code);
    const good = createHash("md5").update("hello").digest();
    await blob.upload("hello", 5, { transactionalContentMD5: good });
    expect(Buffer.from((await blob.getProperties()).contentMD5!)).toEqual(good);
  });
});

describe("conditions", () => {
  it("turns a failed ifMatch into ResourceModifiedError (412) and a matching one into success", async () => {
    const blob = container.getBlockBlobClient("cond");
    const { etag } = await blob.upload("one", 3);
    await blob.upload("two", 3, { conditions: { ifMatch: etag } });
    const error = await blob.upload("three", 5, { conditions: { ifMatch: etag } }).catch((e: unknown) => e);
    expect(isResourceModifiedError(error)).toBe(true);
    expect((error as { statusCode: number }).statusCode).toBe(412);
    expect((error as { code: string }).code).toBe("ConditionNotMet");
  });

  it("never overwrites with ifNoneMatch '*'", async () => {
    const blob = container.getBlockBlobClient("create-only");
    await blob.upload("first", 5, { conditions: { ifNoneMatch: "*" } });
    const error = await blob
      .upload("second", 6, { conditions: { ifNoneMatch: "*" } })
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(409);
  });

  it("honours ifUnmodifiedSince and ifModifiedSince on reads and writes", async () => {
    const blob = container.getBlockBlobClient("dates");
    await blob.upload("d", 1);
    const past = new Date(Date.now() - 3600_000);
    const error = await blob
      .setMetadata({ a: "b" }, { conditions: { ifUnmodifiedSince: past } })
      .catch((e: unknown) => e);
    expect(isResourceModifiedError(error)).toBe(true);
    await blob.setMetadata({ a: "b" }, { conditions: { ifModifiedSince: past } });
  });

  it("applies tag conditions", async () => {
    const blob = container.getBlockBlobClient("tag-cond");
    await blob.upload("d", 1, { tags: { state: "draft" } });
    const error = await blob
      .setMetadata({ x: "y" }, { conditions: { tagConditions: `"state" = 'final'` } })
      .catch((e: unknown) => e);
    expect(isResourceModifiedError(error)).toBe(true);
    await blob.setMetadata({ x: "y" }, { conditions: { tagConditions: `"state" = 'draft'` } });
  });
});
