import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  CredentialUnavailableError,
  isCredentialUnavailableError,
  ManagedIdentityCredential,
} from "../../src/index.js";
import {
  closedLoopbackUrl,
  type LoopbackTokenServer,
  startLoopbackTokenServer,
} from "../helpers/loopbackTokenServer.js";

const arm = "https://management.azure.com/.default";
let server: LoopbackTokenServer;

beforeEach(async () => {
  server = await startLoopbackTokenServer();
  vi.stubEnv("IDENTITY_ENDPOINT", "");
  vi.stubEnv("IDENTITY_HEADER", "");
  vi.stubEnv("AZURE_POD_IDENTITY_AUTHORITY_HOST", "");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await server.close();
});

describe("ManagedIdentityCredential on IMDS", () => {
  it("asks IMDS for the system-assigned identity's token for the scope's resource", async () => {
    const credential = new ManagedIdentityCredential({ imdsEndpoint: server.url });
    const token = await credential.getToken(arm);
    expect(token.token).toBe("imds-token-1");
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3500_000);
    const [request] = server.requests;
    expect(request?.path).toBe("/metadata/identity/oauth2/token");
    expect(request?.headers.metadata).toBe("true");
    expect(request?.query).toEqual({ "api-version": "2018-02-01", resource: "https://management.azure.com" });
    await credential.close();
  });

  it("names a user-assigned identity by client id, resource id or object id", async () => {
    await new ManagedIdentityCredential("client-9", { imdsEndpoint: server.url }).getToken(arm);
    await new ManagedIdentityCredential({
      resourceId: "/subscriptions/s/rg/id",
      imdsEndpoint: server.url,
    }).getToken(arm);
    await new ManagedIdentityCredential({ objectId: "object-7", imdsEndpoint: server.url }).getToken(arm);
    expect(server.requests.map((r) => [r.query.client_id, r.query.msi_res_id, r.query.object_id])).toEqual([
      ["client-9", undefined, undefined],
      [undefined, "/subscriptions/s/rg/id", undefined],
      [undefined, undefined, "object-7"],
    ]);
    expect(() => new ManagedIdentityCredential({ clientId: "a", objectId: "b" })).toThrow(/at most one/);
  });

  it("takes the IMDS endpoint from AZURE_POD_IDENTITY_AUTHORITY_HOST", async () => {
    vi.stubEnv("AZURE_POD_IDENTITY_AUTHORITY_HOST", server.url);
    await new ManagedIdentityCredential().getToken(arm);
    expect(server.requests).toHaveLength(1);
  });

  it("is unavailable when nothing answers at the endpoint", async () => {
    const credential = new ManagedIdentityCredential({ imdsEndpoint: await closedLoopbackUrl() });
    const error = await credential.getToken(arm).catch((e: unknown) => e);
    expect(isCredentialUnavailableError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no managed identity endpoint answered .*ECONNREFUSED/);
  });

  it("is unavailable when the endpoint does not answer within the probe timeout", async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const received = new Promise<void>((resolve) => hanging.once("request", () => resolve()));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const credential = new ManagedIdentityCredential({
      imdsEndpoint: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
    });
    const pending = credential.getToken(arm).catch((e: unknown) => e);
    await received;
    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(CredentialUnavailableError);
    expect((error as Error).message).toMatch(/REQUEST_TIMEOUT/);
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it("is unavailable when IMDS says the identity is not assigned (400)", async () => {
    server.handle = (_r, res) =>
      res
        .writeHead(400)
        .end(JSON.stringify({ error: "invalid_request", error_description: "Identity not found" }));
    const error = await new ManagedIdentityCredential({ clientId: "x", imdsEndpoint: server.url })
      .getToken(arm)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialUnavailableError);
    expect((error as Error).message).toContain("Identity not found");
  });

  it("fails with AuthenticationError when the endpoint errors otherwise", async () => {
    server.handle = (_r, res) => res.writeHead(500).end(JSON.stringify({ error: "server_error" }));
    const error = await new ManagedIdentityCredential({ imdsEndpoint: server.url })
      .getToken(arm)
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).statusCode).toBe(500);
  });

  it("takes exactly one scope", async () => {
    const credential = new ManagedIdentityCredential({ imdsEndpoint: server.url });
    await expect(credential.getToken([arm, "https://storage.azure.com/.default"])).rejects.toThrow(
      /exactly one/,
    );
  });
});

describe("ManagedIdentityCredential on App Service", () => {
  it("asks IDENTITY_ENDPOINT with IDENTITY_HEADER, preferring it to IMDS", async () => {
    vi.stubEnv("IDENTITY_ENDPOINT", `${server.url}/msi/token`);
    vi.stubEnv("IDENTITY_HEADER", "header-secret");
    const token = await new ManagedIdentityCredential({
      clientId: "client-3",
      imdsEndpoint: "http://127.0.0.2",
    }).getToken(arm);
    expect(token.token).toBe("appservice-token-1");
    const [request] = server.requests;
    expect(request?.path).toBe("/msi/token");
    expect(request?.headers["x-identity-header"]).toBe("header-secret");
    expect(request?.query).toEqual({
      "api-version": "2019-08-01",
      resource: "https://management.azure.com",
      client_id: "client-3",
    });
  });
});
