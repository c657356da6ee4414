import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  HttpResponseError,
  isHttpResponseError,
  type PipelineRequest,
  ResourceExistsError,
  ResourceNotFoundError,
  RestError,
  ServiceClient,
} from "@azkit/core-http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpPoller, createPipelineLro } from "../../src/index.js";
import { type LoopbackServer, sequence, startArmServer } from "../helpers/loopbackServer.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const httpClient = createDefaultHttpClient();
const sent: PipelineRequest[] = [];
const sendRequest = (request: PipelineRequest) => {
  sent.push(request);
  return httpClient.sendRequest(request);
};

function put(url: string, body: unknown): PipelineRequest {
  return createPipelineRequest({
    url,
    method: "PUT",
    body: JSON.stringify(body),
    headers: createHttpHeaders({ "content-type": "application/json" }),
    allowInsecureConnection: true,
    operationName: "Vaults_CreateOrUpdate",
  });
}

describe("createPipelineLro (core-http pipeline)", () => {
  it("drives an ARM operation through core-http requests and responses", async () => {
    server = await startArmServer({
      "PUT /vaults/v1": [
        { status: 201, headers: { "Azure-AsyncOperation": "{base}/ops/1" }, body: { id: "v1" } },
      ],
      "GET /ops/1": [
        { status: 200, body: { status: "InProgress" } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /vaults/v1": [{ status: 200, body: { id: "v1", properties: { provisioningState: "Succeeded" } } }],
    });
    sent.length = 0;
    const lro = createPipelineLro({
      sendRequest,
      initialRequest: put(`${server.url}/vaults/v1`, { location: "x" }),
    });
    const poller = createHttpPoller(lro, { intervalInMs: 0 });
    await expect(poller).resolves.toEqual({ id: "v1", properties: { provisioningState: "Succeeded" } });
    expect(sequence(server)).toEqual(["PUT /vaults/v1", "GET /ops/1", "GET /ops/1", "GET /vaults/v1"]);
    expect(server.requests[0]!.body).toBe('{"location":"x"}');
    // Polls reuse the initial request's per-call settings and operation name.
    expect(
      sent.slice(1).every((r) => r.method === "GET" && r.operationName === "Vaults_CreateOrUpdate"),
    ).toBe(true);
  });

  it("raises core-http's HttpResponseError (instanceof, isHttpResponseError) for a Failed operation", async () => {
    server = await startArmServer({
      "PUT /vaults/v2": [{ status: 201, headers: { "Azure-AsyncOperation": "{base}/ops/2" } }],
      "GET /ops/2": [
        { status: 200, body: { status: "Failed", error: { code: "VaultAlreadyExists", message: "taken" } } },
      ],
    });
    const poller = createHttpPoller(
      createPipelineLro({ sendRequest, initialRequest: put(`${server.url}/vaults/v2`, {}) }),
      { intervalInMs: 0 },
    );
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpResponseError);
    expect(error).toBeInstanceOf(RestError);
    expect(isHttpResponseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "VaultAlreadyExists", statusCode: 200 });
    expect((error as HttpResponseError).message).toMatch(
      /\(VaultAlreadyExists\) taken[\s\S]*Operation: PUT http/,
    );
    expect((error as HttpResponseError).response?.status).toBe(200);
  });

  it("maps a 4xx reading the final result to the typed core-http error", async () => {
    server = await startArmServer({
      "PUT /vaults/v3": [{ status: 202, headers: { location: "{base}/loc/3" } }],
      "GET /loc/3": [{ status: 200 }],
      "GET /vaults/v3": [{ status: 404, body: { error: { code: "ResourceNotFound", message: "gone" } } }],
    });
    const poller = createHttpPoller(
      createPipelineLro({ sendRequest, initialRequest: put(`${server.url}/vaults/v3`, {}) }),
      { intervalInMs: 0 },
    );
    const error = await poller.pollUntilDone().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    expect((error as Error).message).toContain("While: reading the operation's final result");
  });

  it("raises an AbortError from core-http when the wait is aborted", async () => {
    server = await startArmServer({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/loc", "retry-after": "30" } }],
    });
    const initialRequest = createPipelineRequest({
      url: `${server.url}/r`,
      method: "DELETE",
      allowInsecureConnection: true,
    });
    const poller = createHttpPoller(createPipelineLro({ sendRequest, initialRequest }));
    await poller.submitted();
    const controller = new AbortController();
    const waiting = poller.pollUntilDone({ abortSignal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError", code: "ABORTED" });
    expect(sequence(server)).toEqual(["DELETE /r"]);
  });
});

describe("createPipelineLro over a ServiceClient (throws for statuses >= 400)", () => {
  const client = new ServiceClient({
    packageName: "@azkit/core-lro-tests",
    packageVersion: "0.0.0",
    allowInsecureConnection: true,
    retryTotal: 0,
  });
  const viaClient = (request: PipelineRequest) => client.sendRequest(request);

  it("completes an operation the same way", async () => {
    server = await startArmServer({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/loc" } }],
      "GET /loc": [{ status: 202, headers: { location: "{base}/loc" } }, { status: 204 }],
    });
    const initialRequest = createPipelineRequest({ url: `${server.url}/r`, method: "DELETE" });
    const poller = createHttpPoller(createPipelineLro({ sendRequest: viaClient, initialRequest }), {
      intervalInMs: 0,
    });
    await expect(poller).resolves.toBeUndefined();
    expect(sequence(server)).toEqual(["DELETE /r", "GET /loc", "GET /loc"]);
  });

  it("still reports a 4xx from the Location as the operation's failure", async () => {
    server = await startArmServer({
      "DELETE /r": [{ status: 202, headers: { location: "{base}/loc" } }],
      "GET /loc": [{ status: 409, body: { error: { code: "ScopeLocked", message: "locked" } } }],
    });
    const initialRequest = createPipelineRequest({ url: `${server.url}/r`, method: "DELETE" });
    const poller = createHttpPoller(createPipelineLro({ sendRequest: viaClient, initialRequest }), {
      intervalInMs: 0,
    });
    await expect(poller).rejects.toBeInstanceOf(ResourceExistsError);
    expect(poller.operationState).toMatchObject({
      status: "failed",
      error: { code: "ScopeLocked", statusCode: 409 },
    });
  });
});
