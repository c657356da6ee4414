// BlobClient.beginCopyFromURL follows the official package: a Promise of a poller that is not
// itself thenable. Azurite copies within an account synchronously, so copies that stay pending,
// progress and aborting are exercised against a loopback server speaking the wire format.
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type BlobBeginCopyFromURLResponse,
  BlobServiceClient,
  type ContainerClient,
  type PollerLikeWithCancellation,
  StorageSharedKeyCredential,
} from "../../src/index.js";
import { containerPerFile, serviceClient } from "../helpers/azurite.js";
import { type Handler, startLoopbackBlobService } from "../helpers/loopbackBlobService.js";

let container: ContainerClient;
containerPerFile("copy", (c) => {
  container = c;
});

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

const sharedKey = new StorageSharedKeyCredential("account1", Buffer.from("k").toString("base64"));

async function serve(handler: Handler) {
  const server = await startLoopbackBlobService(handler);
  closeServer = server.close;
  return { server, service: new BlobServiceClient(server.url, sharedKey, { retryTotal: 0 }) };
}

/** A copy that stays pending for `pendingPolls` status reads, reporting progress, then succeeds. */
function pendingCopy(pendingPolls: number) {
  const seen = { puts: 0, heads: 0 };
  const handler: Handler = (req, res) => {
    if (req.method === "PUT" && req.url.searchParams.get("comp") === "copy") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === "PUT") {
      seen.puts++;
      res.writeHead(202, { "x-ms-copy-id": "copy-1", "x-ms-copy-status": "pending", etag: '"e1"' });
      res.end();
      return;
    }
    seen.heads++;
    const done = seen.heads > pendingPolls;
    res.writeHead(200, {
      "x-ms-copy-id": "copy-1",
      "x-ms-copy-status": done ? "success" : "pending",
      "x-ms-copy-progress": done ? "100/100" : `${seen.heads * 30}/100`,
      "content-length": "0",
    });
    res.end();
  };
  return { seen, handler };
}

describe("beginCopyFromURL on Azurite", () => {
  it("runs the official package's documented usage verbatim (@azure/storage-blob 12.29.1, ClientsBeginCopyFromURL)", async () => {
    const source = container.getBlockBlobClient("verbatim-source.txt");
    await source.upload("copy me", 7, { metadata: { from: "source" } });
    const url = source.url;
    const blobServiceClient = serviceClient();

    // From here on: the peer's snippet, with its `"url"` placeholder as the variable `url` and
    // the container and blob names of this test.
    const containerName = container.containerName;
    const blobName = "verbatim-target.txt";
    const containerClient = blobServiceClient.getContainerClient(containerName);
    const blobClient = containerClient.getBlobClient(blobName);

    // Example using automatic polling
    const automaticCopyPoller = await blobClient.beginCopyFromURL(url);
    const automaticResult = await automaticCopyPoller.pollUntilDone();

    // Example using manual polling
    const manualCopyPoller = await blobClient.beginCopyFromURL(url);
    while (!manualCopyPoller.isDone()) {
      await manualCopyPoller.poll();
    }
    const manualResult = manualCopyPoller.getResult();

    // Example using progress updates
    const progressUpdatesCopyPoller = await blobClient.beginCopyFromURL(url, {
      onProgress(state) {
        console.log(`Progress: ${state.copyProgress}`);
      },
    });
    const progressUpdatesResult = await progressUpdatesCopyPoller.pollUntilDone();

    // Example using a changing polling interval (default 15 seconds)
    const pollingIntervalCopyPoller = await blobClient.beginCopyFromURL(url, {
      intervalInMs: 1000, // poll blob every 1 second for copy progress
    });
    const pollingIntervalResult = await pollingIntervalCopyPoller.pollUntilDone();

    // Example using copy cancellation:
    const cancelCopyPoller = await blobClient.beginCopyFromURL(url);
    // cancel operation after starting it.
    try {
      await cancelCopyPoller.cancelOperation();
      // calls to get the result now throw PollerCancelledError
      cancelCopyPoller.getResult();
      // biome-ignore lint/suspicious/noExplicitAny: the peer's snippet, verbatim.
    } catch (err: any) {
      if (err.name === "PollerCancelledError") {
        console.log("The copy was cancelled.");
      }
    }
    // End of the peer's snippet.

    for (const result of [automaticResult, manualResult, progressUpdatesResult, pollingIntervalResult]) {
      expect(result?.copyStatus).toBe("success");
    }
    expect((await blobClient.downloadToBuffer()).toString()).toBe("copy me");
    expect((await blobClient.getProperties()).metadata).toEqual({ from: "source" });
  });

  it("`await beginCopyFromURL()` gives a poller, not the result; beginCopyFromURLAndWait gives the result", async () => {
    const source = container.getBlockBlobClient("await-source.txt");
    await source.upload("again", 5);
    const poller = await container.getBlobClient("await-target.txt").beginCopyFromURL(source.url);
    expectTypeOf(poller).toEqualTypeOf<
      PollerLikeWithCancellation<
        import("@azkit/core-lro").OperationState<BlobBeginCopyFromURLResponse>,
        BlobBeginCopyFromURLResponse
      >
    >();
    expect("then" in poller).toBe(false);
    expect(typeof poller.pollUntilDone).toBe("function");
    expect(poller.isDone()).toBe(true); // Azurite finished the copy in the initial request
    expect((await poller.pollUntilDone()).copyStatus).toBe("success");
    const waited = await container.getBlobClient("await-target-2.txt").beginCopyFromURLAndWait(source.url);
    expect(waited.copyStatus).toBe("success");
  });

  it("rejects the begin Promise itself when the service refuses the copy (missing source)", async () => {
    const missing = container.getBlobClient("no-such-source.txt");
    const error = await container
      .getBlobClient("never-copied.txt")
      .beginCopyFromURL(missing.url)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404 });
  });
});

