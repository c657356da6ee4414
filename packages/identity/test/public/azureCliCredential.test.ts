import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  AzureCliCredential,
  CredentialUnavailableError,
  isCredentialUnavailableError,
} from "../../src/index.js";
import { createFakeAz } from "../helpers/fakeAz.js";

const arm = "https://management.azure.com/.default";
let az: Awaited<ReturnType<typeof createFakeAz>>;

beforeEach(async () => {
  az = await createFakeAz();
  vi.stubEnv("PATH", az.pathWithAz);
  vi.stubEnv("FAKE_AZ_LOG", az.log);
  vi.stubEnv("FAKE_AZ_MODE", "ok");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await az.remove();
});

describe("AzureCliCredential", () => {
  it("runs az account get-access-token for the scope's resource and reads its JSON", async () => {
    const token = await new AzureCliCredential().getToken(arm);
    expect(token.token).toBe("cli-token");
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3500_000);
    expect(token.expiresOnTimestamp).toBeLessThan(Date.now() + 3700_000);
    expect(await az.calls()).toEqual([
      "account get-access-token --output json --resource https://management.azure.com",
    ]);
  });

  it("passes the tenant and caches the token", async () => {
    const credential = new AzureCliCredential({ tenantId: "tenant-5" });
    await credential.getToken(arm);
    await credential.getToken(arm);
    expect(await az.calls()).toEqual([
      "account get-access-token --output json --resource https://management.azure.com --tenant tenant-5",
    ]);
  });

  it("passes a subscription (when no tenant is given) and refuses one that could smuggle arguments", async () => {
    await new AzureCliCredential({ subscription: "My Subscription" }).getToken(arm);
    expect(await az.calls()).toEqual([
      "account get-access-token --output json --resource https://management.azure.com --subscription My Subscription",
    ]);
    expect(() => new AzureCliCredential({ subscription: 'x" & calc' })).toThrow(/subscription must be/);
  });

  it("is unavailable, saying how to fix it, when az is not on PATH", async () => {
    const empty = await mkdtemp(join(tmpdir(), "azkit-noaz-"));
    vi.stubEnv("PATH", empty);
    const error = await new AzureCliCredential().getToken(arm).catch((e: unknown) => e);
    await rm(empty, { recursive: true });
    expect(isCredentialUnavailableError(error)).toBe(true);
    expect((error as Error).message).toMatch(/Azure CLI \(az\) was not found on PATH.*az login/);
  });

  it("is unavailable when not logged in", async () => {
    vi.stubEnv("FAKE_AZ_MODE", "logged-out");
    await expect(new AzureCliCredential().getToken(arm)).rejects.toThrow(/not logged in .*run "az login"/);
  });

  it("is unavailable when az does not answer within processTimeoutInMs", async () => {
    vi.stubEnv("FAKE_AZ_MODE", "slow");
    const error = await new AzureCliCredential({ processTimeoutInMs: 300 })
      .getToken(arm)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialUnavailableError);
    expect((error as Error).message).toMatch(/did not answer within 300 ms/);
  });

  it("fails with AuthenticationError quoting az's error otherwise", async () => {
    vi.stubEnv("FAKE_AZ_MODE", "broken");
    const error = await new AzureCliCredential().getToken(arm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("AADSTS50076");
    vi.stubEnv("FAKE_AZ_MODE", "garbage");
    await expect(new AzureCliCredential().getToken(arm)).rejects.toThrow(/other than JSON/);
  });

  it("refuses scopes and tenants that could smuggle arguments", async () => {
    await expect(new AzureCliCredential().getToken("https://x/.default --debug")).rejects.toThrow(TypeError);
    await expect(new AzureCliCredential().getToken("--debug")).rejects.toThrow(TypeError);
    expect(() => new AzureCliCredential({ tenantId: "--all" })).toThrow(/tenantId/);
    expect(() => new AzureCliCredential({ tenantId: "a b" })).toThrow(/tenantId/);
    expect(await az.calls()).toEqual([]);
  });
});
