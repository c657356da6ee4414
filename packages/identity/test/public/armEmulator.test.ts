import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createPipelineRequest,
  type DefaultHttpClient,
  type Pipeline,
  type TokenCredential,
} from "@azkit/core-http";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, ClientSecretCredential, ManagedIdentityCredential } from "../../src/index.js";

const armScope = "https://management.azure.com/.default";
let arm: ArmEmulator;
let httpClient: DefaultHttpClient;

beforeAll(async () => {
  arm = await startArmEmulator({ https: true });
  // The emulator's certificate is self-signed: trust it as a corporate root would be trusted.
  httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
});
afterAll(async () => {
  httpClient?.close();
  await arm?.close();
});

function signedPipeline(credential: TokenCredential): Pipeline {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: armScope }), { phase: "Sign" });
  return pipeline;
}

const listSubscriptions = () =>
  createPipelineRequest({ url: `${arm.url}/subscriptions?api-version=2022-12-01` });

describe("ClientSecretCredential with the ARM emulator over HTTPS", () => {
  it("gets a token from the emulator's token endpoint that its ARM endpoint accepts", async () => {
    expect(arm.url.startsWith("https://")).toBe(true);
    const credential = new ClientSecretCredential(arm.tenantId, arm.clientId, arm.clientSecret, {
      authorityHost: arm.authorityHost,
      httpClient,
    });
    const response = await signedPipeline(credential).sendRequest(httpClient, listSubscriptions());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.bodyAsText ?? "{}").value[0].subscriptionId).toBe(arm.subscriptionId);
    await credential.close();
  });

  it("is refused by ARM without the policy, and by the token endpoint with a wrong secret", async () => {
    const unsigned = await createEmptyPipeline().sendRequest(httpClient, listSubscriptions());
    expect(unsigned.status).toBe(401);
    const wrong = new ClientSecretCredential(arm.tenantId, arm.clientId, "not-the-secret", {
      authorityHost: arm.authorityHost,
      httpClient,
    });
    const error = await signedPipeline(wrong)
      .sendRequest(httpClient, listSubscriptions())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain("not-the-secret");
  });

  it("a user-assigned managed identity from the emulator's IMDS endpoint is accepted too", async () => {
    const credential = new ManagedIdentityCredential({
      clientId: arm.managedIdentityClientId,
      imdsEndpoint: arm.url,
      httpClient,
    });
    const response = await signedPipeline(credential).sendRequest(httpClient, listSubscriptions());
    expect(response.status).toBe(200);
  });
});
