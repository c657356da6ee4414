import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  CredentialUnavailableError,
  WorkloadIdentityCredential,
} from "../../src/index.js";
import { type LoopbackTokenServer, startLoopbackTokenServer } from "../helpers/loopbackTokenServer.js";

const arm = "https://management.azure.com/.default";
let server: LoopbackTokenServer;
let dir: string;
let tokenFile: string;

beforeEach(async () => {
  server = await startLoopbackTokenServer();
  dir = await mkdtemp(join(tmpdir(), "azkit-wi-"));
  tokenFile = join(dir, "azure-identity-token");
  await writeFile(tokenFile, "federated-jwt-1\n");
  vi.stubEnv("AZURE_TENANT_ID", "tenant-1");
  vi.stubEnv("AZURE_CLIENT_ID", "client-1");
  vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", tokenFile);
  vi.stubEnv("AZURE_AUTHORITY_HOST", server.url);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("WorkloadIdentityCredential", () => {
  it("exchanges the federated token file's content as a client assertion", async () => {
    const token = await new WorkloadIdentityCredential().getToken(arm);
    expect(token.token).toBe("entra-token-1");
    expect(server.requests[0]?.path).toBe("/tenant-1/oauth2/v2.0/token");
    expect(server.requests[0]?.form).toEqual({
      client_id: "client-1",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: "federated-jwt-1",
      scope: arm,
      grant_type: "client_credentials",
    });
  });

  it("re-reads the file for each new token, since the platform rotates it", async () => {
    const credential = new WorkloadIdentityCredential();
    await credential.getToken(arm);
    await writeFile(tokenFile, "federated-jwt-2");
    await credential.getToken("https://storage.azure.com/.default");
    expect(server.requests.map((r) => r.form.client_assertion)).toEqual([
      "federated-jwt-1",
      "federated-jwt-2",
    ]);
  });

  it("takes options over the environment", async () => {
    await new WorkloadIdentityCredential({ tenantId: "tenant-2", clientId: "client-2" }).getToken(arm);
    expect(server.requests[0]?.path).toBe("/tenant-2/oauth2/v2.0/token");
    expect(server.requests[0]?.form.client_id).toBe("client-2");
  });

  it("is unavailable, naming what is missing, without the settings", async () => {
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    vi.stubEnv("AZURE_CLIENT_ID", "");
    const error = await new WorkloadIdentityCredential().getToken(arm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialUnavailableError);
    expect((error as Error).message).toBe(
      "WorkloadIdentityCredential: clientId (AZURE_CLIENT_ID), tokenFilePath (AZURE_FEDERATED_TOKEN_FILE) not set.",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("is unavailable when the token file cannot be read", async () => {
    await rm(tokenFile);
    await expect(new WorkloadIdentityCredential().getToken(arm)).rejects.toThrow(/cannot read .*ENOENT/);
  });

  it("fails with AuthenticationError, without the assertion, when Entra ID refuses it", async () => {
    server.handle = (_r, res) =>
      res.writeHead(400).end(
        JSON.stringify({
          error: "invalid_client",
          error_description: "AADSTS700024: assertion federated-jwt-1 expired",
        }),
      );
    const error = (await new WorkloadIdentityCredential().getToken(arm).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("AADSTS700024");
    expect(error.message).not.toContain("federated-jwt-1");
  });
});