describe("beginCopyFromURL against a copy that stays pending (loopback)", () => {
  it("polls the destination's copy status until success and reports progress", async () => {
    const { seen, handler } = pendingCopy(2);
    const { server, service } = await serve(handler);
    const blob = service.getContainerClient("c").getBlobClient("dest");
    const progress: string[] = [];
    const poller = await blob.beginCopyFromURL("https://source.example/c/src?sig=x", {
      intervalInMs: 0,
      onProgress: (state) => progress.push(`${state.isCompleted}:${state.copyProgress ?? ""}`),
    });
    expect(poller.isDone()).toBe(false);
    expect(seen).toEqual({ puts: 1, heads: 0 });
    const result = await poller.pollUntilDone();
    expect(result.copyStatus).toBe("success");
    expect(result.copyProgress).toBe("100/100");
    expect(seen.heads).toBe(3);
    expect(progress).toEqual(["false:", "false:30/100", "false:60/100", "true:100/100"]);
    expect(server.requests[0]!.headers["x-ms-copy-source"]).toBe("https://source.example/c/src?sig=x");
    expect(server.requests[0]!.headers.authorization).toMatch(/^SharedKey account1:/);
  });

  it("is driven by hand with poll() until isDone(), then getResult()", async () => {
    const { seen, handler } = pendingCopy(1);
    const { service } = await serve(handler);
    const poller = await service
      .getContainerClient("c")
      .getBlobClient("dest")
      .beginCopyFromURL("https://s/c/b");
    while (!poller.isDone()) {
      await poller.poll();
    }
    expect(poller.getResult()?.copyStatus).toBe("success");
    expect(seen.heads).toBe(2);
  });

  it("cancelOperation() aborts the copy by its id; pollUntilDone then throws PollerCancelledError", async () => {
    const { server, service } = await serve(pendingCopy(100).handler);
    const poller = await service
      .getContainerClient("c")
      .getBlobClient("dest")
      .beginCopyFromURL("https://s/c/b");
    await poller.cancelOperation();
    const abort = server.requests.find((r) => r.url.searchParams.get("comp") === "copy");
    expect(abort?.url.searchParams.get("copyid")).toBe("copy-1");
    expect(abort?.headers["x-ms-copy-action"]).toBe("abort");
    expect(poller.isDone()).toBe(true);
    expect(poller.getResult()).toBeUndefined();
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PollerCancelledError" });
    expect((error as Error).message).toMatch(/copy-1 of https:\/\/s\/c\/b was aborted/);
  });

  it("resumes from poller.toString() in another client without starting a second copy", async () => {
    const { seen, handler } = pendingCopy(2);
    const { service } = await serve(handler);
    const blob = service.getContainerClient("c").getBlobClient("dest");
    const first = await blob.beginCopyFromURL("https://s/c/b", { intervalInMs: 0 });
    await first.poll();
    const token = first.toString();
    first.stopPolling();
    const resumed = await blob.beginCopyFromURL("https://s/c/b", { intervalInMs: 0, resumeFrom: token });
    expect(resumed.getOperationState().status).toBe("running");
    expect((await resumed.pollUntilDone()).copyStatus).toBe("success");
    expect(seen.puts).toBe(1);
  });
});
