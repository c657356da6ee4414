import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AccessToken,
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type GetTokenOptions,
  type HttpClient,
  isAzureError,
  type PipelineRequestOptions,
  type PipelineResponse,
  type TokenCredential,
} from "../../src/index.js";

const scope = "https://management.azure.com/.default";
const minutes = (n: number) => n * 60_000;

/** A credential that issues "token-1", "token-2", ... valid for `lifetimeInMs`, recording each call. */
function countingCredential(lifetimeInMs = minutes(60)) {
  const calls: { scopes: string | string[]; options?: GetTokenOptions }[] = [];
  let fail = false;
  const credential: TokenCredential = {
    async getToken(scopes, options) {
      calls.push({ scopes, options });
      await Promise.resolve();
      if (fail) throw new Error("token endpoint down");
      return { token: `token-${calls.length}`, expiresOnTimestamp: Date.now() + lifetimeInMs };
    },
  };
  return { credential, calls, setFailing: (value: boolean) => (fail = value) };
}

/** An HttpClient answering with `respond(request)`, recording the Authorization header of each request. */
function recordingClient(respond: (attempt: number) => Partial<PipelineResponse> = () => ({ status: 200 })) {
  const authorizations: (string | undefined)[] = [];
  const client: HttpClient = {
    async sendRequest(request) {
      authorizations.push(request.headers.get("authorization"));
      const answer = respond(authorizations.length);
      return { request, status: 200, headers: createHttpHeaders(), bodyAsText: "", ...answer };
    },
  };
  return { client, authorizations };
}

function pipelineWith(credential: TokenCredential | undefined) {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: scope }), { phase: "Sign" });
  return pipeline;
}

const request = (options: Partial<PipelineRequestOptions> = {}) =>
  createPipelineRequest({
    url: "https://management.azure.com/subscriptions?api-version=2022-12-01",
    ...options,
  });

