import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPipelineRequest, type PipelineRequest, ServiceClient } from "@azkit/core-http";
import { createHttpPoller, createPipelineLro } from "../../src/index.js";
import { useFakePollTimers, runWithFakeTimers } from "../helpers/fakeTime.js";
import { type LoopbackServer, sequence, startScriptServer } from "../helpers/loopbackServer.js";
import { readRecording, recordedPath, toScripted } from "../helpers/recording.js";
import { createTestLro } from "../helpers/testLro.js";

const RG_DELETE =
  "Azure/azure-sdk-for-js/sdk/resources/arm-resources/recordings/node/resources_test/recording_resourcegroups_delete_test.json";
const VAULT_CREATE =
  "Azure/azure-sdk-for-js/sdk/keyvault/arm-keyvault/recordings/node/keyvault_test/recording_vaults_create_test.json";

let server: LoopbackServer | undefined;
beforeEach(() => useFakePollTimers());
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe("replaying recorded ARM traffic", () => {
  it("resource group delete: 202 + Location + Retry-After 15, polled until 200, exactly as recorded", async () => {
    const entries = readRecording(RG_DELETE);
    // The operation is the DELETE and the GETs of its Location; the recording then lists groups (not ours).
    const location = entries[0]!.ResponseHeaders.Location!;
    const lro = entries.filter((e, i) => i === 0 || e.RequestUri === location);
    expect(lro.map((e) => e.StatusCode)).toEqual([202, 202, 202, 202, 202, 202, 202, 200]);
    server = await startScriptServer(lro.map((e) => (_req, base: string) => toScripted(e, base)));

    const url = server.url + recordedPath(lro[0]!);
    const poller = createHttpPoller<void>(createTestLro("DELETE", url));
    const waits: number[] = [];
    await expect(runWithFakeTimers(poller.pollUntilDone(), waits)).resolves.toBeUndefined();

    expect(sequence(server)).toEqual(lro.map((e) => `${e.RequestMethod} ${recordedPath(e)}`));
    // Retry-After: 15 wins over the 2 s default before each of the seven polls.
    expect(waits).toEqual([15000, 15000, 15000, 15000, 15000, 15000, 15000]);
    const times = server.requests.map((r) => r.time);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(waits);
    expect(poller.operationState.status).toBe("succeeded");
  });

  it("resource group delete through a core-http ServiceClient pipeline makes the same requests", async () => {
    const entries = readRecording(RG_DELETE);
    const location = entries[0]!.ResponseHeaders.Location!;
    const lro = entries.filter((e, i) => i === 0 || e.RequestUri === location);
    server = await startScriptServer(lro.map((e) => (_req, base: string) => toScripted(e, base)));
    const client = new ServiceClient({
      packageName: "@azkit/core-lro-tests",
      packageVersion: "0.0.0",
      allowInsecureConnection: true,
    });
    let inFlight = 0;
    const sendRequest = async (request: PipelineRequest) => {
      inFlight++;
      try {
        return await client.sendRequest(request);
      } finally {
        inFlight--;
      }
    };
    const initialRequest = createPipelineRequest({
      url: server.url + recordedPath(lro[0]!),
      method: "DELETE",
    });
    const poller = createHttpPoller<void>(createPipelineLro({ sendRequest, initialRequest }));
    const waits: number[] = [];
    await runWithFakeTimers(poller.pollUntilDone(), waits, () => inFlight === 0);
    expect(sequence(server)).toEqual(lro.map((e) => `${e.RequestMethod} ${recordedPath(e)}`));
    expect(waits).toEqual(Array(7).fill(15000));
  });

  it("vault create: a 200 with provisioningState Succeeded completes with zero polls", async () => {
    const entries = readRecording(VAULT_CREATE);
    expect(entries).toHaveLength(1);
    const [put] = entries;
    server = await startScriptServer([(_req, base: string) => toScripted(put!, base)]);
    const poller = createHttpPoller(
      createTestLro("PUT", server.url + recordedPath(put!), { location: "eastus" }),
    );
    const waits: number[] = [];
    await expect(runWithFakeTimers(poller.pollUntilDone(), waits)).resolves.toEqual(put!.ResponseBody);
    expect(sequence(server)).toEqual([`PUT ${recordedPath(put!)}`]);
    expect(waits).toEqual([]);
  });
});
