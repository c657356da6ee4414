// The blob-argument fuzz of issue #17: 500 seeded corruptions of valid blob call arguments (wrong
// types, typos in option names at any depth, null, NaN / negative / fractional numbers). Every one
// must fail with a TypeError or RangeError naming the corrupted path, and none may send a request:
// the client points at a loopback server that counts what reaches it.
import { createServer, type Server } from "node:http";
import { fuzzArguments } from "arg-fuzz";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BlobServiceClient, type ContainerClient, StorageSharedKeyCredential } from "../../src/index.js";

let server: Server;
let requests = 0;
let container: ContainerClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  container = new BlobServiceClient(
    `http://127.0.0.1:${port}/devstoreaccount1`,
    new StorageSharedKeyCredential("devstoreaccount1", Buffer.alloc(64, 3).toString("base64")),
    { retryTotal: 0 },
  ).getContainerClient("fuzz");
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const conditions = () => ({
  ifMatch: '"0x1"',
  ifModifiedSince: new Date(0),
  leaseId: "lease",
  tagConditions: "\"a\" = 'b'",
});
const headers = () => ({
  blobContentType: "text/plain",
  blobContentMD5: new Uint8Array(16),
  blobCacheControl: "no-cache",
});
const onProgress = () => undefined;

it("500 corrupted blob calls: each a typed error naming the path, no request sent", async () => {
  const blob = () => container.getBlockBlobClient("f.bin");
  const stats = await fuzzArguments({
    seed: 17,
    runs: 500,
    cases: [
      {
        name: "download",
        argNames: ["offset", "count", "options"],
        args: () => [
          5,
          10,
          { conditions: conditions(), maxRetryRequests: 2, onProgress, rangeGetContentMD5: true },
        ],
        numbers: ["offset", "count"],
        call: (...a) => blob().download(...(a as [never, never, never])),
      },
      {
        name: "downloadToBuffer",
        argNames: ["offset", "count", "options"],
        args: () => [
          0,
          100,
          { blockSize: 10, concurrency: 2, maxRetryRequestsPerBlock: 1, verifyMD5: true, onProgress },
        ],
        numbers: ["offset", "count"],
        call: (...a) => blob().downloadToBuffer(...(a as [never, never, never])),
      },
      {
        name: "uploadData",
        argNames: ["data", "options"],
        args: () => [
          Buffer.from("hello"),
          {
            blobHTTPHeaders: headers(),
            metadata: { owner: "me" },
            tags: { t: "1" },
            tier: "Hot",
            conditions: conditions(),
            computeMD5: true,
            onProgress,
          },
        ],
        call: (...a) => blob().uploadData(...(a as [never, never])),
      },
      {
        name: "upload",
        argNames: ["body", "contentLength", "options"],
        args: () => [
          "hello",
          5,
          { blobHTTPHeaders: headers(), metadata: { owner: "me" }, conditions: conditions() },
        ],
        numbers: ["contentLength"],
        call: (...a) => blob().upload(...(a as [never, never, never])),
      },
      {
        name: "setHTTPHeaders",
        argNames: ["blobHTTPHeaders", "options"],
        args: () => [headers(), { conditions: conditions() }],
        call: (...a) => blob().setHTTPHeaders(...(a as [never, never])),
      },
      {
        name: "getProperties",
        argNames: ["options"],
        args: () => [
          { conditions: conditions(), requestOptions: { timeout: 1000, customHeaders: { "x-a": "b" } } },
        ],
        call: (...a) => blob().getProperties(...(a as [never])),
      },
      {
        name: "listBlobsFlat",
        argNames: ["options"],
        args: () => [{ prefix: "p/", includeMetadata: true, includeSnapshots: false }],
        call: (...a) => container.listBlobsFlat(...(a as [never])).next(),
      },
    ],
  });
  console.log(
    `argument fuzz: ${stats.tried} bad inputs tried, ${stats.rejected} rejected before sending, ${requests} requests sent; by kind ${JSON.stringify(stats.byKind)}`,
  );
  expect(stats.rejected).toBe(500);
  expect(requests).toBe(0);
});
