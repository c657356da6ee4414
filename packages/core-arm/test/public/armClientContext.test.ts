import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  isResourceExistsError,
  isResourceNotFoundError,
  isSerializationError,
  type TokenCredential,
} from "@azkit/core-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ArmClientContext,
  type ArmOperationSpec,
  armScopeFor,
  createSchemaRegistry,
} from "../../src/index.js";

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Seen {
  method: string;
  url: string;
  body: string;
  headers: IncomingMessage["headers"];
}

let server: Server;
let endpoint: string;
let answers: Answer[] = [];
let seen: Seen[] = [];
const scopesAsked: string[][] = [];
const credential: TokenCredential = {
  getToken: async (scopes) => {
    scopesAsked.push(Array.isArray(scopes) ? scopes : [scopes]);
    return { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};
const schemas = createSchemaRegistry({
  Thing: () => ({
    type: "object",
    name: "Thing",
    properties: { name: { type: "string", required: true }, size: { type: "integer", maximum: 10 } },
  }),
  ThingList: (ref) => ({
    type: "object",
    name: "ThingList",
    properties: { value: { type: "array", items: ref("Thing") }, nextLink: { type: "string" } },
  }),
});
const info = { packageName: "@azkit/test", packageVersion: "1.0.0", apiVersion: "2030-01-01", schemas };
const sub = { name: "subscriptionId", in: "path", required: true, client: "subscriptionId" } as const;
const api = {
  name: "apiVersion",
  wire: "api-version",
  in: "query",
  required: true,
  client: "apiVersion",
} as const;
const getThing: ArmOperationSpec = {
  id: "Things_Get",
  method: "GET",
  path: "/subscriptions/{subscriptionId}/things/{thingName}",
  params: [
    sub,
    { name: "thingName", in: "path", required: true, schema: { type: "string", pattern: "^[a-z ]+$" } },
    api,
    {
      name: "expand",
      wire: "$expand",
      in: "query",
      schema: { type: "array", items: { type: "string" } },
      collectionFormat: "csv",
    },
    { name: "ifMatch", wire: "If-Match", in: "header" },
    { name: "kind", in: "query", required: true, constant: "big" },
  ],
  responses: { 200: "Thing" },
};

function context(options: Record<string, unknown> = {}): ArmClientContext {
  return new ArmClientContext(
    credential,
    "sub-1",
    { endpoint, allowInsecureConnection: true, retryTotal: 0, ...options },
    info,
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      const answer = answers.shift() ?? { status: 200, body: { name: "thing" } };
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body).replaceAll("ORIGIN", endpoint));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  answers = [];
  seen = [];
  scopesAsked.length = 0;
});

