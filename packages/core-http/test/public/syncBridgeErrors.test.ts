import { afterAll, describe, expect, it } from "vitest";
import { closeSyncBridge, type HttpHeaders } from "../../src/index.js";
import { FixtureError, FixtureNotFoundError } from "../fixtures/syncBridgeFixture.mjs";
import { FixtureClient } from "./syncBridgeFixtureClients.js";

afterAll(() => closeSyncBridge());

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("errors through the sync bridge", () => {
  const client = new FixtureClient("https://acct.example");

  it("arrive as instances of the registered class, with their own properties", () => {
    const error = caught(() => client.fail("notFound")) as FixtureNotFoundError;
    expect(error).toBeInstanceOf(FixtureNotFoundError);
    expect(error).toBeInstanceOf(FixtureError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("FixtureNotFoundError");
    expect(error.message).toBe("no such thing");
    expect(error).toMatchObject({ code: "NotFound", statusCode: 404, details: { id: 7 } });
  });

  it("keep the worker's stack and add this thread's call site", () => {
    const error = caught(() => client.fail("notFound")) as Error;
    expect(error.stack).toContain("syncBridgeFixture.mjs");
    expect(error.stack).toContain("through the sync bridge, called from");
    expect(error.stack).toContain("syncBridgeErrors.test.ts");
  });

  it("arrive as the nearest registered ancestor when their own class is not registered", () => {
    const error = caught(() => client.fail("unregistered")) as FixtureNotFoundError;
    expect(error).toBeInstanceOf(FixtureNotFoundError);
    expect(error.message).toBe("deeper");
    expect(error.statusCode).toBe(410);
  });

  it("keep built-in classes", () => {
    expect(caught(() => client.fail("type"))).toBeInstanceOf(TypeError);
  });

  it("rethrow a thrown non-error value as it was", () => {
    expect(caught(() => client.fail("string"))).toBe("just a string");
  });

  it("carry request and response without bodies, secrets or unlisted headers", () => {
    const error = caught(() => client.fail("withRequest")) as FixtureError & {
      request: { url: string; method: string; headers: HttpHeaders };
      response: { status: number; headers: HttpHeaders };
    };
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.request.method).toBe("GET");
    expect(error.request.url).toContain("comp=list");
    expect(error.request.headers.get("x-ms-client-request-id")).toBe("abc");
    expect(error.response.status).toBe(503);
    expect(error.response.headers.get("x-ms-request-id")).toBe("r1");
    const everything = JSON.stringify({
      ...error,
      request: error.request,
      response: error.response,
      requestHeaders: error.request.headers.toJSON(),
      responseHeaders: error.response.headers.toJSON(),
    });
    expect(everything).not.toMatch(/SECRET/);
    expect(Object.keys(error)).not.toContain("request");
  });
});
