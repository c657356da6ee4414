import { afterEach, describe, expect, it } from "vitest";
import { createPoller, type LroResponse, type PollingStrategy, type PollStep } from "../../src/index.js";
import { type LoopbackServer, sequence, startArmServer } from "../helpers/loopbackServer.js";
import { sendHttp } from "../helpers/testLro.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface CopyContext {
  copyId: string;
}
interface CopyResult {
  copyId: string;
  copyStatus: "success";
}

/** What a storage package writes: blob copy tracked by the x-ms-copy-status header. */
function blobCopyStrategy(blobUrl: string, sourceUrl: string): PollingStrategy<CopyResult, CopyContext> {
  const toStep = (response: LroResponse, context: CopyContext): PollStep<CopyResult, CopyContext> => {
    const headers = response.headers as Record<string, string>;
    switch (headers["x-ms-copy-status"]) {
      case "success":
        return { status: "succeeded", context, result: { copyId: context.copyId, copyStatus: "success" } };
      case "failed":
        return {
          status: "failed",
          context,
          error: new Error(`copy failed: ${headers["x-ms-copy-status-description"]}`),
        };
      case "aborted":
        return { status: "canceled", context, error: new Error("copy aborted") };
      default: {
        const [copied, total] = (headers["x-ms-copy-progress"] ?? "0/1").split("/").map(Number);
        return { status: "running", context, percentComplete: Math.round((100 * copied!) / total!) };
      }
    }
  };
  return {
    kind: "storage-blob-copy",
    async start() {
      const response = await sendHttp("PUT", `${blobUrl}?copy`, { source: sourceUrl });
      return toStep(response, { copyId: (response.headers as Record<string, string>)["x-ms-copy-id"]! });
    },
    async poll(context) {
      return toStep(await sendHttp("GET", `${blobUrl}?properties`), context);
    },
    async cancel(context) {
      await sendHttp("PUT", `${blobUrl}?abort&copyid=${context.copyId}`);
      return undefined; // the next poll shows "aborted"
    },
  };
}

describe("a data-plane strategy (blob copy by x-ms-copy-status) plugs into createPoller", () => {
  it("polls the properties until success", async () => {
    server = await startArmServer({
      "PUT /c/b?copy": [{ status: 202, headers: { "x-ms-copy-id": "id1", "x-ms-copy-status": "pending" } }],
      "GET /c/b?properties": [
        { status: 200, headers: { "x-ms-copy-status": "pending", "x-ms-copy-progress": "50/100" } },
        { status: 200, headers: { "x-ms-copy-status": "success" } },
      ],
    });
    const poller = createPoller({
      strategy: blobCopyStrategy(`${server.url}/c/b`, "https://src"),
      intervalInMs: 0,
    });
    const progress: (number | undefined)[] = [];
    poller.onProgress((s) => progress.push(s.percentComplete));
    await expect(poller).resolves.toEqual({ copyId: "id1", copyStatus: "success" });
    expect(progress).toEqual([0, 50, undefined]);
    expect(sequence(server)).toEqual(["PUT /c/b?copy", "GET /c/b?properties", "GET /c/b?properties"]);
  });

  it("cancel() aborts the copy and the next poll reports it canceled", async () => {
    server = await startArmServer({
      "PUT /c/b?copy": [{ status: 202, headers: { "x-ms-copy-id": "id2", "x-ms-copy-status": "pending" } }],
      "PUT /c/b?abort&copyid=id2": [{ status: 204 }],
      "GET /c/b?properties": [{ status: 200, headers: { "x-ms-copy-status": "aborted" } }],
    });
    const poller = createPoller({
      strategy: blobCopyStrategy(`${server.url}/c/b`, "https://src"),
      intervalInMs: 0,
    });
    await expect(poller.cancel()).resolves.toMatchObject({ status: "running" });
    await expect(poller).rejects.toThrow("copy aborted");
    expect(poller.operationState.status).toBe("canceled");
    expect(sequence(server)).toEqual(["PUT /c/b?copy", "PUT /c/b?abort&copyid=id2", "GET /c/b?properties"]);
  });

  it("a failed copy rejects with the service's description", async () => {
    server = await startArmServer({
      "PUT /c/b?copy": [
        {
          status: 202,
          headers: {
            "x-ms-copy-id": "id3",
            "x-ms-copy-status": "failed",
            "x-ms-copy-status-description": "403 source",
          },
        },
      ],
    });
    const poller = createPoller({
      strategy: blobCopyStrategy(`${server.url}/c/b`, "https://src"),
      intervalInMs: 0,
    });
    await expect(poller).rejects.toThrow("copy failed: 403 source");
  });
});