describe("bearerTokenAuthenticationPolicy", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends Authorization: Bearer with a token for its scopes", async () => {
    const { credential, calls } = countingCredential();
    const { client, authorizations } = recordingClient();
    await pipelineWith(credential).sendRequest(client, request());
    expect(authorizations).toEqual(["Bearer token-1"]);
    expect(calls[0]?.scopes).toEqual([scope]);
    expect(bearerTokenAuthenticationPolicy({ scopes: scope }).name).toBe(bearerTokenAuthenticationPolicyName);
  });

  it("reuses the cached token for later requests", async () => {
    const { credential, calls } = countingCredential();
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    for (let i = 0; i < 3; i++) await pipeline.sendRequest(client, request());
    expect(calls).toHaveLength(1);
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1"]);
  });

  it("shares one token fetch among concurrent requests", async () => {
    const { credential, calls } = countingCredential();
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    await Promise.all(Array.from({ length: 10 }, () => pipeline.sendRequest(client, request())));
    expect(calls).toHaveLength(1);
    expect(new Set(authorizations)).toEqual(new Set(["Bearer token-1"]));
  });

  it("refreshes in the background within two minutes of expiry while still sending the current token", async () => {
    const { credential, calls } = countingCredential(minutes(10));
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    await pipeline.sendRequest(client, request());
    vi.setSystemTime(Date.now() + minutes(7));
    await pipeline.sendRequest(client, request());
    expect(calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + minutes(1.5)); // 1.5 minutes before expiry
    await pipeline.sendRequest(client, request());
    await vi.runAllTimersAsync();
    await pipeline.sendRequest(client, request());
    expect(calls).toHaveLength(2);
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("honors the token's refreshAfterTimestamp", async () => {
    let n = 0;
    const credential: TokenCredential = {
      getToken: async (): Promise<AccessToken> => ({
        token: `t${++n}`,
        expiresOnTimestamp: Date.now() + minutes(60),
        refreshAfterTimestamp: Date.now() + minutes(30),
      }),
    };
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    await pipeline.sendRequest(client, request());
    vi.setSystemTime(Date.now() + minutes(31));
    await pipeline.sendRequest(client, request());
    await vi.runAllTimersAsync();
    await pipeline.sendRequest(client, request());
    expect(authorizations).toEqual(["Bearer t1", "Bearer t1", "Bearer t2"]);
  });

  it("waits for a new token once the old one has expired", async () => {
    const { credential, calls } = countingCredential(minutes(5));
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    await pipeline.sendRequest(client, request());
    vi.setSystemTime(Date.now() + minutes(6));
    await pipeline.sendRequest(client, request());
    expect(calls).toHaveLength(2);
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("keeps using a still-valid token when a background refresh fails", async () => {
    const { credential, setFailing } = countingCredential(minutes(10));
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    await pipeline.sendRequest(client, request());
    setFailing(true);
    vi.setSystemTime(Date.now() + minutes(9));
    await pipeline.sendRequest(client, request());
    await vi.runAllTimersAsync();
    await pipeline.sendRequest(client, request());
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1"]);
  });

  it("fails the request when no valid token can be had", async () => {
    const { credential, setFailing } = countingCredential();
    setFailing(true);
    const { client, authorizations } = recordingClient();
    await expect(pipelineWith(credential).sendRequest(client, request())).rejects.toThrow(
      "token endpoint down",
    );
    expect(authorizations).toEqual([]);
  });

  it("fails with code NO_ACCESS_TOKEN when the credential gives no token", async () => {
    const { client, authorizations } = recordingClient();
    const error = await pipelineWith({ getToken: async () => null })
      .sendRequest(client, request())
      .catch((e: unknown) => e);
    expect(isAzureError(error)).toBe(true);
    expect((error as { code?: string }).code).toBe("NO_ACCESS_TOKEN");
    expect(authorizations).toEqual([]);
  });

  it("refuses plain http", async () => {
    const { credential, calls } = countingCredential();
    const { client, authorizations } = recordingClient();
    await expect(
      pipelineWith(credential).sendRequest(client, request({ url: "http://management.azure.com/x" })),
    ).rejects.toThrow(/refusing to send credentials over http/);
    expect([calls.length, authorizations.length]).toEqual([0, 0]);
  });

  it("allows plain http to a loopback host only with allowInsecureConnection", async () => {
    const { credential } = countingCredential();
    const { client, authorizations } = recordingClient();
    const pipeline = pipelineWith(credential);
    for (const url of ["http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:99/x"]) {
      await pipeline.sendRequest(client, request({ url, allowInsecureConnection: true }));
    }
    expect(authorizations).toHaveLength(3);
    await expect(pipeline.sendRequest(client, request({ url: "http://127.0.0.1/x" }))).rejects.toThrow(
      /refusing/,
    );
    await expect(
      pipeline.sendRequest(client, request({ url: "http://10.0.0.5/x", allowInsecureConnection: true })),
    ).rejects.toThrow(/loopback/);
  });

  it("answers a 401 claims challenge once with a token for those claims", async () => {
    const { credential, calls } = countingCredential();
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1726000000"}}}';
    const challenge = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(claims).toString("base64")}"`;
    const { client, authorizations } = recordingClient((attempt) =>
      attempt === 1
        ? { status: 401, headers: createHttpHeaders({ "WWW-Authenticate": challenge }) }
        : { status: 200 },
    );
    const response = await pipelineWith(credential).sendRequest(client, request());
    expect(response.status).toBe(200);
    expect(calls[1]?.options?.claims).toBe(claims);
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("does not loop when the service challenges again", async () => {
    const { credential, calls } = countingCredential();
    const challenge = `Bearer error="insufficient_claims", claims="${Buffer.from("{}").toString("base64")}"`;
    const { client, authorizations } = recordingClient(() => ({
      status: 401,
      headers: createHttpHeaders({ "www-authenticate": challenge }),
    }));
    const response = await pipelineWith(credential).sendRequest(client, request());
    expect(response.status).toBe(401);
    expect(authorizations).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("returns a 401 without a claims challenge as it is", async () => {
    const { credential, calls } = countingCredential();
    const { client, authorizations } = recordingClient(() => ({
      status: 401,
      headers: createHttpHeaders({ "www-authenticate": 'Bearer error="invalid_token"' }),
    }));
    expect((await pipelineWith(credential).sendRequest(client, request())).status).toBe(401);
    expect([authorizations.length, calls.length]).toEqual([1, 1]);
  });

  it("does not resend a request whose one-shot stream body was consumed", async () => {
    const { Readable } = await import("node:stream");
    const { credential } = countingCredential();
    const challenge = `Bearer error="insufficient_claims", claims="${Buffer.from("{}").toString("base64")}"`;
    const { client, authorizations } = recordingClient(() => ({
      status: 401,
      headers: createHttpHeaders({ "www-authenticate": challenge }),
    }));
    const response = await pipelineWith(credential).sendRequest(
      client,
      request({ method: "PUT", body: Readable.from(["data"]) }),
    );
    expect(response.status).toBe(401);
    expect(authorizations).toHaveLength(1);
  });

  it("sends requests unauthenticated when it has no credential", async () => {
    const { client, authorizations } = recordingClient();
    await pipelineWith(undefined).sendRequest(client, request({ url: "http://example.com/" }));
    expect(authorizations).toEqual([undefined]);
  });

  it("lets challengeCallbacks replace authorization and challenge handling", async () => {
    const { credential } = countingCredential();
    const pipeline = createEmptyPipeline();
    const seenStatuses: number[] = [];
    pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({
        credential,
        scopes: [scope],
        challengeCallbacks: {
          async authorizeRequest({ request: req, getAccessToken, scopes }) {
            const token = await getAccessToken(scopes);
            req.headers.set("authorization", `PoP ${token?.token}`);
          },
          async authorizeRequestOnChallenge({ response, request: req }) {
            seenStatuses.push(response.status);
            req.headers.set("authorization", "PoP renewed");
            return true;
          },
        },
      }),
    );
    const { client, authorizations } = recordingClient((attempt) =>
      attempt === 1 ? { status: 401, headers: createHttpHeaders({ "www-authenticate": "PoP nonce=1" }) } : {},
    );
    await pipeline.sendRequest(client, request());
    expect(authorizations).toEqual(["PoP token-1", "PoP renewed"]);
    expect(seenStatuses).toEqual([401]);
  });

  it("signs every retry attempt of the default pipeline with a current token", async () => {
    const { credential, calls } = countingCredential(minutes(60));
    const pipeline = createPipelineFromOptions({ retryTotal: 2, retryBackoffFactorInMs: 100 });
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: scope }), { phase: "Sign" });
    const { client, authorizations } = recordingClient((attempt) => ({ status: attempt === 1 ? 503 : 200 }));
    const sending = pipeline.sendRequest(client, request());
    await vi.runAllTimersAsync();
    expect((await sending).status).toBe(200);
    expect(authorizations).toEqual(["Bearer token-1", "Bearer token-1"]);
    expect(calls).toHaveLength(1);
    const names = pipeline.getOrderedPolicies().map((p) => p.name);
    expect(names.indexOf(bearerTokenAuthenticationPolicyName)).toBeGreaterThan(names.indexOf("retryPolicy"));
    expect(names.indexOf("retryPolicy")).toBeGreaterThan(-1);
  });
});
