import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpHeaders, createPipelineRequest, ServiceClient } from "../../src/index.js";
import { type LoopbackServer, startServer } from "../helpers/loopbackServer.js";

let server: LoopbackServer;
let records: LogRecord[];

beforeEach(async () => {
  resetLogSettings();
  records = [];
  setLogSink((record) => records.push(record));
  server = await startServer((req, res) => {
    res.writeHead(req.url!.startsWith("/moved") ? 200 : 200, {
      "Content-Type": "application/json",
      "x-ms-custom-key": "SECRET_G",
      "Set-Cookie": "session=SECRET_H",
      "Content-Location": `${server.url}/copy?sig=SECRET_K&sv=2024`,
      "x-ms-request-id": "visible-request-id",
    });
    res.end(JSON.stringify({ access_token: "SECRET_I", refresh_token: "SECRET_J", name: "visible-name" }));
  });
});
afterEach(async () => {
  resetLogSettings();
  await server.close();
});

const client = () =>
  new ServiceClient({
    endpoint: server.url,
    allowInsecureConnection: true,
    packageName: "@azkit/log-test",
    packageVersion: "1.0.0",
  });

function secretRequest() {
  return createPipelineRequest({
    url: "/items?sig=SECRET_C&token=SECRET_D&api-version=2024-01-01",
    method: "PUT",
    headers: createHttpHeaders({
      Authorization: "Bearer SECRET_A",
      "x-ms-copy-source-authorization": "Bearer SECRET_B",
      "Content-Type": "application/json",
    }),
    body: JSON.stringify({ client_secret: "SECRET_E", password: "SECRET_F", name: "visible-body" }),
  });
}

describe("logPolicy", () => {
  it("a verbose run with bodies logs none of the secrets sent or received", async () => {
    setLogLevel("verbose");
    await client().sendRequest(secretRequest(), { loggingEnable: true });
    await client().sendRequest(
      createPipelineRequest({
        url: "/token",
        method: "POST",
        body: "grant_type=client_credentials&client_secret=SECRET_L&client_assertion=SECRET_M",
      }),
      { loggingEnable: true },
    );
    const log = records.map((r) => JSON.stringify(r)).join("\n");
    // The log is there, with what is safe to show...
    expect(log).toContain("--> PUT");
    expect(log).toContain("api-version=2024-01-01");
    expect(log).toContain("Request body:");
    expect(log).toContain("visible-body");
    expect(log).toContain("Response body:");
    expect(log).toContain("visible-name");
    expect(log).toContain("visible-request-id");
    expect(log).toContain("sv=2024");
    // ...and none of the secrets.
    for (const secret of "ABCDEFGHIJKLM".split("").map((c) => `SECRET_${c}`))
      expect(log).not.toContain(secret);
  });

  it("logs headers at verbose but bodies only with loggingEnable", async () => {
    setLogLevel("verbose");
    await client().sendRequest(secretRequest());
    const messages = records.map((r) => r.message);
    expect(messages.some((m) => m.startsWith("Request headers:"))).toBe(true);
    expect(messages.some((m) => m.includes("body"))).toBe(false);
  });

  it("logs nothing by default, and everything for a call with loggingEnable", async () => {
    const c = client();
    await c.sendRequest(createPipelineRequest({ url: "/quiet" }));
    expect(records).toHaveLength(0);
    await c.sendRequest(createPipelineRequest({ url: "/loud" }), { loggingEnable: true });
    expect(records.map((r) => r.level)).toContain("verbose");
    expect(records.every((r) => r.namespace === "azkit:log-test")).toBe(true);
    expect(records[0]!.message).toMatch(/^--> GET http:\/\/127\.0\.0\.1:\d+\/loud$/);
    expect(records.find((r) => r.message.startsWith("<--"))?.message).toMatch(
      /^<-- 200 GET .*\/loud \(\d+ ms\)$/,
    );
  });

  it("a client with loggingEnable logs every call", async () => {
    const c = new ServiceClient({
      endpoint: server.url,
      allowInsecureConnection: true,
      loggingEnable: true,
      packageName: "@azkit/log-test",
      packageVersion: "1.0.0",
    });
    await c.sendRequest(createPipelineRequest({ url: "/a" }));
    expect(records.some((r) => r.message.startsWith("Response body:"))).toBe(true);
  });
});