describe("ArmClientContext requests", () => {
  it("builds the path, query and headers from the spec, encoding path values", async () => {
    const thing = await context().send(getThing, ["big box"], { expand: ["a", "b"], ifMatch: "*" } as never);
    expect(thing).toEqual({ name: "thing" });
    expect(seen[0]!.url).toBe(
      "/subscriptions/sub-1/things/big%20box?api-version=2030-01-01&%24expand=a%2Cb&kind=big",
    );
    expect(seen[0]!.headers["if-match"]).toBe("*");
  });

  it("checks path values and required arguments before sending anything", async () => {
    const bad = await context()
      .send(getThing, ["Big Box!"])
      .catch((e: unknown) => e);
    expect(isSerializationError(bad)).toBe(true);
    expect((bad as Error).message).toContain("thingName");
    const missing = await context()
      .send(getThing, [])
      .catch((e: unknown) => e);
    expect((missing as Error).message).toContain("thingName");
    expect(seen).toEqual([]);
  });

  it("refuses a non-string for a plain string parameter (no schema in its spec) before sending anything", async () => {
    const getByGroup: ArmOperationSpec = {
      id: "Things_GetInGroup",
      method: "GET",
      path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/things/x",
      params: [sub, { name: "resourceGroupName", in: "path", required: true }, api],
      responses: { 200: "Thing" },
    };
    for (const wrong of [["rg"], { name: "rg" }, 42]) {
      const error = await context()
        .send(getByGroup, [wrong])
        .catch((e: unknown) => e);
      expect(isSerializationError(error), String(error)).toBe(true);
      expect((error as Error).message).toContain("resourceGroupName");
    }
    expect(seen).toEqual([]);
    await context().send(getByGroup, ["rg"]);
    expect(seen[0]!.url).toBe("/subscriptions/sub-1/resourceGroups/rg/things/x?api-version=2030-01-01");
  });

  it("serializes the body with its schema and names the parameter in errors", async () => {
    const put: ArmOperationSpec = {
      id: "Things_Put",
      method: "PUT",
      path: "/things/x",
      params: [{ name: "parameters", in: "body", required: true, schema: "Thing" }, api],
      responses: { 200: "Thing", 201: "Thing" },
    };
    await context().send(put, [{ name: "a", size: 3 }]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ name: "a", size: 3 });
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    const error = await context()
      .send(put, [{ name: "a", size: 30 }])
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("parameters.size");
    expect(seen.length).toBe(1);
  });

  it("answers HEAD with { body: boolean } and maps error statuses to the typed errors", async () => {
    const head: ArmOperationSpec = {
      id: "Things_Head",
      method: "HEAD",
      path: "/things/x",
      params: [api],
      responses: { 204: null, 404: null },
    };
    answers = [{ status: 204 }, { status: 404 }];
    expect(await context().send(head, [])).toEqual({ body: true });
    expect(await context().send(head, [])).toEqual({ body: false });
    answers = [
      { status: 404, body: { error: { code: "ThingNotFound", message: "no thing" } } },
      { status: 409, body: { error: { code: "Conflict", message: "exists" } } },
    ];
    const notFound = await context()
      .send(getThing, ["x"])
      .catch((e: unknown) => e);
    expect(isResourceNotFoundError(notFound)).toBe(true);
    expect((notFound as Error).message).toContain("ThingNotFound");
    expect(
      isResourceExistsError(
        await context()
          .send(getThing, ["x"])
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
  });
});

describe("ArmClientContext options", () => {
  it("rejects an unknown client option with a suggestion", () => {
    expect(() => context({ retryTotl: 1 })).toThrow(/retryTotl.*retryTotal|retryTotal.*retryTotl/s);
  });

  it("rejects an unknown call option with a suggestion", async () => {
    const error = await context()
      .send(getThing, ["x"], { expnd: ["a"] } as never)
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain("expand");
  });

  it("accepts each operation's own options on every call, and only its own", async () => {
    const client = context();
    for (let i = 0; i < 2; i++) {
      answers = [{ status: 200, body: { name: "thing" } }];
      expect(await client.send(getThing, ["x"], { expand: ["a", "b"] } as never)).toEqual({ name: "thing" });
      expect(seen.at(-1)?.url).toContain("%24expand=a%2Cb");
    }
    // updateIntervalInMs belongs to long-running operations; getThing is not one.
    const error = await client.send(getThing, ["x"], { updateIntervalInMs: 5 }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('unknown option "updateIntervalInMs"');
  });

  it("retries per the client's retryTotal, overridden per call", async () => {
    answers = [{ status: 503 }, { status: 200, body: { name: "ok" } }];
    const error = await context({ retryTotal: 0 })
      .send(getThing, ["x"])
      .catch((e: unknown) => e);
    expect((error as { statusCode?: number }).statusCode).toBe(503);
    answers = [
      { status: 503, headers: { "retry-after-ms": "1" } },
      { status: 200, body: { name: "ok" } },
    ];
    seen = [];
    expect(await context({ retryTotal: 0 }).send(getThing, ["x"], { retryTotal: 1 } as never)).toEqual({
      name: "ok",
    });
    expect(seen.length).toBe(2);
  });

  it("asks for ARM's audience: credentialScopes, credentials.scopes, or the cloud's default", async () => {
    await context({ credentialScopes: "https://a/.default" }).send(getThing, ["x"]);
    await context({ credentials: { scopes: ["https://b/.default"] } }).send(getThing, ["x"]);
    await context().send(getThing, ["x"]);
    expect(scopesAsked).toEqual([
      ["https://a/.default"],
      ["https://b/.default"],
      ["https://management.azure.com/.default"],
    ]);
    expect(armScopeFor("https://management.chinacloudapi.cn")).toBe(
      "https://management.chinacloudapi.cn/.default",
    );
    expect(armScopeFor("https://management.usgovcloudapi.net/")).toBe(
      "https://management.usgovcloudapi.net/.default",
    );
  });
});

describe("ArmClientContext lists and long-running operations", () => {
  const list: ArmOperationSpec = {
    id: "Things_List",
    method: "GET",
    path: "/things",
    params: [api, { name: "top", wire: "$top", in: "query", schema: { type: "integer" } }],
    responses: { 200: "ThingList" },
    paging: { itemName: "value", nextLinkName: "nextLink", maxPageSizeParam: "top" },
  };

  it("follows nextLink and sends maxPageSize as $top on the first page", async () => {
    answers = [
      { status: 200, body: { value: [{ name: "a" }, { name: "b" }], nextLink: "ORIGIN/things?page=2" } },
      { status: 200, body: { value: [{ name: "c" }] } },
    ];
    const pages: unknown[][] = [];
    for await (const page of context().list(list, []).byPage({ maxPageSize: 2 })) pages.push(page);
    expect(pages).toEqual([[{ name: "a" }, { name: "b" }], [{ name: "c" }]]);
    expect(seen[0]!.url).toContain("%24top=2");
    expect(seen[1]!.url).toBe("/things?page=2&api-version=2030-01-01");
  });

  const put: ArmOperationSpec = {
    id: "Things_Create",
    method: "PUT",
    path: "/things/x",
    params: [api],
    responses: { 200: "Thing", 201: "Thing" },
    lro: {},
  };

  it("resolves begin* to a poller that is not thenable, and makes an awaitable one for the newer generation", async () => {
    answers = [
      {
        status: 201,
        body: { name: "x" },
        headers: { "azure-asyncoperation": `${endpoint}/op`, "retry-after": "0" },
      },
      { status: 200, body: { status: "Succeeded" } },
      { status: 200, body: { name: "x", size: 1 } },
    ];
    const poller = await context().beginOperation(put, [], { updateIntervalInMs: 1 });
    expect("then" in poller).toBe(false);
    expect(await poller.pollUntilDone()).toEqual({ name: "x", size: 1 });
    answers = [{ status: 200, body: { name: "y" } }];
    expect(await context().operationPoller(put, [], { updateIntervalInMs: 1 })).toEqual({ name: "y" });
  });

  it("fails the awaitable poller, not the call, when an argument does not serialize, sending nothing", async () => {
    const putBody: ArmOperationSpec = {
      ...put,
      params: [api, { name: "thing", in: "body", required: true, schema: "Thing" }],
    };
    const poller = context().operationPoller(putBody, [{ name: "x", size: "big" }], {
      updateIntervalInMs: 1,
    });
    const error = await poller.catch((e: unknown) => e);
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("thing.size");
    expect(poller.operationState.status).toBe("failed");
    expect(seen).toEqual([]);
  });

  it("honours final-state-via location", async () => {
    const post: ArmOperationSpec = {
      id: "Things_Export",
      method: "POST",
      path: "/things/x/export",
      params: [api],
      responses: { 200: "Thing", 202: null },
      lro: { finalStateVia: "location" },
    };
    answers = [
      { status: 202, headers: { location: `${endpoint}/result`, "retry-after": "0" } },
      { status: 200, body: { name: "exported" } },
    ];
    expect(await context().beginOperationAndWait(post, [], { updateIntervalInMs: 1 })).toEqual({
      name: "exported",
    });
    expect(seen.map((s) => `${s.method} ${s.url.split("?")[0]}`)).toEqual([
      "POST /things/x/export",
      "GET /result",
    ]);
  });
});
