import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CredentialUnavailableError, EnvironmentCredential } from "../../src/index.js";
import { type LoopbackTokenServer, startLoopbackTokenServer } from "../helpers/loopbackTokenServer.js";

const arm = "https://management.azure.com/.default";
let server: LoopbackTokenServer;

beforeEach(async () => {
  server = await startLoopbackTokenServer();
  vi.stubEnv("AZURE_TENANT_ID", "tenant-1");
  vi.stubEnv("AZURE_CLIENT_ID", "client-1");
  vi.stubEnv("AZURE_CLIENT_SECRET", "env-secret-value");
  vi.stubEnv("AZURE_AUTHORITY_HOST", server.url);
  vi.stubEnv("AZURE_CLIENT_CERTIFICATE_PATH", "");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe("EnvironmentCredential", () => {
  it("authenticates with the client secret from AZURE_* variables at AZURE_AUTHORITY_HOST", async () => {
    const credential = new EnvironmentCredential();
    expect((await credential.getToken(arm)).token).toBe("entra-token-1");
    expect(server.requests[0]?.path).toBe("/tenant-1/oauth2/v2.0/token");
    expect(server.requests[0]?.form).toMatchObject({
      client_id: "client-1",
      client_secret: "env-secret-value",
    });
    await credential.close();
  });

  it("is unavailable when a variable is missing, naming it but not the others' values", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_TENANT_ID", "");
    const error = (await new EnvironmentCredential().getToken(arm).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CredentialUnavailableError);
    expect(error.message).toBe(
      "EnvironmentCredential: AZURE_TENANT_ID, AZURE_CLIENT_SECRET are not set (instead of the secret, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_USERNAME and AZURE_PASSWORD also work).",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("uses a configured certificate instead of a secret, and says when its file cannot be read", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_CLIENT_CERTIFICATE_PATH", "/certs/app.pem");
    await expect(new EnvironmentCredential().getToken(arm)).rejects.toThrow(
      "ClientCertificateCredential: cannot read the certificate file /certs/app.pem (ENOENT).",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("uses AZURE_USERNAME and AZURE_PASSWORD when neither a secret nor a certificate is set", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_USERNAME", "user@contoso.com");
    vi.stubEnv("AZURE_PASSWORD", "user-password");
    await new EnvironmentCredential().getToken(arm);
    expect(server.requests[0]?.form).toMatchObject({ grant_type: "password", username: "user@contoso.com" });
  });

  it("reads the environment when created, not later", async () => {
    const credential = new EnvironmentCredential();
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    expect((await credential.getToken(arm)).token).toBe("entra-token-1");
  });
});
