import { createSanitizer } from "@azkit/core-logging";
import { describe, expect, it } from "vitest";
import { createHttpHeaders } from "../../src/httpHeaders.js";
import {
  AbortError,
  AzureError,
  HttpResponseError,
  isResourceNotFoundError,
  ResourceNotFoundError,
  RestError,
  SerializationError,
} from "../../src/index.js";
import { createPipelineRequest } from "../../src/pipelineRequest.js";
import { registerSyncErrorClass, reviveSyncError } from "../../src/sync/syncErrorRegistry.js";
import { serializeWorkerError } from "../../src/sync/worker/serializeWorkerError.js";

const sanitizer = createSanitizer();
const roundTrip = (error: unknown): unknown =>
  reviveSyncError(structuredClone(serializeWorkerError(sanitizer, error)));

describe("sync error registry", () => {
  it("rebuilds core-http's errors as their own classes, brands and fields included", () => {
    const request = createPipelineRequest({
      url: "https://acct.blob.example/c/b?sv=2024&sig=SECRET",
      method: "GET",
      headers: createHttpHeaders({ authorization: "Bearer SECRET", "x-ms-client-request-id": "id-1" }),
    });
    const response = {
      status: 404,
      headers: createHttpHeaders({ "x-ms-error-code": "BlobNotFound", "set-cookie": "SECRET" }),
      request,
      bodyAsText: "SECRET body",
    };
    const original = new ResourceNotFoundError("GET c/b: 404 BlobNotFound", {
      statusCode: 404,
      code: "BlobNotFound",
      request,
      response,
      details: { message: "The specified blob does not exist." },
    });
    const revived = roundTrip(original) as ResourceNotFoundError;
    expect(revived).toBeInstanceOf(ResourceNotFoundError);
    expect(revived).toBeInstanceOf(HttpResponseError);
    expect(revived).toBeInstanceOf(RestError);
    expect(revived).toBeInstanceOf(AzureError);
    expect(isResourceNotFoundError(revived)).toBe(true);
    expect(revived).toMatchObject({
      name: original.name,
      message: original.message,
      statusCode: 404,
      code: "BlobNotFound",
    });
    expect(revived.details).toEqual({ message: "The specified blob does not exist." });
    expect(revived.response?.headers.get("x-ms-error-code")).toBe("BlobNotFound");
    expect(revived.request?.headers.get("x-ms-client-request-id")).toBe("id-1");
    expect(Object.keys(revived)).not.toContain("response");
    const visible = JSON.stringify([revived.request, revived.response, revived.request?.headers.toJSON()]);
    expect(visible).not.toContain("SECRET");
    expect(visible).toContain("sv=2024");
  });

  it("rebuilds serde errors with their path, expected and actual", () => {
    const original = new SerializationError([
      { path: "vault.sku", expected: "an object", actual: 'the string "x"', message: "expected an object" },
    ]);
    const revived = roundTrip(original) as SerializationError;
    expect(revived).toBeInstanceOf(SerializationError);
    expect(revived).toMatchObject({ path: "vault.sku", expected: "an object", actual: 'the string "x"' });
  });

  it("keeps the cause, rebuilt too", () => {
    const revived = roundTrip(new AbortError("stopped", { cause: new RangeError("inner") })) as AbortError;
    expect(revived).toBeInstanceOf(AbortError);
    expect(revived.cause).toBeInstanceOf(RangeError);
    expect((revived.cause as Error).message).toBe("inner");
  });

  it("rebuilds errors held by errors: AggregateError.errors and error-valued fields", () => {
    const aggregate = roundTrip(
      new AggregateError([new RangeError("first"), new AbortError("second")], "all failed"),
    ) as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.errors[0]).toBeInstanceOf(RangeError);
    expect(aggregate.errors[1]).toBeInstanceOf(AbortError);
    const withField = Object.assign(new Error("outer"), { inner: new TypeError("inner") });
    expect((roundTrip(withField) as { inner: unknown }).inner).toBeInstanceOf(TypeError);
  });

  it("removes secret shapes from messages", () => {
    const revived = roundTrip(new Error("failed with Bearer abc.def.ghi")) as Error;
    expect(revived.message).not.toContain("abc.def.ghi");
  });

  it("rebuilds DOMException through its factory", () => {
    const revived = roundTrip(new DOMException("gone", "AbortError")) as DOMException;
    expect(revived).toBeInstanceOf(DOMException);
    expect(revived.name).toBe("AbortError");
    expect(revived.message).toBe("gone");
  });

  it("uses the latest class registered under a name", () => {
    class ThrottledError extends Error {}
    class OtherThrottledError extends Error {}
    Object.defineProperty(OtherThrottledError, "name", { value: "ThrottledError" });
    registerSyncErrorClass(ThrottledError);
    expect(roundTrip(new ThrottledError("x"))).toBeInstanceOf(ThrottledError);
    registerSyncErrorClass(OtherThrottledError);
    expect(roundTrip(new ThrottledError("x"))).toBeInstanceOf(OtherThrottledError);
  });
});
