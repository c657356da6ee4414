import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  AzureError,
  ClientAuthenticationError,
  createHttpHeaders,
  createPipelineRequest,
  HttpResponseError,
  isAbortError,
  isClientAuthenticationError,
  isHttpResponseError,
  isResourceExistsError,
  isResourceModifiedError,
  isResourceNotFoundError,
  isRestError,
  isServiceRequestError,
  isServiceResponseError,
  mapError,
  ResourceExistsError,
  ResourceModifiedError,
  ResourceNotFoundError,
  RestError,
  ServiceClient,
  ServiceRequestError,
  ServiceResponseError,
} from "../../src/index.js";
import { type LoopbackServer, serversClosedAfterEach, startServer } from "../helpers/loopbackServer.js";

const servers = serversClosedAfterEach();

/** A server that answers `/<status>` with that status and the body/headers the table gives. */
async function errorServer(): Promise<LoopbackServer> {
  const server = await startServer((req, res) => {
    const status = Number(req.url!.split(/[/?]/)[1]);
    if (req.url!.includes("xml")) {
      res.writeHead(status, {
        "Content-Type": "application/xml",
        "x-ms-error-code": "ContainerAlreadyExists",
      });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>ContainerAlreadyExists</Code><Message>The specified container already exists.\nRequestId:abc</Message><Extra>&lt;x&gt;</Extra></Error>',
      );
    } else if (req.method === "HEAD") {
      res.writeHead(status, { "x-ms-error-code": "BlobNotFound" });
      res.end();
    } else if (req.url!.includes("odata")) {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({ "odata.error": { code: "EntityNotFound", message: { value: "No such entity." } } }),
      );
    } else {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            code: `Code${status}`,
            message: `Message for ${status}`,
            target: "vaultName",
            details: [{ code: "Inner", message: "inner" }],
          },
        }),
      );
    }
  });
  servers.push(server);
  return server;
}

function client(server: LoopbackServer, retryTotal = 0): ServiceClient {
  return new ServiceClient({
    endpoint: server.url,
    allowInsecureConnection: true,
    retryTotal,
    packageName: "@azkit/test-service",
    packageVersion: "1.0.0",
  });
}

async function failure(server: LoopbackServer, path: string, method: "GET" | "HEAD" = "GET") {
  return client(server)
    .sendRequest(createPipelineRequest({ url: path, method, operationName: "Vaults.get" }))
    .then(
      () => {
        throw new Error("expected a failure");
      },
      (e: unknown) => e as HttpResponseError,
    );
}

