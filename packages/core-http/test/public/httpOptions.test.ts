import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createPipelineRequest,
  DEFAULT_REQUEST_SETTINGS,
  getUserAgentValue,
  isServiceRequestError,
  resolveRequestSettings,
  ServiceClient,
  type ServiceClientOptions,
} from "../../src/index.js";
import { type LoopbackServer, startServer } from "../helpers/loopbackServer.js";

let server: LoopbackServer;
beforeEach(async () => {
  let calls = 0;
  server = await startServer((req, res) => {
    if (req.url === "/stall") return;
    if (req.url === "/flaky" && calls++ < 2) {
      res.writeHead(503).end();
      return;
    }
    res.end("ok");
  });
});
afterEach(() => server.close());

const base = { packageName: "@azkit/options-test", packageVersion: "2.3.4" };
const make = (options: Partial<ServiceClientOptions> = {}) =>
  new ServiceClient({ endpoint: server.url, allowInsecureConnection: true, ...base, ...options });

describe("options", () => {
  it.each([
    ["retry_total", "retryTotal"],
    ["retryTotl", "retryTotal"],
    ["loggingEnabled", "loggingEnable"],
    ["connectTimeoutInMs", "connectionTimeoutInMs"],
  ])("rejects the unknown client option %s, suggesting %s and listing the valid ones", (name, suggestion) => {
    expect(() => make({ [name]: 1 } as never)).toThrow(TypeError);
    expect(() => make({ [name]: 1 } as never)).toThrow(
      new RegExp(
        `unknown option "${name}"; did you mean "${suggestion}"\\? Valid options: .*readTimeoutInMs.*retryTotal`,
      ),
    );
  });

  it("lists the options a user can set, and the service's own options, but not what the service passes about itself", () => {
    let message = "";
    try {
      make({ retry_total: 1, serviceVersion: "2024-01-01", clientOptionNames: ["serviceVersion"] } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Valid options: .*retryTotal.*serviceVersion/);
    for (const internal of [
      "packageName",
      "packageVersion",
      "endpoint",
      "clientOptionNames",
      "credentialScopes",
    ]) {
      expect(message).not.toContain(internal);
    }
  });

  it("accepts options a service declares for itself", () => {
    expect(() =>
      make({ serviceVersion: "2024-01-01", clientOptionNames: ["serviceVersion"] } as never),
    ).not.toThrow();
  });

  it("rejects unknown per-call options and requestOptions", async () => {
    const client = make();
    await expect(
      client.sendRequest(createPipelineRequest({ url: "/" }), { retry_total: 1 } as never),
    ).rejects.toThrow(/unknown option "retry_total"; did you mean "retryTotal"/);
    await expect(
      client.sendRequest(createPipelineRequest({ url: "/" }), { requestOptions: { timeOut: 5 } } as never),
    ).rejects.toThrow(/unknown option "requestOptions.timeOut"; did you mean "requestOptions.timeout"/);
    const ok = await client.sendRequest(createPipelineRequest({ url: "/" }), {
      ifMatch: "*",
      operationOptionNames: ["ifMatch"],
    } as never);
    expect(ok.status).toBe(200);
  });

  it("lists only what a user can set when a per-call option is unknown, not what a service passes", async () => {
    const client = make();
    const failure = client.sendRequest(createPipelineRequest({ url: "/" }), {
      retry_total: 1,
      operationOptionNames: ["ifMatch"],
    } as never);
    const error = await failure.catch((e: Error) => e);
    expect(String(error)).toMatch(/Valid options: .*ifMatch.*retryTotal/);
    for (const internal of ["expectedStatuses", "errorMap", "operationOptionNames"]) {
      expect(String(error)).not.toContain(internal);
    }
  });

  it("rejects values out of range", () => {
    expect(() => make({ retryTotal: -1 })).toThrow(RangeError);
    expect(() => make({ retryTotal: 1.5 })).toThrow(/non-negative integer/);
    expect(() => make({ retryMode: "linear" as never })).toThrow(/"exponential" or "fixed"/);
    expect(() => make({ proxies: { https: "::not a url" } })).toThrow(/proxies.https/);
  });

  it("resolves per call over per client over defaults", () => {
    const client = resolveRequestSettings([{ retryTotal: 3, readTimeoutInMs: 5000 }]);
    const call = resolveRequestSettings([{ retryTotal: 1, retryOptions: { retryDelayInMs: 9 } }], client);
    expect(call).toMatchObject({ retryTotal: 1, readTimeoutInMs: 5000, retryBackoffFactorInMs: 9 });
    expect(call.connectionTimeoutInMs).toBe(DEFAULT_REQUEST_SETTINGS.connectionTimeoutInMs);
    expect(resolveRequestSettings([{}], client)).toBe(client);
    expect(resolveRequestSettings([{ retryTotal: 2, retryOptions: { maxRetries: 7 } }]).retryTotal).toBe(2);
  });

  it("a call's retryTotal overrides the client's", async () => {
    const client = make({ retryTotal: 0, retryMode: "fixed", retryBackoffFactorInMs: 0 });
    const once = await client.sendRequest(createPipelineRequest({ url: "/flaky" }), {
      expectedStatuses: [503],
    });
    expect(once.status).toBe(503);
    const retried = await client.sendRequest(createPipelineRequest({ url: "/flaky" }), { retryTotal: 3 });
    expect(retried.status).toBe(200);
    expect(server.requests.filter((r) => r.url === "/flaky")).toHaveLength(3);
  });

  it("a call's readTimeoutInMs reaches the transport", async () => {
    const client = make({ retryTotal: 0 });
    const error = await client
      .sendRequest(createPipelineRequest({ url: "/stall" }), { readTimeoutInMs: 100 })
      .catch((e) => e);
    expect(isServiceRequestError(error)).toBe(true);
    expect(error.code).toBe("READ_TIMEOUT");
  });

  it("sends User-Agent, x-ms-client-request-id and the call's custom headers", async () => {
    const client = make({ userAgentOptions: { userAgentPrefix: "my-app/1.0" } });
    const request = createPipelineRequest({ url: "/" });
    await client.sendRequest(request, { requestOptions: { customHeaders: { "x-extra": "1" } } });
    const seen = server.requests[0]!.headers;
    expect(seen["user-agent"]).toMatch(
      /^my-app\/1\.0 azkit-options-test\/2\.3\.4 Node\/v\d+\.\d+\.\d+ \(.+-.+-.+\)$/,
    );
    expect(seen["x-ms-client-request-id"]).toBe(request.requestId);
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen["x-extra"]).toBe("1");
    expect(seen["accept-encoding"]).toBe("gzip,deflate");
  });

  it("names core-http's own version in its user agent", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(getUserAgentValue()).toContain(`azkit-core-http/${pkg.version} Node/`);
  });

  it("allowInsecureConnection per call lets one call use plain http", async () => {
    const client = new ServiceClient({ endpoint: server.url, ...base });
    const refused = await client.sendRequest(createPipelineRequest({ url: "/" })).catch((e) => e);
    expect(refused.code).toBe("INSECURE_CONNECTION");
    const ok = await client.sendRequest(createPipelineRequest({ url: "/" }), {
      requestOptions: { allowInsecureConnection: true },
    });
    expect(ok.status).toBe(200);
  });
});
