import type { AccessToken, GetTokenOptions } from "@azkit/core-http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { normalizeScopes, scopeToResource, TokenCache } from "../../src/tokenCache.js";

function counting(lifetimeInMs = 3600_000) {
  const calls: { scopes: string[]; options: GetTokenOptions }[] = [];
  let failing = false;
  const cache = new TokenCache(async (scopes, options): Promise<AccessToken> => {
    calls.push({ scopes, options });
    if (failing) throw new Error("endpoint down");
    return { token: `t${calls.length}`, expiresOnTimestamp: Date.now() + lifetimeInMs };
  });
  return { cache, calls, fail: (value: boolean) => (failing = value) };
}

describe("TokenCache", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keys tokens by scope set (order-insensitive), tenant and CAE", async () => {
    const { cache, calls } = counting();
    await cache.getToken(["a", "b"]);
    await cache.getToken(["b", "a"]);
    await cache.getToken(["a", "b"], { tenantId: "other" });
    await cache.getToken(["a", "b"], { enableCae: true });
    expect(calls).toHaveLength(3);
  });

  it("fetches for claims every time and keeps the result for later callers", async () => {
    const { cache, calls } = counting();
    await cache.getToken(["a"]);
    await cache.getToken(["a"], { claims: "{}" });
    await cache.getToken(["a"], { claims: "{}" });
    expect((await cache.getToken(["a"])).token).toBe("t3");
    expect(calls).toHaveLength(3);
  });

  it("refreshes from five minutes before expiry and falls back to the valid token on failure", async () => {
    const { cache, calls, fail } = counting(60 * 60_000);
    await cache.getToken(["a"]);
    vi.setSystemTime(54 * 60_000);
    expect((await cache.getToken(["a"])).token).toBe("t1");
    vi.setSystemTime(56 * 60_000);
    fail(true);
    expect((await cache.getToken(["a"])).token).toBe("t1");
    vi.setSystemTime(60 * 60_000);
    await expect(cache.getToken(["a"])).rejects.toThrow("endpoint down");
    expect(calls).toHaveLength(3);
  });

  it("forgets everything on clear()", async () => {
    const { cache, calls } = counting();
    await cache.getToken(["a"]);
    cache.clear();
    await cache.getToken(["a"]);
    expect(calls).toHaveLength(2);
  });
});

describe("scope helpers", () => {
  it("normalize one or several scopes and reject empty ones", () => {
    expect(normalizeScopes("X", "s")).toEqual(["s"]);
    expect(() => normalizeScopes("X", [])).toThrow(/one or more scopes/);
    expect(() => normalizeScopes("X", [" "])).toThrow(TypeError);
  });

  it("turn one scope into a resource", () => {
    expect(scopeToResource("X", ["https://vault.azure.net/.default"])).toBe("https://vault.azure.net");
    expect(scopeToResource("X", ["api://app-id"])).toBe("api://app-id");
    expect(() => scopeToResource("X", ["a", "b"])).toThrow(/exactly one/);
    expect(() => scopeToResource("X", ["-flag"])).toThrow(TypeError);
  });
});
