// Where a small blob operation's CPU goes, in one process against Azurite: a 1 KiB download and a
// getProperties by stages, compared round by round (pairedRounds.mjs), so the layers can be told
// apart on a noisy machine with `--versus`:
//   raw-get / raw-head        undici's Pool and an account SAS (the bench's limit), the body read
//                             with for-await as the bench reads a download
//   transport-get             azkit's HTTP client alone (undici engine), the same SAS URL, streamed
//   pipeline-get              the same through core-http's default pipeline (no credential)
//   azkit-download(-sas)      BlockBlobClient.download() + reading the body, Shared Key (or SAS)
//   azkit-getProperties(-sas) the same for getProperties
//   canned-download / canned-getProperties   azkit with a transport answering Azurite's recorded
//                             response at once: the storage layer alone, hot
//   peer-download / peer-getProperties       @azure/storage-blob, Shared Key
//   node --expose-gc src/profile/blobCallCost.mjs --calls 150 --rounds 40 \
//     --only raw-get,transport-get,pipeline-get,azkit-download --versus transport-get
// A call's code costs several times more between network waits than hot (HMAC-SHA256: 3 µs in a
// loop, 21-24 µs between HEADs, 2026-12-04), so compare the network sides with each other, and
// the canned ones only with canned ones.
import { Readable } from "node:stream";
import { loadPackage } from "../harness/loadPackage.mjs";
import { Resources } from "../harness/resources.mjs";
import { storageVersion } from "../raw/accountSas.mjs";
import { drain, rawClient, serviceClient } from "../scenarios/storageClients.mjs";
import { parsePairedRoundArgs, runPairedRounds } from "./pairedRounds.mjs";

const values = parsePairedRoundArgs();
const container = "cost-blob";
const blobName = "small-1k";

/** What Azurite answered to a GET and a HEAD of the blob, to replay without a network. */
async function record(raw, path) {
  const headers = { "x-ms-version": storageVersion };
  const get = await raw.pool.request({ method: "GET", path, headers });
  const body = Buffer.from(await get.body.arrayBuffer());
  const head = await raw.pool.request({ method: "HEAD", path, headers, reset: false });
  await head.body.dump();
  return {
    get: { status: get.statusCode, headers: get.headers, body },
    head: { status: head.statusCode, headers: head.headers },
  };
}

/** An azkit HttpClient that answers every request with the recorded response at once. */
function cannedHttpClient(http, recorded) {
  return {
    sendRequest: async (request) => {
      const answer = request.method === "HEAD" ? recorded.head : recorded.get;
      const response = { request, status: answer.status, headers: http.createHttpHeaders(answer.headers) };
      if (request.method !== "HEAD") {
        // Already buffered and ended, as undici's engine hands over a small body.
        const body = new Readable({ read() {} });
        body.push(answer.body);
        body.push(null);
        response.readableStreamBody = body;
      }
      return response;
    },
  };
}

const resources = new Resources();
try {
  await resources.ensure(["azurite"]);
  const ctx = { env: resources.env };
  const raw = await rawClient(ctx, 1);
  await raw.createContainer(container);
  await raw.putBlob(container, blobName, Buffer.alloc(1024, 0x61));
  const path = raw.path(container, blobName);
  const sasUrl = `${new URL(resources.env.azurite.blobEndpoint).origin}${path}`;
  const recorded = await record(raw, path);
  const versionHeader = { "x-ms-version": storageVersion };

  const http = await loadPackage("@azkit/core-http");
  const azkit = await loadPackage("@azkit/storage-blob");
  const peer = await loadPackage("@azure/storage-blob");
  const httpClient = http.createDefaultHttpClient({ engine: "undici" });
  const pipeline = http.createPipelineFromOptions({});
  const streamed = new Set([200]);
  const sasRequest = () =>
    http.createPipelineRequest({
      url: sasUrl,
      headers: http.createHttpHeaders(versionHeader),
      streamResponseStatusCodes: streamed,
      allowInsecureConnection: true,
    });
  const blobOf = (client) => client.getContainerClient(container).getBlockBlobClient(blobName);
  const azkitBlob = blobOf(serviceClient(azkit, ctx));
  const sasBlob = new azkit.BlockBlobClient(sasUrl);
  const peerBlob = blobOf(serviceClient(peer, ctx));
  const cannedBlob = blobOf(
    azkit.BlobServiceClient.fromConnectionString(resources.env.azurite.connectionString, {
      httpClient: cannedHttpClient(http, recorded),
    }),
  );
  const download = async (blob) => drain((await blob.download()).readableStreamBody);

  await runPairedRounds(
    {
      "raw-get": async () =>
        drain((await raw.pool.request({ method: "GET", path, headers: versionHeader })).body),
      "raw-head": async () =>
        (await raw.pool.request({ method: "HEAD", path, headers: versionHeader, reset: false })).body.dump(),
      "transport-get": async () => drain((await httpClient.sendRequest(sasRequest())).readableStreamBody),
      "pipeline-get": async () =>
        drain((await pipeline.sendRequest(httpClient, sasRequest())).readableStreamBody),
      "azkit-download": () => download(azkitBlob),
      "azkit-download-sas": () => download(sasBlob),
      "azkit-getProperties": () => azkitBlob.getProperties(),
      "azkit-getProperties-sas": () => sasBlob.getProperties(),
      "canned-download": () => download(cannedBlob),
      "canned-getProperties": () => cannedBlob.getProperties(),
      "peer-download": () => download(peerBlob),
      "peer-getProperties": () => peerBlob.getProperties(),
    },
    values,
  );
  httpClient.close();
  await raw.close();
} finally {
  await resources.stopAll();
}
