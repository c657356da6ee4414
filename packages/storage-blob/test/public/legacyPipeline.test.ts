// The older construction style of @azure/storage-blob: newPipeline(credential, options), Pipeline
// objects with request-policy factories, BaseRequestPolicy subclasses and custom Credentials,
// mapped onto core-http's pipeline. Azurite for what must really work against the service; a
// loopback server for what the wire must show (headers, attempts).
import { readFileSync } from "node:fs";
import type { AccessToken, TokenCredential } from "@azkit/core-http";
import { afterEach, describe, expect, it } from "vitest";
import {
  AnonymousCredential,
  BaseRequestPolicy,
  BlobServiceClient,
  BlockBlobTier,
  type ContainerClient,
  Credential,
  CredentialPolicy,
  getBlobServiceAccountAudience,
  type HttpOperationResponse,
  isPipelineLike,
  newPipeline,
  Pipeline,
  type RequestPolicy,
  type RequestPolicyFactory,
  type RequestPolicyOptions,
  RestError,
  StorageBlobAudience,
  StorageBrowserPolicyFactory,
  StorageRetryPolicyFactory,
  StorageRetryPolicyType,
  StorageSharedKeyCredential,
  type WebResource,
} from "../../src/index.js";
import { azurite, containerPerFile, uniqueName } from "../helpers/azurite.js";
import { type Handler, startLoopbackBlobService } from "../helpers/loopbackBlobService.js";

let container: ContainerClient;
containerPerFile("legacy", (c) => {
  container = c;
});

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

async function serve(handler: Handler) {
  const server = await startLoopbackBlobService(handler);
  closeServer = server.close;
  return server;
}

/** Answers every request with an empty container list. */
const emptyList: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/xml" });
  res.end(
    `<?xml version="1.0" encoding="utf-8"?><EnumerationResults><Containers /><NextMarker /></EnumerationResults>`,
  );
};

function sharedKey(): StorageSharedKeyCredential {
  const { accountName, accountKey } = azurite();
  return new StorageSharedKeyCredential(accountName, accountKey);
}

// The peer's sample "customizedClientHeaders" (samples/v12/typescript/src), verbatim apart from
// the imports: a BaseRequestPolicy subclass that sets x-ms-client-request-id, added with
// pipeline.factories.unshift.
class RequestIDPolicyFactory {
  private prefix: string;
  constructor(prefix: string) {
    this.prefix = prefix;
  }

  create(nextPolicy: RequestPolicy, options: RequestPolicyOptions) {
    return new RequestIDPolicy(nextPolicy, options, this.prefix);
  }
}

class RequestIDPolicy extends BaseRequestPolicy {
  private prefix: string;
  constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions, prefix: string) {
    super(nextPolicy, options);
    this.prefix = prefix;
  }

  async sendRequest(request: WebResource): Promise<HttpOperationResponse> {
    // biome-ignore lint/complexity/useDateNow: the peer's sample, verbatim.
    request.headers.set("x-ms-client-request-id", `${this.prefix}_SOME_PATTERN_${new Date().getTime()}`);

    const response = await this._nextPolicy.sendRequest(request);

    if (response.status >= 300) {
      console.log(`Request ${request.requestId} failed with status ${response.status}`);
    }

    return response;
  }
}

