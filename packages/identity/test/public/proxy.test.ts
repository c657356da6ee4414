import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClientSecretCredential, ManagedIdentityCredential } from "../../src/index.js";
import { type LoopbackForwardProxy, startLoopbackForwardProxy } from "../helpers/loopbackForwardProxy.js";
import { type LoopbackTokenServer, startLoopbackTokenServer } from "../helpers/loopbackTokenServer.js";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const arm = "https://management.azure.com/.default";
const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];
let server: LoopbackTokenServer;
let proxy: LoopbackForwardProxy;

beforeEach(async () => {
  for (const name of PROXY_VARIABLES) vi.stubEnv(name, "");
  vi.stubEnv("IDENTITY_ENDPOINT", "");
  vi.stubEnv("IDENTITY_HEADER", "");
  server = await startLoopbackTokenServer();
  proxy = await startLoopbackForwardProxy();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await server.close();
});

describe("credentials behind a proxy", () => {
  it("ClientSecretCredential sends its token request through HTTP_PROXY", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    const credential = new ClientSecretCredential(tenant, "client-1", "s3cr3t", {
      authorityHost: server.url,
    });
    expect((await credential.getToken(arm)).token).toBe("entra-token-1");
    expect(proxy.seen).toEqual([`POST ${server.url}/${tenant}/oauth2/v2.0/token`]);
    await credential.close();
  });

  it("ManagedIdentityCredential sends its IMDS request through HTTP_PROXY", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    const credential = new ManagedIdentityCredential({ imdsEndpoint: server.url });
    expect((await credential.getToken(arm)).token).toBe("imds-token-1");
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.seen[0]).toMatch(new RegExp(`^GET ${server.url}/metadata/identity/oauth2/token\\?`));
    await credential.close();
  });

  it("goes direct to a host NO_PROXY lists", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", "127.0.0.1");
    const credential = new ClientSecretCredential(tenant, "client-1", "s3cr3t", {
      authorityHost: server.url,
    });
    expect((await credential.getToken(arm)).token).toBe("entra-token-1");
    expect(proxy.seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
    await credential.close();
  });
});
