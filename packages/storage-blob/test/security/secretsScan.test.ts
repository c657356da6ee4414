// The secrets scan of issue #17: blob and identity flows run at verbose level with loggingEnable,
// async and sync, succeeding and failing (404, 403, retries, resumes, aborts); every log record,
// every error (message, stack, util.inspect, JSON, err.request) and util.inspect of every client is
// scanned for the account key, SAS signatures, bearer tokens and the client secret. None may appear.
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import { ClientSecretCredential } from "@azkit/identity";
import { type FaultProxy, startFaultProxy } from "fault-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  StorageSharedKeyCredential,
} from "../../src/index.js";
import { azurite, uniqueName } from "../helpers/azurite.js";
import { startLoopbackBlobService } from "../helpers/loopbackBlobService.js";

const records: LogRecord[] = [];
const seen: unknown[] = [];
const texts: string[] = [];
const secrets = new Map<string, string>();
let proxy: FaultProxy;
let container: ContainerClient;

/** Everything a user could print about an error. */
function collectError(error: unknown): void {
  seen.push(error);
  const e = error as Error & { request?: { url?: string; headers?: { toJSON(): unknown } } };
  texts.push(
    String(e?.message),
    String(e?.stack),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error) ?? "",
    String(e?.request?.url ?? ""),
    JSON.stringify(e?.request?.headers?.toJSON?.() ?? {}),
    String((e?.cause as Error | undefined)?.message ?? ""),
  );
}
async function failing(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    collectError(error);
    return;
  }
  throw new Error("expected the call to fail");
}
const inspectClient = (client: object) =>
  texts.push(inspect(client, { depth: 10 }), inspect(client, { depth: 10, showHidden: true }));

beforeAll(async () => {
  setLogLevel("verbose");
  setLogSink((record) => records.push(record));
  const { accountName, accountKey, blobUrl, port } = azurite();
  secrets.set("account key", accountKey);
  secrets.set("account key (url-encoded)", encodeURIComponent(accountKey));
  proxy = await startFaultProxy({ target: `http://127.0.0.1:${port}` });
  const service = new BlobServiceClient(blobUrl, new StorageSharedKeyCredential(accountName, accountKey), {
    loggingEnable: true,
    retryTotal: 2,
    retryBackoffFactorInMs: 1,
  });
  container = service.getContainerClient(uniqueName("secrets"));
  await container.create();
  inspectClient(service);
  inspectClient(container);
});

afterAll(async () => {
  await container?.deleteIfExists();
  await proxy?.close();
  setLogSink(undefined);
  resetLogSettings();
});

