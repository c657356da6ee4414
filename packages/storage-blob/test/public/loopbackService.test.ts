// Features Azurite 3.35 cannot exercise, against a loopback server speaking the documented wire
// format: user delegation keys (Azurite needs OAuth over HTTPS) and more. Copies that stay pending
// for a while (Azurite copies within an account synchronously) are in beginCopyFromURL.test.ts.
import { createHash, createHmac } from "node:crypto";
import type { AccessToken, TokenCredential } from "@azkit/core-http";
import { afterEach, describe, expect, it } from "vitest";
import {
  BlobIntegrityError,
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  type StorageCredential,
  type StoragePipelineOptions,
  StorageSharedKeyCredential,
} from "../../src/index.js";
import { type Handler, startLoopbackBlobService } from "../helpers/loopbackBlobService.js";

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

const sharedKey = new StorageSharedKeyCredential("account1", Buffer.from("k").toString("base64"));

/** A loopback service that `afterEach` closes, and a client of it (Shared Key, no retries by default). */
async function serve(
  handler: Handler,
  options: StoragePipelineOptions = { retryTotal: 0 },
  credential: StorageCredential = sharedKey,
) {
  const server = await startLoopbackBlobService(handler);
  closeServer = server.close;
  return { server, service: new BlobServiceClient(server.url, credential, options) };
}

const scopesAsked: Array<string | string[]> = [];
const fakeToken: TokenCredential = {
  async getToken(scopes): Promise<AccessToken> {
    scopesAsked.push(scopes);
    return { token: "token-123", expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

describe("getUserDelegationKey and user delegation SAS", () => {
  it("posts KeyInfo with a bearer token and signs a SAS with the returned key", async () => {
    const keyValue = Buffer.from("delegation-key-bytes").toString("base64");
    const { server, service } = await serve(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/xml", "x-ms-request-id": "r1" });
        res.end(
          `<?xml version="1.0" encoding="utf-8"?><UserDelegationKey><SignedOid>oid-1</SignedOid><SignedTid>tid-1</SignedTid>` +
            `<SignedStart>2026-01-01T00:00:00Z</SignedStart><SignedExpiry>2026-01-02T00:00:00Z</SignedExpiry>` +
            `<SignedService>b</SignedService><SignedVersion>2025-11-05</SignedVersion><Value>${keyValue}</Value></UserDelegationKey>`,
        );
      },
      { retryTotal: 0 },
      fakeToken,
    );
    const key = await service.getUserDelegationKey(
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-01-02T00:00:00Z"),
    );
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.url.searchParams.get("restype")).toBe("service");
    expect(req!.url.searchParams.get("comp")).toBe("userdelegationkey");
    expect(req!.headers.authorization).toBe("Bearer token-123");
    expect(scopesAsked.flat()).toContain("https://storage.azure.com/.default");
    expect(req!.headers["x-ms-version"]).toBe("2025-11-05");
    expect(req!.body).toContain(
      "<KeyInfo><Start>2026-01-01T00:00:00Z</Start><Expiry>2026-01-02T00:00:00Z</Expiry></KeyInfo>",
    );
    expect(key).toMatchObject({
      signedObjectId: "oid-1",
      signedTenantId: "tid-1",
      signedService: "b",
      value: keyValue,
    });

    const sas = generateBlobSASQueryParameters(
      {
        containerName: "c",
        blobName: "b.txt",
        permissions: BlobSASPermissions.parse("r"),
        expiresOn: new Date("2026-01-01T12:00:00Z"),
      },
      key,
      "account1",
    );
    // The 2025-07-05+ user delegation string-to-sign, field by field.
    const stringToSign = [
      "r",
      "",
      "2026-01-01T12:00:00Z",
      "/blob/account1/c/b.txt",
      "oid-1",
      "tid-1",
      "2026-01-01T00:00:00Z",
      "2026-01-02T00:00:00Z",
      "b",
      "2025-11-05",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "2025-11-05",
      "b",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ].join("\n");
    const expected = createHmac("sha256", Buffer.from(keyValue, "base64"))
      .update(stringToSign)
      .digest("base64");
    expect(sas.signature).toBe(expected);
    const query = new URLSearchParams(sas.toString());
    expect(query.get("skoid")).toBe("oid-1");
    expect(query.get("sks")).toBe("b");
    expect(query.get("sr")).toBe("b");
  });
});

describe("download integrity against a server whose range MD5 is wrong", () => {
  it("fails the stream with BlobIntegrityError instead of handing over the bytes as good", async () => {
    const { server, service } = await serve((_req, res) => {
      res.writeHead(206, {
        "content-length": "5",
        "content-range": "bytes 0-4/10",
        "content-md5": createHash("md5").update("other").digest("base64"),
        etag: '"e"',
      });
      res.end("hello");
    });
    const blob = service.getContainerClient("c").getBlobClient("b");
    expect(server.requests).toHaveLength(0);
    const response = await blob.download(0, 5, { rangeGetContentMD5: true });
    expect(server.requests[0]!.headers["x-ms-range-get-content-md5"]).toBe("true");
    const error = await (async () => {
      for await (const _ of response.readableStreamBody as AsyncIterable<Buffer>) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobIntegrityError);
  });
});

describe("operations Azurite lacks", () => {
  it("undelete sends PUT ?comp=undelete; syncCopyFromURL sends x-ms-requires-sync with the source", async () => {
    const { server, service } = await serve((req, res) => {
      if (req.url.searchParams.get("comp") === "undelete") {
        res.writeHead(200, { "x-ms-request-id": "u1" });
      } else {
        res.writeHead(202, { "x-ms-copy-id": "sync-1", "x-ms-copy-status": "success", etag: '"e2"' });
      }
      res.end();
    });
    const blob = service.getContainerClient("c").getBlobClient("b");
    expect((await blob.undelete()).requestId).toBe("u1");
    expect(server.requests[0]!.method).toBe("PUT");
    const copied = await blob.syncCopyFromURL("https://src.example/c/s?sv=1&sig=a", { metadata: { k: "v" } });
    expect(copied).toMatchObject({ copyId: "sync-1", copyStatus: "success", etag: '"e2"' });
    const copyRequest = server.requests[1]!;
    expect(copyRequest.headers["x-ms-requires-sync"]).toBe("true");
    expect(copyRequest.headers["x-ms-copy-source"]).toBe("https://src.example/c/s?sv=1&sig=a");
    expect(copyRequest.headers["x-ms-meta-k"]).toBe("v");
  });
});

describe("client options", () => {
  it("sends the pinned x-ms-version, or the one given as serviceVersion", async () => {
    const { server, service } = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "0" });
      res.end();
    }, {});
    await service.getContainerClient("c").getBlobClient("b").getProperties();
    await new BlobServiceClient(server.url, sharedKey, { serviceVersion: "2024-08-04" })
      .getContainerClient("c")
      .getBlobClient("b")
      .getProperties();
    expect(server.requests.map((r) => r.headers["x-ms-version"])).toEqual(["2025-11-05", "2024-08-04"]);
  });

  it("retries a block upload the service answered 503, re-signing it, and succeeds", async () => {
    let puts = 0;
    const { server, service } = await serve(
      (req, res) => {
        puts++;
        if (puts === 1) {
          res.writeHead(503, { "x-ms-error-code": "ServerBusy", "retry-after": "0" });
          res.end();
          return;
        }
        expect(req.body).toBe("hello");
        res.writeHead(201, { etag: '"e"', "content-length": "0" });
        res.end();
      },
      { retryBackoffFactorInMs: 1, retryBackoffMaxInMs: 1 },
    );
    const blob = service.getContainerClient("c").getBlockBlobClient("b");
    const result = await blob.upload("hello", 5);
    expect(result.etag).toBe('"e"');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers["x-ms-date"]).toBeDefined();
    expect(server.requests[1]!.headers.authorization).toMatch(/^SharedKey account1:/);
  });
});

