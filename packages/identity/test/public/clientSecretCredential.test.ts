import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, ClientSecretCredential, isAuthenticationError } from "../../src/index.js";
import {
  closedLoopbackUrl,
  type LoopbackTokenServer,
  startLoopbackTokenServer,
  waitFor,
} from "../helpers/loopbackTokenServer.js";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const secret = "s3cr3t-VALUE-never-shown";
const arm = "https://management.azure.com/.default";
let server: LoopbackTokenServer;

beforeEach(async () => {
  server = await startLoopbackTokenServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

const credential = (
  options: { tenantId?: string; authorityHost?: string; allowed?: string[]; maxRetries?: number } = {},
) =>
  new ClientSecretCredential(options.tenantId ?? tenant, "client-1", secret, {
    authorityHost: options.authorityHost ?? server.url,
    additionallyAllowedTenants: options.allowed,
    retryOptions: options.maxRetries === undefined ? undefined : { maxRetries: options.maxRetries },
  });

describe("ClientSecretCredential", () => {
  it("posts the client-credentials form to {authority}/{tenant}/oauth2/v2.0/token", async () => {
    const token = await credential().getToken([arm, "openid"]);
    expect(token.token).toBe("entra-token-1");
    expect(token.tokenType).toBe("Bearer");
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3500_000);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/${tenant}/oauth2/v2.0/token`);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.form).toEqual({
      client_id: "client-1",
      client_secret: secret,
      scope: `${arm} openid`,
      grant_type: "client_credentials",
    });
  });

  it("caches a token per scope set", async () => {
    const c = credential();
    await c.getToken(arm);
    await c.getToken([arm]);
    await c.getToken("https://storage.azure.com/.default");
    expect(server.requests).toHaveLength(2);
  });

  it("shares one token request among concurrent callers", async () => {
    const c = credential();
    const tokens = await Promise.all(Array.from({ length: 5 }, () => c.getToken(arm)));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("refreshes five minutes before expiry, and keeps a valid token when the refresh fails", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const c = credential({ maxRetries: 0 });
    expect((await c.getToken(arm)).token).toBe("entra-token-1");
    vi.setSystemTime(Date.now() + 50 * 60_000);
    expect((await c.getToken(arm)).token).toBe("entra-token-1");
    vi.setSystemTime(Date.now() + 6 * 60_000); // 54 minutes after issue: inside the 5-minute window
    expect((await c.getToken(arm)).token).toBe("entra-token-2");
    vi.setSystemTime(Date.now() + 56 * 60_000);
    server.handle = (_request, res) => res.writeHead(503).end();
    expect((await c.getToken(arm)).token).toBe("entra-token-2");
  });

  it("uses the service's refresh_in or half the life of long-lived tokens", async () => {
    server.handle = (_r, res) =>
      res.end(JSON.stringify({ access_token: "long", expires_in: 86400, token_type: "Bearer" }));
    const token = await credential().getToken(arm);
    expect(token.refreshAfterTimestamp! - Date.now()).toBeGreaterThan(43000_000);
    expect(token.refreshAfterTimestamp! - Date.now()).toBeLessThanOrEqual(43200_000);
  });

  it("sends claims from a challenge and skips the cache for them", async () => {
    const c = credential();
    await c.getToken(arm);
    const token = await c.getToken(arm, { claims: '{"access_token":{"nbf":{"essential":true}}}' });
    expect(token.token).toBe("entra-token-2");
    expect(server.requests[1]?.form.claims).toBe('{"access_token":{"nbf":{"essential":true}}}');
  });

  it("rejects with AuthenticationError carrying the OAuth error, never the secret", async () => {
    server.handle = (_r, res) =>
      res.writeHead(401, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: "invalid_client",
          error_description: `AADSTS7000215: Invalid client secret provided (${secret}).\r\nTrace ID: 1`,
          error_codes: [7000215],
          correlation_id: "corr-1",
        }),
      );
    const error = await credential()
      .getToken(arm)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isAuthenticationError(error)).toBe(true);
    const authError = error as AuthenticationError;
    expect(authError.statusCode).toBe(401);
    expect(authError.code).toBe("AuthenticationFailed");
    expect(authError.errorResponse).toMatchObject({
      error: "invalid_client",
      errorCodes: [7000215],
      correlationId: "corr-1",
    });
    expect(authError.message).toContain("AADSTS7000215");
    expect(authError.message).not.toContain(secret);
    expect(inspect(authError, { depth: 10 })).not.toContain(secret);
  });

  it("rejects with AuthenticationError when the authority cannot be reached", async () => {
    const c = credential({ authorityHost: await closedLoopbackUrl(), maxRetries: 0 });
    await expect(c.getToken(arm)).rejects.toThrow(/could not reach .*ECONNREFUSED/);
  });

  it("refuses a non-https authority that is not on this machine, and malformed tenants", () => {
    expect(() => credential({ authorityHost: "http://login.example.com" })).toThrow(/https/);
    expect(() => credential({ tenantId: "../evil" })).toThrow(/tenantId/);
    expect(() => new ClientSecretCredential(tenant, "client", "")).toThrow(/required/);
  });

  it("asks another tenant only when additionallyAllowedTenants allows it", async () => {
    await expect(credential().getToken(arm, { tenantId: "other-tenant" })).rejects.toThrow(
      /additionallyAllowedTenants/,
    );
    await credential({ allowed: ["other-tenant"] }).getToken(arm, { tenantId: "other-tenant" });
    expect(server.requests.at(-1)?.path).toBe("/other-tenant/oauth2/v2.0/token");
  });

  it("retries a throttled token request after Retry-After, through the core-http pipeline", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let answered = 0;
    server.handle = (request, res) => {
      if (++answered === 1)
        res.writeHead(429, { "retry-after": "2" }).end('{"error":"temporarily_unavailable"}');
      else server.defaultHandler(request, res);
    };
    const pending = credential().getToken(arm);
    await waitFor(() => answered === 1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).token).toBe("entra-token-1");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^azkit-identity\/0\.1\.0 /);
    expect(server.requests[0]?.headers["x-ms-client-request-id"]).toBeTruthy();
  });

  it("does not retry a refusal (4xx other than 408/429)", async () => {
    server.handle = (_r, res) =>
      res.writeHead(400).end('{"error":"invalid_scope","error_description":"bad"}');
    await expect(credential().getToken(arm)).rejects.toThrow(/invalid_scope/);
    expect(server.requests).toHaveLength(1);
  });

  it("does not show the secret when inspected or serialized", () => {
    const c = credential();
    expect(inspect(c, { showHidden: true, depth: 5 })).not.toContain(secret);
    expect(JSON.stringify(c)).not.toContain(secret);
  });

  it("fails a token request in flight on close() with CLIENT_CLOSED, without retrying it", async () => {
    server.handle = () => {
      // Never answers: the request is in flight when close() runs.
    };
    const c = credential();
    const pending = c.getToken(arm).catch((e) => e);
    await waitFor(() => server.requests.length === 1);
    await c.close();
    const error = await pending;
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.message).toMatch(/CLIENT_CLOSED/);
    expect(error.cause.code).toBe("CLIENT_CLOSED");
    await waitFor(() => server.openSockets() === 0);
    expect(server.requests).toHaveLength(1);
  });

  it("releases its sockets on close() and on await using", async () => {
    const c = credential();
    await c.getToken(arm);
    expect(server.openSockets()).toBe(1);
    await c.close();
    await waitFor(() => server.openSockets() === 0);
    await c[Symbol.asyncDispose]();
    expect((await c.getToken(arm)).token).toBe("entra-token-2");
    await c[Symbol.asyncDispose]();
    await waitFor(() => server.openSockets() === 0);
  });
});
