import { afterEach, describe, expect, it } from "vitest";
import { createHttpPoller, type OperationState } from "../../src/index.js";
import {
  type LoopbackServer,
  type ScriptedResponse,
  sequence,
  startArmServer,
} from "../helpers/loopbackServer.js";
import { createTestLro } from "../helpers/testLro.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function arm(routes: Record<string, ScriptedResponse[]>): Promise<LoopbackServer> {
  server = await startArmServer(routes);
  return server;
}

const vault = (state?: string) => ({
  id: "/vaults/v1",
  name: "v1",
  properties: state ? { provisioningState: state } : {},
});

describe("createHttpPoller with Azure-AsyncOperation", () => {
  it("polls the status monitor, reports percentComplete, then GETs the original URI for a PUT", async () => {
    const s = await arm({
      "PUT /vaults/v1": [
        { status: 201, headers: { "azure-asyncoperation": "{base}/ops/1" }, body: vault("Creating") },
      ],
      "GET /ops/1": [
        { status: 200, body: { status: "InProgress", percentComplete: 30 } },
        { status: 200, body: { status: "InProgress", percentComplete: 60 } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /vaults/v1": [{ status: 200, body: vault("Succeeded") }],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/vaults/v1`, { location: "x" }), {
      intervalInMs: 0,
    });
    const seen: (number | undefined)[] = [];
    poller.onProgress((state) => seen.push(state.percentComplete));
    await expect(poller).resolves.toEqual(vault("Succeeded"));
    expect(sequence(s)).toEqual([
      "PUT /vaults/v1",
      "GET /ops/1",
      "GET /ops/1",
      "GET /ops/1",
      "GET /vaults/v1",
    ]);
    expect(seen).toEqual([undefined, 30, 60, undefined]);
    expect(poller.operationState.status).toBe("succeeded");
    expect(poller.isDone).toBe(true);
  });

  it("reads the status case-insensitively", async () => {
    const s = await arm({
      "PUT /r": [{ status: 201, headers: { "Azure-AsyncOperation": "{base}/ops/2" } }],
      "GET /ops/2": [
        { status: 200, body: { status: "inprogress" } },
        { status: 200, body: { status: "SUCCEEDED" } },
      ],
      "GET /r": [{ status: 200, body: { id: "r" } }],
    });
    await expect(createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 })).resolves.toEqual({
      id: "r",
    });
    expect(sequence(s)).toHaveLength(4);
  });

  it("uses the Location result for a POST by default", async () => {
    const s = await arm({
      "POST /action": [
        { status: 202, headers: { "azure-asyncoperation": "{base}/ops/3", location: "{base}/results/3" } },
      ],
      "GET /ops/3": [{ status: 200, body: { status: "Succeeded" } }],
      "GET /results/3": [{ status: 200, body: { exported: true } }],
    });
    await expect(
      createHttpPoller(createTestLro("POST", `${s.url}/action`), { intervalInMs: 0 }),
    ).resolves.toEqual({
      exported: true,
    });
    expect(sequence(s)).toEqual(["POST /action", "GET /ops/3", "GET /results/3"]);
  });

  it("returns the status body itself with final-state-via azure-async-operation", async () => {
    const s = await arm({
      "POST /action": [
        { status: 202, headers: { "azure-asyncoperation": "{base}/ops/4", location: "{base}/results/4" } },
      ],
      "GET /ops/4": [{ status: 200, body: { status: "Succeeded", properties: { output: 42 } } }],
    });
    const poller = createHttpPoller(createTestLro("POST", `${s.url}/action`), {
      intervalInMs: 0,
      resourceLocationConfig: "azure-async-operation",
    });
    await expect(poller).resolves.toEqual({ status: "Succeeded", properties: { output: 42 } });
    expect(sequence(s)).toEqual(["POST /action", "GET /ops/4"]);
  });

  it("GETs the Location with final-state-via location, even for a PUT", async () => {
    const s = await arm({
      "PUT /r": [
        { status: 201, headers: { "azure-asyncoperation": "{base}/ops/5", location: "{base}/loc/5" } },
      ],
      "GET /ops/5": [{ status: 200, body: { status: "Succeeded" } }],
      "GET /loc/5": [{ status: 200, body: { from: "location" } }],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/r`), {
      intervalInMs: 0,
      resourceLocationConfig: "location",
    });
    await expect(poller).resolves.toEqual({ from: "location" });
    expect(sequence(s)).toEqual(["PUT /r", "GET /ops/5", "GET /loc/5"]);
  });

  it("GETs the original URI with final-state-via original-uri, even for a POST", async () => {
    const s = await arm({
      "POST /r/start": [
        { status: 202, headers: { "azure-asyncoperation": "{base}/ops/6", location: "{base}/loc/6" } },
      ],
      "GET /ops/6": [{ status: 200, body: { status: "Succeeded" } }],
      "GET /r/start": [{ status: 200, body: { from: "original" } }],
    });
    const poller = createHttpPoller(createTestLro("POST", `${s.url}/r/start`), {
      intervalInMs: 0,
      resourceLocationConfig: "original-uri",
    });
    await expect(poller).resolves.toEqual({ from: "original" });
    expect(sequence(s)).toEqual(["POST /r/start", "GET /ops/6", "GET /r/start"]);
  });

  it("returns nothing for a DELETE and sends no final GET", async () => {
    const s = await arm({
      "DELETE /r": [
        { status: 202, headers: { "azure-asyncoperation": "{base}/ops/7", location: "{base}/loc/7" } },
      ],
      "GET /ops/7": [{ status: 200, body: { status: "Succeeded" } }],
    });
    await expect(
      createHttpPoller(createTestLro("DELETE", `${s.url}/r`), { intervalInMs: 0 }),
    ).resolves.toBeUndefined();
    expect(sequence(s)).toEqual(["DELETE /r", "GET /ops/7"]);
  });

  it("raises an HttpResponseError with the operation's error code and message when it fails", async () => {
    const s = await arm({
      "PUT /r": [{ status: 201, headers: { "azure-asyncoperation": "{base}/ops/8" } }],
      "GET /ops/8": [
        {
          status: 200,
          body: { status: "Failed", error: { code: "QuotaExceeded", message: "No cores left in eastus." } },
        },
      ],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 });
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HttpResponseError", code: "QuotaExceeded", statusCode: 200 });
    expect((error as Error).message).toContain("No cores left in eastus.");
    expect(poller.operationState).toMatchObject({ status: "failed", error });
    await expect(poller.result()).rejects.toBe(error);
    expect(sequence(s)).toEqual(["PUT /r", "GET /ops/8"]);
  });

  it("raises an HttpResponseError for a Canceled operation (any case)", async () => {
    const s = await arm({
      "DELETE /r": [{ status: 202, headers: { "azure-asyncoperation": "{base}/ops/9" } }],
      "GET /ops/9": [{ status: 200, body: { status: "canceled" } }],
    });
    const poller = createHttpPoller(createTestLro("DELETE", `${s.url}/r`), { intervalInMs: 0 });
    await expect(poller.pollUntilDone()).rejects.toMatchObject({
      name: "HttpResponseError",
      code: "OperationCanceled",
    });
    expect(poller.operationState.status).toBe("canceled");
  });

  it("treats a 5xx from the status monitor as an error reading the status; polling can go on", async () => {
    const s = await arm({
      "PUT /r": [{ status: 201, headers: { "azure-asyncoperation": "{base}/ops/10" } }],
      "GET /ops/10": [
        { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /r": [{ status: 200, body: { ok: 1 } }],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 });
    await expect(poller.pollUntilDone()).rejects.toMatchObject({
      statusCode: 503,
      code: "ServiceUnavailable",
    });
    expect(poller.operationState.status).toBe("running");
    await expect(poller.pollUntilDone()).resolves.toEqual({ ok: 1 });
  });

  it("counts a 200 status monitor without a status as Succeeded", async () => {
    const s = await arm({
      "DELETE /r": [{ status: 202, headers: { "azure-asyncoperation": "{base}/ops/11" } }],
      "GET /ops/11": [{ status: 202 }, { status: 200, body: {} }],
    });
    await expect(
      createHttpPoller(createTestLro("DELETE", `${s.url}/r`), { intervalInMs: 0 }),
    ).resolves.toBeUndefined();
    expect(sequence(s)).toEqual(["DELETE /r", "GET /ops/11", "GET /ops/11"]);
  });
});

describe("createHttpPoller with Location", () => {
  it("polls while 202 and returns the final response as the result", async () => {
    const s = await arm({
      "POST /export": [{ status: 202, headers: { location: "{base}/results/1" } }],
      "GET /results/1": [
        { status: 202, headers: { location: "{base}/results/1" } },
        { status: 200, body: { template: {} } },
      ],
    });
    await expect(
      createHttpPoller(createTestLro("POST", `${s.url}/export`), { intervalInMs: 0 }),
    ).resolves.toEqual({
      template: {},
    });
    expect(sequence(s)).toEqual(["POST /export", "GET /results/1", "GET /results/1"]);
  });

  it("follows a new Location header returned while running", async () => {
    const s = await arm({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/results/a" } }],
      "GET /results/a": [{ status: 202, headers: { location: "{base}/results/b" } }],
      "GET /results/b": [{ status: 204 }],
    });
    await expect(
      createHttpPoller(createTestLro("DELETE", `${s.url}/r`), { intervalInMs: 0 }),
    ).resolves.toBeUndefined();
    expect(sequence(s)).toEqual(["DELETE /r", "GET /results/a", "GET /results/b"]);
  });

  it("GETs the original URI for a PUT once the Location says done", async () => {
    const s = await arm({
      "PUT /r": [{ status: 202, headers: { location: "{base}/results/2" } }],
      "GET /results/2": [{ status: 204 }],
      "GET /r": [{ status: 200, body: { id: "r" } }],
    });
    await expect(createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 })).resolves.toEqual({
      id: "r",
    });
    expect(sequence(s)).toEqual(["PUT /r", "GET /results/2", "GET /r"]);
  });

  it("marks the operation failed when the Location answers 4xx, with the service's code", async () => {
    const s = await arm({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/results/3" } }],
      "GET /results/3": [
        { status: 409, body: { error: { code: "ScopeLocked", message: "The scope is locked." } } },
      ],
    });
    const poller = createHttpPoller(createTestLro("DELETE", `${s.url}/r`), { intervalInMs: 0 });
    await expect(poller).rejects.toMatchObject({
      name: "HttpResponseError",
      statusCode: 409,
      code: "ScopeLocked",
    });
    expect(poller.operationState.status).toBe("failed");
  });
});

describe("createHttpPoller with Operation-Location", () => {
  it("polls the monitor and GETs its resourceLocation when the operation succeeded", async () => {
    const s = await arm({
      "POST /models:train": [{ status: 202, headers: { "operation-location": "{base}/operations/9" } }],
      "GET /operations/9": [
        { status: 200, body: { status: "Running", percentComplete: 50 } },
        { status: 200, body: { status: "Succeeded", resourceLocation: "{base}/models/m1" } },
      ],
      "GET /models/m1": [{ status: 200, body: { name: "m1" } }],
    });
    const poller = createHttpPoller(createTestLro("POST", `${s.url}/models:train`), {
      intervalInMs: 0,
      resourceLocationConfig: "operation-location",
    });
    await poller.poll();
    expect(poller.operationState).toMatchObject({ status: "running", percentComplete: 50 });
    await expect(poller).resolves.toEqual({ name: "m1" });
    expect(sequence(s)).toEqual([
      "POST /models:train",
      "GET /operations/9",
      "GET /operations/9",
      "GET /models/m1",
    ]);
  });

  it("resolves a relative Operation-Location and resourceLocation against the URL they came from", async () => {
    const s = await arm({
      "POST /models/m2:train": [
        { status: 202, headers: { "operation-location": "/operations/11?api-version=1" } },
      ],
      "GET /operations/11?api-version=1": [
        { status: 200, body: { status: "Succeeded", resourceLocation: "/models/m2" } },
      ],
      "GET /models/m2": [{ status: 200, body: { name: "m2" } }],
    });
    await expect(
      createHttpPoller(createTestLro("POST", `${s.url}/models/m2:train`), { intervalInMs: 0 }),
    ).resolves.toEqual({
      name: "m2",
    });
    expect(sequence(s)).toEqual([
      "POST /models/m2:train",
      "GET /operations/11?api-version=1",
      "GET /models/m2",
    ]);
  });

  it("returns the monitor body when it names no resourceLocation", async () => {
    const s = await arm({
      "POST /analyze": [{ status: 202, headers: { "Operation-Location": "{base}/operations/10" } }],
      "GET /operations/10": [{ status: 200, body: { status: "succeeded", result: { pages: 3 } } }],
    });
    await expect(
      createHttpPoller(createTestLro("POST", `${s.url}/analyze`), { intervalInMs: 0 }),
    ).resolves.toEqual({
      status: "succeeded",
      result: { pages: 3 },
    });
    expect(sequence(s)).toEqual(["POST /analyze", "GET /operations/10"]);
  });
});

describe("createHttpPoller with a provisioningState body", () => {
  it("polls the original URI of a PUT until provisioningState is terminal, showing the partial resource", async () => {
    const s = await arm({
      "PUT /vaults/v1": [{ status: 201, body: vault("Creating") }],
      "GET /vaults/v1": [
        { status: 200, body: vault("Provisioning") },
        { status: 200, body: vault("Succeeded") },
      ],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/vaults/v1`), { intervalInMs: 0 });
    const states: OperationState<unknown>[] = [];
    for await (const state of poller) states.push(state);
    expect(states.map((x) => x.status)).toEqual(["running", "running", "succeeded"]);
    expect(states[1]!.partialResult).toEqual(vault("Provisioning"));
    expect(await poller).toEqual(vault("Succeeded"));
    expect(sequence(s)).toEqual(["PUT /vaults/v1", "GET /vaults/v1", "GET /vaults/v1"]);
  });

  it("polls a PATCH the same way and fails on provisioningState Failed", async () => {
    const s = await arm({
      "PATCH /r": [{ status: 200, body: vault("Updating") }],
      "GET /r": [
        { status: 200, body: { ...vault("Failed"), error: { code: "BadSku", message: "sku not allowed" } } },
      ],
    });
    await expect(
      createHttpPoller(createTestLro("PATCH", `${s.url}/r`), { intervalInMs: 0 }),
    ).rejects.toMatchObject({
      code: "BadSku",
    });
  });
});