describe("*FromURL operations (Azurite has none)", () => {
  it("stageBlockFromURL, appendBlockFromURL, uploadPagesFromURL and syncUploadFromURL send the source, its range and its MD5", async () => {
    const { server, service } = await serve((_req, res) => {
      res.writeHead(201, { etag: '"e"', "x-ms-blob-append-offset": "0", "content-length": "0" });
      res.end();
    });
    const container = service.getContainerClient("c");
    const source = "https://src.example/c/s?sv=1&sig=a";
    const md5 = createHash("md5").update("x").digest();
    await container
      .getBlockBlobClient("b")
      .stageBlockFromURL("YmxvY2s=", source, 0, 1024, { sourceContentMD5: md5 });
    await container.getAppendBlobClient("a").appendBlockFromURL(source, 512, 100, {
      conditions: { appendPosition: 7 },
      sourceAuthorization: "Bearer t",
    });
    await container.getPageBlobClient("p").uploadPagesFromURL(source, 512, 1024, 512);
    await container
      .getBlockBlobClient("whole")
      .syncUploadFromURL(source, { copySourceBlobProperties: false });
    const [stage, append, pages, whole] = server.requests;
    expect(whole!.headers["x-ms-blob-type"]).toBe("BlockBlob");
    expect(whole!.headers["x-ms-copy-source"]).toBe(source);
    expect(whole!.headers["x-ms-copy-source-blob-properties"]).toBe("false");
    expect(stage!.url.searchParams.get("comp")).toBe("block");
    expect(stage!.url.searchParams.get("blockid")).toBe("YmxvY2s=");
    expect(stage!.headers["x-ms-copy-source"]).toBe(source);
    expect(stage!.headers["x-ms-source-range"]).toBe("bytes=0-1023");
    expect(stage!.headers["x-ms-source-content-md5"]).toBe(md5.toString("base64"));
    expect(append!.url.searchParams.get("comp")).toBe("appendblock");
    expect(append!.headers["x-ms-source-range"]).toBe("bytes=512-611");
    expect(append!.headers["x-ms-blob-condition-appendpos"]).toBe("7");
    expect(append!.headers["x-ms-copy-source-authorization"]).toBe("Bearer t");
    expect(pages!.headers["x-ms-range"]).toBe("bytes=1024-1535");
    expect(pages!.headers["x-ms-source-range"]).toBe("bytes=512-1023");
    expect(pages!.headers["x-ms-page-write"]).toBe("update");
  });
});
