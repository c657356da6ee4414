import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller } from "../helpers.js";

describe("api-version checks", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
    c = await armCaller(arm);
    await c.call("PUT", `${c.sub}/resourcegroups/rg?api-version=2025-04-01`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("answers 400 MissingApiVersionParameter without api-version", async () => {
    const reply = await c.call("GET", `${c.sub}/resourcegroups/rg`);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toEqual({
      code: "MissingApiVersionParameter",
      message: "The api-version query parameter (?api-version=) is required for all requests.",
    });
  });

  it("answers 400 InvalidApiVersionParameter listing the supported versions for Microsoft.Resources", async () => {
    const reply = await c.call("GET", `${c.sub}/resourcegroups/rg?api-version=2099-01-01`);
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidApiVersionParameter");
    expect(reply.json.error.message).toMatch(
      /^The api-version '2099-01-01' is invalid\. The supported versions are '2025-04-01,[\d,-]+'\.$/,
    );
    expect(reply.headers["x-ms-failure-cause"]).toBe("gateway");
  });

  it("answers 400 NoRegisteredProviderFound for a provider type with an unknown version", async () => {
    const vault = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v1?api-version=2030-01-01`,
    );
    expect(vault.status).toBe(400);
    expect(vault.json.error.code).toBe("NoRegisteredProviderFound");
    expect(vault.json.error.message).toContain("for type 'vaults'. The supported api-versions are '");
    expect(vault.json.error.message).toMatch(/'[^']*2026-02-01, 2025-05-01, [^']*2015-06-01'/);
    const web = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Microsoft.Web/sites/s1?api-version=2022-09-01`,
    );
    expect(web.json.error.message).toContain(
      "The supported api-versions are '2025-05-01, 2025-03-01, 2024-11-01,",
    );
  });

  it("accepts the spec versions, older recorded ones, and the parameter name in any case", async () => {
    for (const v of ["2025-04-01", "2021-04-01"]) {
      expect((await c.call("GET", `${c.sub}/resourcegroups/rg?api-version=${v}`)).status).toBe(200);
    }
    expect((await c.call("GET", `${c.sub}/resourcegroups/rg?API-VERSION=2025-04-01`)).status).toBe(200);
    const web = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Microsoft.Web/serverfarms?api-version=2024-11-01`,
    );
    expect(web.status).toBe(200);
  });

  it("accepts any well-formed version for generic namespaces, and rejects a malformed one", async () => {
    const ok = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Contoso.Widgets/widgets?api-version=2023-05-01-preview`,
    );
    expect(ok.status).toBe(200);
    const bad = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg/providers/Contoso.Widgets/widgets?api-version=latest`,
    );
    expect(bad.json.error.code).toBe("NoRegisteredProviderFound");
  });

  it("answers 404 SubscriptionNotFound for another subscription", async () => {
    const reply = await c.call(
      "GET",
      "/subscriptions/12345678-1234-1234-1234-123456789012/resourcegroups?api-version=2025-04-01",
    );
    expect(reply.status).toBe(404);
    expect(reply.json.error.code).toBe("SubscriptionNotFound");
  });
});
