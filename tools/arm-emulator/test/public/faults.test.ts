import { afterEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, RG_API, send } from "../helpers.js";

describe("fault injection", () => {
  let arm: ArmEmulator | undefined;
  let c: ArmCaller;
  const start = async (options: Parameters<typeof startArmEmulator>[0] = {}) => {
    arm = await startArmEmulator({ https: false, ...options });
    c = await armCaller(arm);
    return arm;
  };
  afterEach(async () => {
    await arm?.close();
    arm = undefined;
  });

  it("answers the next N requests with 429 + Retry-After, then normally", async () => {
    const a = await start();
    a.injectFault({ kind: "status", status: 429, count: 2, retryAfterSeconds: 4 });
    const statuses: number[] = [];
    let first: Awaited<ReturnType<ArmCaller["call"]>> | undefined;
    for (let i = 0; i < 3; i++) {
      const reply = await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`);
      first ??= reply;
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(first!.headers["retry-after"]).toBe("4");
    expect(first!.json.error.code).toBe("SubscriptionRequestsThrottled");
  });

  it("answers 500 and 503 (503 with Retry-After), matching method and path filters", async () => {
    const a = await start();
    a.injectFault({ kind: "status", status: 500, methods: ["PUT"] });
    a.injectFault({ kind: "status", status: 503, pathContains: "/resourcegroups/special" });
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).status).toBe(200);
    const put = await c.call("PUT", `${c.sub}/resourcegroups/rg?${RG_API}`, { location: "westus" });
    expect(put.status).toBe(500);
    expect(put.json.error.code).toBe("InternalServerError");
    const special = await c.call("GET", `${c.sub}/resourceGroups/Special?${RG_API}`);
    expect(special.status).toBe(503);
    expect(special.headers["retry-after"]).toBe("1");
  });

  it("resets the connection", async () => {
    const a = await start();
    a.injectFault({ kind: "reset" });
    await expect(c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).rejects.toMatchObject({
      code: "ECONNRESET",
    });
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).status).toBe(200);
  });

  it("truncates a response body after the headers", async () => {
    const a = await start();
    a.injectFault({ kind: "truncate" });
    await expect(c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).rejects.toThrow(
      /aborted|socket hang up|ECONNRESET/,
    );
  });

  it("hangs a request while others are served, until the client gives up", async () => {
    const a = await start();
    a.injectFault({ kind: "hang", pathContains: "/resourcegroups/stuck" });
    const controller = new AbortController();
    const pending = send(`${a.url}${c.sub}/resourcegroups/stuck?${RG_API}`, { signal: controller.signal });
    let settled = false;
    pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await c.call("PUT", `${c.sub}/resourcegroups/other?${RG_API}`, { location: "westus" });
    expect((await c.call("GET", `${c.sub}/resourcegroups/other?${RG_API}`)).status).toBe(200);
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("drops hung requests on close()", async () => {
    const a = await start();
    a.injectFault({ kind: "hang" });
    const pending = send(`${a.url}${c.sub}/resourcegroups?${RG_API}`);
    // Wait until the emulator has taken the request (the fault is consumed), bounded.
    for (let i = 0; i < 100 && (await send(`${a.url}/__emulator/faults`)).json.faults.length > 0; i++) {
      await new Promise((r) => setImmediate(r));
    }
    await a.close();
    arm = undefined;
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it("is driven over HTTP by the control endpoint, and can target the token endpoint", async () => {
    const a = await start();
    const armed = await send(`${a.url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "status", status: 503, target: "token" }),
    });
    expect(armed.status).toBe(204);
    expect((await send(`${a.url}/__emulator/faults`)).json.faults).toHaveLength(1);
    const token = await send(a.tokenUrl, { method: "POST", body: "grant_type=client_credentials" });
    expect(token.status).toBe(503);
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).status).toBe(200);
    await send(`${a.url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ faults: [{ kind: "status", status: 429 }] }),
    });
    expect((await send(`${a.url}/__emulator/faults`, { method: "DELETE" })).status).toBe(204);
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).status).toBe(200);
  });

  it("lroFailure: a group delete fails on its Location URL (409) and the group stays", async () => {
    const a = await start({ lro: { polls: 1 } });
    await c.call("PUT", `${c.sub}/resourcegroups/rg?${RG_API}`, { location: "westus" });
    a.injectFault({ kind: "lroFailure", methods: ["DELETE"] });
    // A request-level fault check must not consume it.
    expect((await c.call("GET", `${c.sub}/resourcegroups/rg?${RG_API}`)).status).toBe(200);
    const started = await c.call("DELETE", `${c.sub}/resourcegroups/rg?${RG_API}`);
    expect(started.status).toBe(202);
    expect((await c.call("GET", started.headers.location!)).status).toBe(202);
    const failed = await c.call("GET", started.headers.location!);
    expect(failed.status).toBe(409);
    expect(failed.json.error.code).toBe("ResourceGroupDeletionBlocked");
    const group = await c.call("GET", `${c.sub}/resourcegroups/rg?${RG_API}`);
    expect(group.json.properties.provisioningState).toBe("Succeeded");
  });

  it("lroFailure: vault provisioning ends Failed, with the error on Azure-AsyncOperation", async () => {
    const a = await start({ lro: { polls: 1, asyncOperationHeader: true } });
    await c.call("PUT", `${c.sub}/resourcegroups/rg?${RG_API}`, { location: "westus" });
    a.injectFault({ kind: "lroFailure", pathContains: "/vaults/" });
    const created = await c.call(
      "PUT",
      `${c.sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1?api-version=2025-05-01`,
      {
        location: "westus",
        properties: { tenantId: a.tenantId, sku: { family: "A", name: "standard" } },
      },
    );
    expect(created.status).toBe(201);
    const monitor = created.headers["azure-asyncoperation"]!;
    expect((await c.call("GET", monitor)).json.status).toBe("InProgress");
    const failed = await c.call("GET", monitor);
    expect(failed.json).toMatchObject({ status: "Failed", error: { code: "VaultProvisioningFailed" } });
    const vault = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1?api-version=2025-05-01`,
    );
    expect(vault.json.properties.provisioningState).toBe("Failed");
  });

  it("arms faults given in the options", async () => {
    await start({ faults: [{ kind: "status", status: 502, count: 1 }] });
    // the token request (target "token") is not affected; the first ARM call is.
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`)).status).toBe(502);
  });
});