describe("secrets scan (verbose, loggingEnable)", () => {
  it("blob flows: Shared Key, SAS, retries, resumes, aborts, errors, sync", async () => {
    const { accountName, accountKey } = azurite();
    const blob = container.getBlockBlobClient("secret.bin");
    const data = randomBytes(300_000);
    await blob.uploadData(data, { blockSize: 100_000, maxSingleShotSize: 0 });
    await blob.upload("hello", 5, { metadata: { a: "b" } });
    await blob.downloadToBuffer();
    await failing(() => container.getBlobClient("missing.bin").getProperties());
    await failing(() => blob.download(-1));
    const wrongKey = new BlobServiceClient(
      azurite().blobUrl,
      new StorageSharedKeyCredential(accountName, Buffer.alloc(64, 1).toString("base64")),
      { loggingEnable: true, retryTotal: 0 },
    );
    secrets.set("wrong account key", Buffer.alloc(64, 1).toString("base64"));
    await failing(() => wrongKey.getProperties());
    inspectClient(wrongKey);

    // SAS: a read-only URL reads, and a write with it fails with 403.
    const sasUrl = await blob.generateSasUrl({
      permissions: BlobSASPermissions.parse("r"),
      expiresOn: new Date(Date.now() + 3_600_000),
    });
    const sig = new URL(sasUrl).searchParams.get("sig")!;
    secrets.set("SAS sig", sig);
    secrets.set("SAS sig (url-encoded)", encodeURIComponent(sig));
    const { BlockBlobClient } = await import("../../src/index.js");
    const sasBlob = new BlockBlobClient(sasUrl, undefined, {
      loggingEnable: true,
      retryTotal: 1,
      retryBackoffFactorInMs: 1,
    });
    await sasBlob.downloadToBuffer();
    await failing(() => sasBlob.upload("x", 1));
    inspectClient(sasBlob);

    // The same SAS through a faulty proxy: retries, a resume, a range failure and an abort all log.
    const proxied = new BlockBlobClient(
      `${proxy.url}${new URL(sasUrl).pathname}${new URL(sasUrl).search}`,
      undefined,
      { loggingEnable: true, retryTotal: 2, retryBackoffFactorInMs: 1, readTimeoutInMs: 500 },
    );
    proxy.setDecide((_req, index) =>
      index === 0
        ? { kind: "status", status: 503, retryAfterInSeconds: 0 }
        : index === 1
          ? { kind: "partialBody", ending: "rst", fraction: 0.3 }
          : { kind: "none" },
    );
    await proxied.downloadToBuffer();
    proxy.setDecide(() => ({ kind: "rangeIgnored" }));
    await failing(() => proxied.downloadToBuffer(0, undefined, { blockSize: 100_000 }));
    proxy.setDecide(() => ({ kind: "noResponse", ending: "hang" }));
    await failing(() => proxied.getProperties({ abortSignal: AbortSignal.timeout(100) }));
    await failing(() => proxied.getProperties({ retryTotal: 0 }));
    proxy.setDecide(() => ({ kind: "none" }));
    inspectClient(proxied);

    // The blocking surface: errors revived from the worker, and its log records.
    const sync = await import("../../src/sync.js");
    const syncBlob = new sync.BlockBlobClient(sasUrl, undefined, { loggingEnable: true, retryTotal: 0 });
    syncBlob.downloadToBuffer();
    try {
      syncBlob.upload("x", 1);
    } catch (error) {
      collectError(error);
    }
    const syncKeyed = new sync.BlobServiceClient(
      azurite().blobUrl,
      new sync.StorageSharedKeyCredential(accountName, accountKey),
      {
        loggingEnable: true,
      },
    );
    try {
      syncKeyed.getContainerClient(uniqueName("none")).getProperties();
    } catch (error) {
      collectError(error);
    }
    inspectClient(syncBlob);
    inspectClient(syncKeyed);
    expect(seen.length).toBeGreaterThanOrEqual(8);
  });

  it("identity flows: a client secret and the bearer tokens it gets", async () => {
    const clientSecret = `cs-${randomBytes(12).toString("hex")}`;
    const token = `eyJ${randomBytes(24).toString("hex")}`;
    secrets.set("client secret", clientSecret);
    secrets.set("bearer token", token);
    const { createServer } = await import("node:http");
    const tokenServer = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ token_type: "Bearer", expires_in: 3599, access_token: token }));
      });
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, "127.0.0.1", resolve));
    const authorityHost = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}`;
    const blobService = await startLoopbackBlobService((request, res) => {
      if (request.url.pathname.endsWith("/denied")) {
        res.writeHead(403, {
          "content-type": "application/xml",
          "x-ms-error-code": "AuthorizationPermissionMismatch",
        });
        res.end(
          '<?xml version="1.0"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>no</Message></Error>',
        );
        return;
      }
      res.writeHead(200, { "content-length": "0", etag: '"1"' }).end();
    });
    try {
      const credential = new ClientSecretCredential("tenant", "client", clientSecret, { authorityHost });
      const service = new BlobServiceClient(blobService.url, credential, {
        loggingEnable: true,
        retryTotal: 0,
      });
      await service.getContainerClient("c").getBlobClient("ok").getProperties();
      await failing(() => service.getContainerClient("c").getBlobClient("denied").getProperties());
      const badCredential = new ClientSecretCredential("tenant", "client", clientSecret, {
        authorityHost: "http://127.0.0.1:1",
        retryOptions: { maxRetries: 1, retryDelayInMs: 1 },
      });
      await failing(() => badCredential.getToken("https://storage.azure.com/.default"));
      inspectClient(service);
      inspectClient(credential);
      expect(blobService.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await blobService.close();
      await new Promise((resolve) => tokenServer.close(resolve));
    }
  });

  it("finds no secret in any log record, error or inspected client", () => {
    const haystack = [...records.map((r) => JSON.stringify(r)), ...texts];
    const found: string[] = [];
    for (const [what, secret] of secrets) {
      for (const text of haystack) if (text.includes(secret)) found.push(`${what}: ${text.slice(0, 300)}`);
    }
    console.log(
      `secrets scan: ${records.length} log records, ${seen.length} errors, ${texts.length} texts scanned for ${secrets.size} secrets; ${found.length} found`,
    );
    expect(records.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});