describe("createHttpPoller with an immediate answer", () => {
  const cases: [string, string, ScriptedResponse, unknown][] = [
    ["a PUT answered 200 Succeeded", "PUT", { status: 200, body: vault("Succeeded") }, vault("Succeeded")],
    ["a PUT answered 201 without provisioningState", "PUT", { status: 201, body: vault() }, vault()],
    ["a DELETE answered 204", "DELETE", { status: 204 }, undefined],
    ["a DELETE answered 200", "DELETE", { status: 200 }, undefined],
    ["a POST answered 200 with a body", "POST", { status: 200, body: { done: true } }, { done: true }],
    [
      "a 200 that names a monitor but has no provisioningState",
      "POST",
      { status: 200, headers: { "azure-asyncoperation": "{base}/never" }, body: { x: 1 } },
      { x: 1 },
    ],
  ];
  for (const [name, method, response, result] of cases) {
    it(`resolves ${name} without any poll`, async () => {
      const s = await arm({ [`${method} /r`]: [response] });
      const poller = createHttpPoller(createTestLro(method, `${s.url}/r`), { intervalInMs: 0 });
      await poller.submitted();
      expect(poller.isDone).toBe(true);
      await expect(poller).resolves.toEqual(result);
      expect(sequence(s)).toEqual([`${method} /r`]);
    });
  }

  it("fails at once on provisioningState Failed in the initial response", async () => {
    const s = await arm({ "PUT /r": [{ status: 200, body: vault("failed") }] });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 });
    await expect(poller).rejects.toMatchObject({ name: "HttpResponseError", code: "OperationFailed" });
    expect(sequence(s)).toHaveLength(1);
  });

  it("rejects submitted() and the poller when the initial request fails", async () => {
    const s = await arm({
      "PUT /r": [{ status: 400, body: { error: { code: "InvalidTemplate", message: "bad sku" } } }],
    });
    const poller = createHttpPoller(createTestLro("PUT", `${s.url}/r`), { intervalInMs: 0 });
    await expect(poller.submitted()).rejects.toMatchObject({ statusCode: 400, code: "InvalidTemplate" });
    await expect(poller).rejects.toMatchObject({ code: "InvalidTemplate" });
    expect(poller.operationState.status).toBe("failed");
  });
});