describe("errors from real responses", () => {
  it.each([
    [401, ClientAuthenticationError, isClientAuthenticationError],
    [403, ClientAuthenticationError, isClientAuthenticationError],
    [404, ResourceNotFoundError, isResourceNotFoundError],
    [409, ResourceExistsError, isResourceExistsError],
    [412, ResourceModifiedError, isResourceModifiedError],
    [400, HttpResponseError, isHttpResponseError],
    [500, HttpResponseError, isHttpResponseError],
  ] as const)("status %i throws %o", async (status, ErrorClass, guard) => {
    const server = await errorServer();
    const error = await failure(server, `/${status}?api-version=1&sig=secret-signature`);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(guard(error)).toBe(true);
    expect(error).toBeInstanceOf(HttpResponseError);
    expect(error).toBeInstanceOf(RestError);
    expect(error).toBeInstanceOf(AzureError);
    expect(isRestError(error)).toBe(true);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.statusCode).toBe(status);
    expect(error.code).toBe(`Code${status}`);
    expect(error.details).toEqual({ target: "vaultName", details: [{ code: "Inner", message: "inner" }] });
    expect(error.response?.status).toBe(status);
    expect(error.request?.url).toContain(`/${status}`);
    expect(error.message).toMatch(
      new RegExp(`^\\(Code${status}\\) Message for ${status}\\nStatus: ${status} `),
    );
    expect(error.message).toContain("Operation: Vaults.get: GET http://127.0.0.1");
    expect(error.message).toContain("sig=REDACTED");
    expect(error.message).not.toContain("secret-signature");
  });

  it("reads storage XML error bodies", async () => {
    const error = await failure(await errorServer(), "/409/xml");
    expect(isResourceExistsError(error)).toBe(true);
    expect(error.code).toBe("ContainerAlreadyExists");
    expect(error.message.split("\n")[0]).toBe(
      "(ContainerAlreadyExists) The specified container already exists.",
    );
    expect(error.details).toEqual({ Extra: "<x>" });
  });

  it("reads OData error bodies", async () => {
    const error = await failure(await errorServer(), "/404/odata");
    expect(error.code).toBe("EntityNotFound");
    expect(error.message.split("\n")[0]).toBe("(EntityNotFound) No such entity.");
  });

  it("takes the code from x-ms-error-code when a HEAD has no body", async () => {
    const error = await failure(await errorServer(), "/404", "HEAD");
    expect(isResourceNotFoundError(error)).toBe(true);
    expect(error.code).toBe("BlobNotFound");
  });

  it("lets services pick their own classes through the error map", async () => {
    class ContainerExistsError extends ResourceExistsError {}
    const server = await errorServer();
    const error = await client(server)
      .sendRequest(createPipelineRequest({ url: "/409/xml" }), { errorMap: { 409: ContainerExistsError } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ContainerExistsError);
    expect(isResourceExistsError(error)).toBe(true);
  });

  it("throws for statuses outside expectedStatuses and accepts those inside", async () => {
    const server = await errorServer();
    const accepted = await client(server).sendRequest(createPipelineRequest({ url: "/404" }), {
      expectedStatuses: [200, 404],
    });
    expect(accepted.status).toBe(404);
    const ok = await startServer((_req, res) => res.writeHead(202).end());
    servers.push(ok);
    const error = await client(ok)
      .sendRequest(createPipelineRequest({ url: "/" }), { expectedStatuses: [200] })
      .catch((e) => e);
    expect(isHttpResponseError(error)).toBe(true);
    expect(error.code).toBe("HTTP_202");
  });

  it("ServiceRequestError when nothing answers, ServiceResponseError when the body breaks", async () => {
    const gone = await startServer((_req, res) => res.end());
    await gone.close();
    const refused = await client(gone)
      .sendRequest(createPipelineRequest({ url: "/" }))
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ServiceRequestError);
    expect(isServiceRequestError(refused)).toBe(true);
    expect(isRestError(refused)).toBe(true);
    expect(refused.code).toBe("ECONNREFUSED");

    const broken = await startServer((_req, res) => {
      res.writeHead(200, { "Content-Length": "50" });
      res.write("partial", () => res.socket?.destroy());
    });
    servers.push(broken);
    const cut = await client(broken)
      .sendRequest(createPipelineRequest({ url: "/" }))
      .catch((e) => e);
    expect(cut).toBeInstanceOf(ServiceResponseError);
    expect(isServiceResponseError(cut)).toBe(true);
  });

  it("AbortError when the caller aborts", async () => {
    const server = await errorServer();
    const error = await client(server)
      .sendRequest(createPipelineRequest({ url: "/200" }), { abortSignal: AbortSignal.abort() })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(isAbortError(error)).toBe(true);
    expect(error.code).toBe("ABORTED");
  });

  it("never prints credentials through util.inspect or JSON", async () => {
    const server = await errorServer();
    const request = createPipelineRequest({
      url: "/401?sig=sas-signature-value",
      headers: createHttpHeaders({
        Authorization: "Bearer eyJhbGciOi.secret-token",
        "x-ms-copy-source-authorization": "Bearer other-secret",
      }),
    });
    const error = await client(server)
      .sendRequest(request)
      .catch((e) => e);
    const printed = inspect(error, { depth: 10, showHidden: false }) + JSON.stringify(error) + String(error);
    for (const secret of ["secret-token", "other-secret", "sas-signature-value"])
      expect(printed).not.toContain(secret);
    expect(printed).toContain("Code401");
  });

  it("errors from another copy of the package still match guards and instanceof", () => {
    // What a second install (or the sync bridge) produces: same brand symbols, different classes.
    class ForeignNotFound extends Error {}
    for (const name of ["AzureError", "RestError", "HttpResponseError", "ResourceNotFoundError"]) {
      Object.defineProperty(ForeignNotFound.prototype, Symbol.for(`@azkit/core-http/error/${name}`), {
        value: true,
      });
    }
    const foreign = new ForeignNotFound("not found");
    expect(isResourceNotFoundError(foreign)).toBe(true);
    expect(foreign).toBeInstanceOf(ResourceNotFoundError);
    expect(foreign).toBeInstanceOf(RestError);
    expect(foreign).not.toBeInstanceOf(ResourceExistsError);
    expect(isResourceExistsError(foreign)).toBe(false);
    expect(new Error("plain")).not.toBeInstanceOf(AzureError);
  });

  it("mapError works on a response built by hand", () => {
    const request = createPipelineRequest({ url: "https://example.com/x" });
    const error = mapError({ request, status: 418, headers: createHttpHeaders(), bodyAsText: "" });
    expect(error).toBeInstanceOf(HttpResponseError);
    expect(error.message.split("\n")[0]).toBe("The service answered 418 I'm a Teapot.");
  });
});
