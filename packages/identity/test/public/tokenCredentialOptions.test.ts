import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClientSecretCredential, getBearerTokenProvider } from "../../src/index.js";
import { type LoopbackTokenServer, startLoopbackTokenServer } from "../helpers/loopbackTokenServer.js";

let server: LoopbackTokenServer;
beforeEach(async () => {
  server = await startLoopbackTokenServer();
});
afterEach(() => server.close());

describe("options every credential shares", () => {
  it("additionalPolicies and userAgentOptions shape the token requests' pipeline", async () => {
    const seen: string[] = [];
    const credential = new ClientSecretCredential("tenant-1", "client-1", "secret-1", {
      authorityHost: server.url,
      userAgentOptions: { userAgentPrefix: "my-app/1.0" },
      additionalPolicies: [
        {
          policy: {
            name: "spy",
            sendRequest: (request, next) => {
              seen.push(request.url);
              return next(request);
            },
          },
          position: "perCall",
        },
      ],
    });
    await credential.getToken("https://management.azure.com/.default");
    expect(seen).toEqual([`${server.url}/tenant-1/oauth2/v2.0/token`]);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^my-app\/1\.0 azkit-identity\//);
  });

  it("accept @azure/identity's disableInstanceDiscovery and loggingOptions, which change nothing here", async () => {
    const credential = new ClientSecretCredential("tenant-1", "client-1", "secret-1", {
      authorityHost: server.url,
      disableInstanceDiscovery: true,
      loggingOptions: { allowLoggingAccountIdentifiers: true },
    });
    expect((await credential.getToken("https://management.azure.com/.default")).token).toBe("entra-token-1");
    expect(server.requests.map((r) => r.path)).toEqual(["/tenant-1/oauth2/v2.0/token"]);
  });

  it("getBearerTokenProvider returns the token string and reuses it while it is fresh", async () => {
    const credential = new ClientSecretCredential("tenant-1", "client-1", "secret-1", {
      authorityHost: server.url,
    });
    const getToken = getBearerTokenProvider(credential, "https://management.azure.com/.default");
    expect(await getToken()).toBe("entra-token-1");
    expect(await getToken()).toBe("entra-token-1");
    expect(server.requests).toHaveLength(1);
  });
});
