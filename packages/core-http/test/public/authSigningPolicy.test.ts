import { describe, expect, it } from "vitest";
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  requestSigningPolicy,
  requestSigningPolicyName,
} from "../../src/index.js";

describe("requestSigningPolicy", () => {
  it("signs each attempt after every other policy, inside the retry loop", async () => {
    const signatures: string[] = [];
    let attempt = 0;
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(
      requestSigningPolicy({
        name: "sharedKey",
        sign(request) {
          request.headers.set("authorization", `SharedKey acct:${request.headers.get("x-ms-attempt")}`);
        },
      }),
      { phase: "Sign" },
    );
    pipeline.addPolicy(
      {
        name: "twoAttempts",
        async sendRequest(request, next) {
          request.headers.set("x-ms-attempt", String(++attempt));
          const first = await next(request);
          if (first.status !== 503) return first;
          request.headers.set("x-ms-attempt", String(++attempt));
          return next(request);
        },
      },
      { phase: "Retry" },
    );
    const client: HttpClient = {
      async sendRequest(request) {
        signatures.push(request.headers.get("authorization") ?? "");
        return { request, status: signatures.length === 1 ? 503 : 200, headers: createHttpHeaders() };
      },
    };
    const response = await pipeline.sendRequest(client, createPipelineRequest({ url: "http://127.0.0.1/c" }));
    expect(response.status).toBe(200);
    expect(signatures).toEqual(["SharedKey acct:1", "SharedKey acct:2"]);
    expect(pipeline.getOrderedPolicies().map((p) => p.name)).toEqual(["twoAttempts", "sharedKey"]);
  });

  it("awaits an async signer and lets its failure reject the request", async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(
      requestSigningPolicy({
        async sign() {
          throw new Error("key vault unavailable");
        },
      }),
    );
    const client: HttpClient = {
      sendRequest: async () => {
        throw new Error("must not be sent");
      },
    };
    await expect(
      pipeline.sendRequest(client, createPipelineRequest({ url: "https://x.blob.core.windows.net/" })),
    ).rejects.toThrow("key vault unavailable");
    expect(pipeline.getOrderedPolicies()[0]?.name).toBe(requestSigningPolicyName);
  });

  it("rejects options without a sign function", () => {
    expect(() => requestSigningPolicy({} as never)).toThrow(/sign must be a function/);
  });
});
