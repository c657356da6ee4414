import { describe, expect, it } from "vitest";
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type PipelinePolicy,
} from "../../src/index.js";

const policy = (name: string, trail?: string[]): PipelinePolicy => ({
  name,
  sendRequest(request, next) {
    trail?.push(name);
    return next(request);
  },
});

const okClient: HttpClient = {
  sendRequest: async (request) => ({ request, status: 200, headers: createHttpHeaders(), bodyAsText: "" }),
};

describe("Pipeline", () => {
  it("orders by phase: Serialize, no phase, Deserialize, Retry, Sign; insertion order within a phase", () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("sign"), { phase: "Sign" });
    pipeline.addPolicy(policy("retry"), { phase: "Retry" });
    pipeline.addPolicy(policy("plain1"));
    pipeline.addPolicy(policy("deserialize"), { phase: "Deserialize" });
    pipeline.addPolicy(policy("serialize"), { phase: "Serialize" });
    pipeline.addPolicy(policy("plain2"));
    pipeline.addPolicy(policy("afterRetry"), { afterPhase: "Retry" });
    pipeline.addPolicy(policy("afterSign"), { afterPhase: "Sign" });
    expect(pipeline.getOrderedPolicies().map((p) => p.name)).toEqual([
      "serialize",
      "plain1",
      "plain2",
      "deserialize",
      "retry",
      "afterRetry",
      "sign",
      "afterSign",
    ]);
  });

  it("honors beforePolicies and afterPolicies inside a phase and ignores names that are absent", () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("a"));
    pipeline.addPolicy(policy("b"));
    pipeline.addPolicy(policy("c"), { beforePolicies: ["a"], afterPolicies: ["missing"] });
    pipeline.addPolicy(policy("d"), { afterPolicies: ["b"], beforePolicies: ["a"] });
    expect(pipeline.getOrderedPolicies().map((p) => p.name)).toEqual(["b", "c", "d", "a"]);
  });

  it("throws on a cycle", () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("a"), { afterPolicies: ["b"] });
    pipeline.addPolicy(policy("b"), { afterPolicies: ["a"] });
    expect(() => pipeline.getOrderedPolicies()).toThrow(/cyclic policy order among "a".*"b"/);
  });

  it("throws when a constraint would pull a policy out of its phase", () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("ser"), { phase: "Serialize", afterPolicies: ["sign"] });
    pipeline.addPolicy(policy("sign"), { phase: "Sign" });
    expect(() => pipeline.getOrderedPolicies()).toThrow(/its phase forbids/);
  });

  it("throws on a duplicate name and on phase with afterPhase", () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("a"));
    expect(() => pipeline.addPolicy(policy("a"))).toThrow(/already in the pipeline/);
    expect(() => pipeline.addPolicy(policy("b"), { phase: "Retry", afterPhase: "Sign" })).toThrow(
      /afterPhase/,
    );
  });

  it("removes by name or phase, and a clone changes independently", async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("a"));
    pipeline.addPolicy(policy("r1"), { phase: "Retry" });
    pipeline.addPolicy(policy("r2"), { phase: "Retry" });
    const copy = pipeline.clone();
    expect(pipeline.removePolicy({ phase: "Retry" }).map((p) => p.name)).toEqual(["r1", "r2"]);
    expect(pipeline.removePolicy({ name: "a" }).map((p) => p.name)).toEqual(["a"]);
    expect(pipeline.getOrderedPolicies()).toEqual([]);
    expect(copy.getOrderedPolicies().map((p) => p.name)).toEqual(["a", "r1", "r2"]);
    const trail: string[] = [];
    copy.addPolicy(policy("late", trail));
    await copy.sendRequest(okClient, createPipelineRequest({ url: "https://example.com" }));
    expect(trail).toEqual(["late"]);
  });

  it("sends through every policy in order, then the client; a policy added later takes effect", async () => {
    const trail: string[] = [];
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy("second", trail), { phase: "Retry" });
    pipeline.addPolicy(policy("first", trail));
    const response = await pipeline.sendRequest(
      okClient,
      createPipelineRequest({ url: "https://example.com" }),
    );
    expect(response.status).toBe(200);
    expect(trail).toEqual(["first", "second"]);
    pipeline.addPolicy(policy("third", trail), { phase: "Sign" });
    trail.length = 0;
    await pipeline.sendRequest(okClient, createPipelineRequest({ url: "https://example.com" }));
    expect(trail).toEqual(["first", "second", "third"]);
  });

  it("createPipelineFromOptions puts the default policies in the documented order, with a Sign slot", () => {
    const pipeline = createPipelineFromOptions({
      additionalPolicies: [
        { policy: policy("perCall"), position: "perCall" },
        { policy: policy("perRetry"), position: "perRetry" },
      ],
    });
    pipeline.addPolicy(policy("sign"), { phase: "Sign" });
    expect(pipeline.getOrderedPolicies().map((p) => p.name)).toEqual([
      "requestSettingsPolicy",
      "userAgentPolicy",
      "setClientRequestIdPolicy",
      "proxyPolicy",
      "decompressResponsePolicy",
      "perCall",
      "retryPolicy",
      "perRetry",
      "sign",
      "redirectPolicy",
      "logPolicy",
    ]);
  });
});

describe("HttpHeaders", () => {
  it("looks names up without regard to case and keeps the case given", () => {
    const headers = createHttpHeaders({ "Content-Type": "text/plain", "X-Count": 3, "X-Flag": true });
    expect(headers.get("content-type")).toBe("text/plain");
    expect(headers.get("x-count")).toBe("3");
    headers.set("CONTENT-TYPE", "application/json");
    expect(headers.toJSON()).toEqual({
      "content-type": "application/json",
      "x-count": "3",
      "x-flag": "true",
    });
    expect(headers.toJSON({ preserveCase: true })).toHaveProperty("CONTENT-TYPE", "application/json");
    headers.delete("X-COUNT");
    expect(headers.has("x-count")).toBe(false);
    expect([...headers]).toEqual([
      ["CONTENT-TYPE", "application/json"],
      ["X-Flag", "true"],
    ]);
  });

  it("prints without credentials", async () => {
    const { inspect } = await import("node:util");
    const headers = createHttpHeaders({
      Authorization: "Bearer top-secret-token",
      Accept: "application/json",
    });
    expect(inspect(headers)).not.toContain("top-secret-token");
    expect(String(headers)).not.toContain("top-secret-token");
    expect(inspect(headers)).toContain("application/json");
  });
});
