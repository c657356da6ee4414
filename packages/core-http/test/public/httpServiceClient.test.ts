import { describe, expect, it } from "vitest";
import {
  type AccessToken,
  createPipelineRequest,
  type PipelineResponse,
  ServiceClient,
  type TokenCredential,
} from "../../src/index.js";
import { serversClosedAfterEach, startServer } from "../helpers/loopbackServer.js";

const servers = serversClosedAfterEach();

function fakeCredential(scopesSeen: string[][]): TokenCredential {
  return {
    async getToken(scopes): Promise<AccessToken> {
      scopesSeen.push(typeof scopes === "string" ? [scopes] : scopes);
      return { token: "token-for-the-service", expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

describe("ServiceClient", () => {
  it("signs each call with the credential, scoped to the endpoint by default", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    servers.push(server);
    const scopes: string[][] = [];
    const client = new ServiceClient({
      endpoint: server.url,
      credential: fakeCredential(scopes),
      allowInsecureConnection: true,
      packageName: "@azkit/sc-test",
      packageVersion: "1.0.0",
    });
    const seen: PipelineResponse[] = [];
    await client.sendRequest(createPipelineRequest({ url: "/a" }), { onResponse: (r) => seen.push(r) });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer token-for-the-service");
    expect(scopes[0]).toEqual([`${server.url}/.default`]);
    expect(seen.map((r) => r.status)).toEqual([200]);
    expect(client.pipeline.getOrderedPolicies().map((p) => p.name)).toContain(
      "bearerTokenAuthenticationPolicy",
    );
  });

  it("never sends the token to the origin a redirect points at", async () => {
    const other = await startServer((_req, res) => res.end("other origin"));
    const server = await startServer((_req, res) => {
      res.writeHead(307, { Location: `${other.url}/landing` });
      res.end();
    });
    servers.push(other, server);
    const client = new ServiceClient({
      endpoint: server.url,
      credential: fakeCredential([]),
      allowInsecureConnection: true,
      redirectOptions: { allowCrossOriginRedirects: true },
      packageName: "@azkit/sc-test",
      packageVersion: "1.0.0",
    });
    const response = await client.sendRequest(createPipelineRequest({ url: "/start" }));
    expect(response.bodyAsText).toBe("other origin");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer token-for-the-service");
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("resolves relative URLs against the endpoint", async () => {
    const server = await startServer((req, res) => res.end(req.url));
    servers.push(server);
    const client = new ServiceClient({
      endpoint: `${server.url}/base/`,
      allowInsecureConnection: true,
      packageName: "@azkit/sc-test",
      packageVersion: "1.0.0",
    });
    expect((await client.sendRequest(createPipelineRequest({ url: "/abs?x=1" }))).bodyAsText).toBe(
      "/abs?x=1",
    );
    expect((await client.sendRequest(createPipelineRequest({ url: "rel" }))).bodyAsText).toBe("/base/rel");
  });

  it("needs scopes or an endpoint for a credential", () => {
    expect(
      () =>
        new ServiceClient({ credential: fakeCredential([]), packageName: "@azkit/x", packageVersion: "1" }),
    ).toThrow(/credentialScopes/);
  });
});