describe("newPipeline(credential, options) and new XClient(url, pipeline)", () => {
  it("builds clients that work against the service, and derived clients share the pipeline", async () => {
    const pipeline = newPipeline(sharedKey(), {
      retryOptions: { maxTries: 4 },
      userAgentOptions: { userAgentPrefix: "Sample V1.0.0" },
    });
    expect(isPipelineLike(pipeline)).toBe(true);
    expect(isPipelineLike(sharedKey())).toBe(false);
    const service = new BlobServiceClient(azurite().blobUrl, pipeline);
    const containerClient = service.getContainerClient(uniqueName("pipe"));
    await containerClient.create();
    const blob = containerClient.getBlockBlobClient("hello.txt");
    await blob.upload("hello", 5);
    expect((await blob.downloadToBuffer()).toString()).toBe("hello");
    await containerClient.delete();
  });

  it("sends the userAgentPrefix and runs a BaseRequestPolicy subclass (the peer's customizedClientHeaders sample)", async () => {
    const server = await serve(emptyList);
    const pipeline = newPipeline(new AnonymousCredential(), {
      userAgentOptions: { userAgentPrefix: "Sample V1.0.0" },
    });
    pipeline.factories.unshift(new RequestIDPolicyFactory("Prefix"));
    const service = new BlobServiceClient(server.url, pipeline);
    for await (const _ of service.listContainers()) {
      // none
    }
    const headers = server.requests[0]!.headers;
    expect(headers["x-ms-client-request-id"]).toMatch(/^Prefix_SOME_PATTERN_\d+$/);
    expect(headers["user-agent"]).toMatch(/^Sample V1\.0\.0 /);
    // The version is the one package.json has now: a release bump changes it without a code change.
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(headers["user-agent"]).toContain(` azkit-storage-blob/${version} `);
  });

  it("sends the url a request policy writes into the WebResource, and the policy reads back what it wrote", async () => {
    const server = await serve(emptyList);
    const seen: Array<{ url: string; requestId: string; timeout: number }> = [];
    class RewritePolicy extends BaseRequestPolicy {
      // Public: the base class constructor is protected, as in @azure/storage-blob.
      constructor(next: RequestPolicy, options: RequestPolicyOptions) {
        super(next, options);
      }
      async sendRequest(request: WebResource): Promise<HttpOperationResponse> {
        request.url = `${request.url}&marker=from-policy`;
        request.requestId = "policy-request-id";
        request.timeout = 12_345;
        seen.push({ url: request.url, requestId: request.requestId, timeout: request.timeout });
        return this._nextPolicy.sendRequest(request);
      }
    }
    const pipeline = newPipeline(new AnonymousCredential());
    pipeline.factories.unshift({
      create: (next: RequestPolicy, options: RequestPolicyOptions) => new RewritePolicy(next, options),
    });
    await new BlobServiceClient(server.url, pipeline).listContainers().next();
    expect(seen[0]).toEqual({
      url: expect.stringMatching(/&marker=from-policy$/),
      requestId: "policy-request-id",
      timeout: 12_345,
    });
    expect(server.requests[0]!.url.searchParams.get("marker")).toBe("from-policy");
  });

  it("honours retryOptions (maxTries counts the first attempt) with core-http's retry", async () => {
    let attempts = 0;
    const server = await serve((req, res) => {
      attempts++;
      if (attempts < 3) {
        res.writeHead(503);
        res.end();
        return;
      }
      emptyList(req, res);
    });
    const pipeline = newPipeline(new AnonymousCredential(), {
      retryOptions: { maxTries: 3, retryDelayInMs: 1, retryPolicyType: StorageRetryPolicyType.FIXED },
    });
    await new BlobServiceClient(server.url, pipeline).listContainers().next();
    expect(attempts).toBe(3);

    attempts = -10; // every attempt fails now
    const once = newPipeline(new AnonymousCredential(), { retryOptions: { maxTries: 1 } });
    const error = await new BlobServiceClient(server.url, once)
      .listContainers()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect(attempts).toBe(-9);
  });

  it("reads a StorageRetryPolicyFactory in pipeline.factories as the retries (one retry loop, not two)", async () => {
    let attempts = 0;
    const server = await serve((_req, res) => {
      attempts++;
      res.writeHead(503);
      res.end();
    });
    const pipeline = new Pipeline(
      [new StorageRetryPolicyFactory({ maxTries: 2, retryDelayInMs: 1 }), new StorageBrowserPolicyFactory()],
      {},
    );
    const error = await new BlobServiceClient(server.url, pipeline)
      .listContainers()
      .next()
      .catch((e: unknown) => e);
    expect((error as RestError).statusCode).toBe(503);
    expect(attempts).toBe(2);
  });

  it("asks a TokenCredential for the audience option (StorageBlobAudience, getBlobServiceAccountAudience)", async () => {
    const scopes: Array<string | string[]> = [];
    const token: TokenCredential = {
      async getToken(scope): Promise<AccessToken> {
        scopes.push(scope);
        return { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const server = await serve(emptyList);
    await new BlobServiceClient(server.url, newPipeline(token, { allowInsecureConnection: true }))
      .listContainers()
      .next();
    const audience = getBlobServiceAccountAudience("account1");
    await new BlobServiceClient(server.url, newPipeline(token, { audience, allowInsecureConnection: true }))
      .listContainers()
      .next();
    expect(scopes.map(String)).toEqual([
      StorageBlobAudience.StorageOAuthScopes,
      "https://account1.blob.core.windows.net/.default",
    ]);
    expect(server.requests[1]!.headers.authorization).toBe("Bearer t");
    expect(() => getBlobServiceAccountAudience("Not An Account")).toThrow(/storage account name/);
  });
});

describe("legacy credential classes", () => {
  it("StorageSharedKeyCredentialPolicy signs as the service expects (run as a plain factory, against Azurite)", async () => {
    const key = sharedKey();
    const asFactory: RequestPolicyFactory = { create: (next, options) => key.create(next, options) };
    const pipeline = new Pipeline([asFactory], {}, new AnonymousCredential());
    const client = new BlobServiceClient(azurite().blobUrl, pipeline).getContainerClient(
      container.containerName,
    );
    expect(await client.exists()).toBe(true);
  });

  it("a custom Credential subclass signs every attempt", async () => {
    class HeaderPolicy extends CredentialPolicy {
      // Makes the protected base constructor public, as the peer's samples do.
      constructor(next: RequestPolicy, options: RequestPolicyOptions) {
        super(next, options);
      }
      protected override signRequest(request: WebResource): WebResource {
        request.headers.set("authorization", "Custom secret-of-the-test");
        return request;
      }
    }
    class HeaderCredential extends Credential {
      override create(next: RequestPolicy, options: RequestPolicyOptions) {
        return new HeaderPolicy(next, options);
      }
    }
    let attempts = 0;
    const server = await serve((req, res) => {
      attempts++;
      if (attempts === 1) {
        res.writeHead(500);
        res.end();
        return;
      }
      emptyList(req, res);
    });
    const pipeline = new Pipeline([], { retryTotal: 1, retryBackoffFactorInMs: 1 }, new HeaderCredential());
    const client = new BlobServiceClient(server.url, pipeline);
    await client.listContainers().next();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Custom secret-of-the-test",
      "Custom secret-of-the-test",
    ]);
  });
});

describe("values ported as they are", () => {
  it("RestError is core-http's: a 404 from the service is instanceof it", async () => {
    const error = await container
      .getBlobClient("missing")
      .getProperties()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).statusCode).toBe(404);
  });

  it("BlockBlobTier values set a blob's tier", async () => {
    const blob = container.getBlockBlobClient("tiered.txt");
    await blob.upload("x", 1);
    await blob.setAccessTier(BlockBlobTier.Cool);
    expect((await blob.getProperties()).accessTier).toBe("Cool");
  });
});
