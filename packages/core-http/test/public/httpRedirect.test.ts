import { describe, expect, it } from "vitest";
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type InternalPipelineOptions,
  type PipelineRequestOptions,
} from "../../src/index.js";
import { type LoopbackServer, serversClosedAfterEach, startServer } from "../helpers/loopbackServer.js";

const transport = createDefaultHttpClient();
const servers = serversClosedAfterEach();

async function redirecting(status: number, location: () => string): Promise<LoopbackServer> {
  const server = await startServer((req, res) => {
    if (req.url === "/start") {
      res.writeHead(status, { Location: location() });
      res.end();
    } else res.end(`landed ${req.method} ${req.url}`);
  });
  servers.push(server);
  return server;
}

const secrets = {
  Authorization: "Bearer token-for-origin-a",
  Cookie: "session=abc",
  "x-ms-copy-source-authorization": "Bearer other",
  "Ocp-Apim-Subscription-Key": "k",
  "x-custom-note": "kept",
};

async function send(
  url: string,
  options: InternalPipelineOptions = {},
  request: Partial<PipelineRequestOptions> = {},
) {
  const pipeline = createPipelineFromOptions({ allowInsecureConnection: true, retryTotal: 0, ...options });
  // A Sign-phase policy like a credential's: the redirect must not be signed again.
  let signed = 0;
  pipeline.addPolicy(
    {
      name: "fakeSign",
      sendRequest(req, next) {
        signed++;
        req.headers.set("Authorization", "Bearer token-for-origin-a");
        return next(req);
      },
    },
    { phase: "Sign" },
  );
  const response = await pipeline.sendRequest(
    transport,
    createPipelineRequest({ url, headers: createHttpHeaders(secrets), ...request }),
  );
  return { response, signed };
}

describe("redirectPolicy", () => {
  it("follows a same-origin redirect and keeps the credentials", async () => {
    const server = await redirecting(307, () => "/next");
    const { response } = await send(`${server.url}/start`);
    expect(response.bodyAsText).toBe("landed GET /next");
    expect(server.requests[1]!.headers.authorization).toBe("Bearer token-for-origin-a");
  });

  it("does not follow a cross-origin redirect by default", async () => {
    const other = await redirecting(200, () => "");
    const server = await redirecting(302, () => `${other.url}/elsewhere`);
    const { response } = await send(`${server.url}/start`);
    expect(response.status).toBe(302);
    expect(other.requests).toHaveLength(0);
  });

  it("strips Authorization, cookies and other credential headers when following to another origin", async () => {
    const other = await redirecting(200, () => "");
    const server = await redirecting(308, () => `${other.url}/elsewhere`);
    const { response, signed } = await send(`${server.url}/start`, {
      redirectOptions: { allowCrossOriginRedirects: true },
    });
    expect(response.bodyAsText).toBe("landed GET /elsewhere");
    const seen = other.requests[0]!.headers;
    expect(seen.authorization).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen["x-ms-copy-source-authorization"]).toBeUndefined();
    expect(seen["ocp-apim-subscription-key"]).toBeUndefined();
    expect(seen["x-custom-note"]).toBe("kept");
    expect(signed).toBe(1);
  });

  it("turns a POST into a GET without a body on 303", async () => {
    const server = await redirecting(303, () => "/result");
    const { response } = await send(`${server.url}/start`, {}, { method: "POST", body: "form=1" });
    expect(response.bodyAsText).toBe("landed GET /result");
    expect(server.requests[1]).toMatchObject({ method: "GET", body: "" });
    expect(server.requests[1]!.headers["content-type"]).toBeUndefined();
  });

  it("keeps method and body on 307", async () => {
    const server = await redirecting(307, () => "/again");
    await send(`${server.url}/start`, {}, { method: "PUT", body: "payload" });
    expect(server.requests[1]).toMatchObject({ method: "PUT", url: "/again", body: "payload" });
  });

  it("stops after maxRetries redirects", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(302, { Location: "/loop" });
      res.end();
    });
    servers.push(server);
    const { response } = await send(`${server.url}/loop`, { redirectOptions: { maxRetries: 3 } });
    expect(response.status).toBe(302);
    expect(server.requests).toHaveLength(4);
  });
});
