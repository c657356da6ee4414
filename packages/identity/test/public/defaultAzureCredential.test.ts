import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AggregateAuthenticationError,
  AzureCliCredential,
  AzurePowerShellCredential,
  DefaultAzureCredential,
  EnvironmentCredential,
  isCredentialUnavailableError,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "../../src/index.js";
import { createFakeAz } from "../helpers/fakeAz.js";
import { createFakeDeveloperTools } from "../helpers/fakeDeveloperTools.js";
import {
  closedLoopbackUrl,
  type LoopbackTokenServer,
  startLoopbackTokenServer,
} from "../helpers/loopbackTokenServer.js";

const arm = "https://management.azure.com/.default";
let server: LoopbackTokenServer;
let az: Awaited<ReturnType<typeof createFakeAz>>;
let dir: string;
let tokenFile: string;

/** Every source the chain could use is available; each test takes away the earlier links. */
beforeEach(async () => {
  server = await startLoopbackTokenServer();
  az = await createFakeAz();
  dir = await mkdtemp(join(tmpdir(), "azkit-dac-"));
  tokenFile = join(dir, "token");
  await writeFile(tokenFile, "federated-jwt");
  for (const [name, value] of Object.entries({
    AZURE_TENANT_ID: "tenant-1",
    AZURE_CLIENT_ID: "client-1",
    AZURE_CLIENT_SECRET: "env-secret",
    AZURE_AUTHORITY_HOST: server.url,
    AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    AZURE_POD_IDENTITY_AUTHORITY_HOST: server.url,
    AZURE_CLIENT_CERTIFICATE_PATH: "",
    IDENTITY_ENDPOINT: "",
    IDENTITY_HEADER: "",
    PATH: az.pathWithAz,
    FAKE_AZ_LOG: az.log,
    FAKE_AZ_MODE: "ok",
  })) {
    vi.stubEnv(name, value);
  }
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await az.remove();
  await rm(dir, { recursive: true, force: true });
});

/** Which sources the chain contacted, in order. */
async function contacted(): Promise<string[]> {
  const sources = server.requests.map((r) =>
    r.path.endsWith("/oauth2/v2.0/token") ? (r.form.client_secret ? "secret" : "assertion") : "imds",
  );
  return [...sources, ...(await az.calls()).map(() => "az")];
}

describe("DefaultAzureCredential chain order", () => {
  it("1. EnvironmentCredential comes first when AZURE_CLIENT_SECRET and friends are set", async () => {
    const credential = new DefaultAzureCredential();
    expect((await credential.getToken(arm)).token).toBe("entra-token-1");
    expect(await contacted()).toEqual(["secret"]);
    expect(credential.selectedCredential).toBeInstanceOf(EnvironmentCredential);
    await credential.close();
  });

  it("2. WorkloadIdentityCredential comes next, before managed identity and the CLI", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    const credential = new DefaultAzureCredential();
    await credential.getToken(arm);
    expect(await contacted()).toEqual(["assertion"]);
    expect(credential.selectedCredential).toBeInstanceOf(WorkloadIdentityCredential);
  });

  it("3. ManagedIdentityCredential comes next, before the CLI", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    const credential = new DefaultAzureCredential();
    expect((await credential.getToken(arm)).token).toBe("imds-token-1");
    expect(await contacted()).toEqual(["imds"]);
    expect(server.requests[0]?.query.client_id).toBe("client-1"); // AZURE_CLIENT_ID names a user-assigned identity
    expect(credential.selectedCredential).toBeInstanceOf(ManagedIdentityCredential);
  });

  it("4. AzureCliCredential comes last, after managed identity found no endpoint", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    vi.stubEnv("AZURE_POD_IDENTITY_AUTHORITY_HOST", await closedLoopbackUrl());
    const credential = new DefaultAzureCredential();
    expect((await credential.getToken(arm)).token).toBe("cli-token");
    expect(await contacted()).toEqual(["az"]);
    expect(credential.selectedCredential).toBeInstanceOf(AzureCliCredential);
  });

  it("remembers the credential that worked and does not try the earlier ones again", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    vi.stubEnv("AZURE_POD_IDENTITY_AUTHORITY_HOST", await closedLoopbackUrl());
    const credential = new DefaultAzureCredential();
    await credential.getToken(arm);
    await credential.getToken("https://storage.azure.com/.default");
    expect(await contacted()).toEqual(["az", "az"]);
  });

  it("when every link fails, throws one CredentialUnavailableError listing each and why", async () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    vi.stubEnv("AZURE_POD_IDENTITY_AUTHORITY_HOST", await closedLoopbackUrl());
    vi.stubEnv("FAKE_AZ_MODE", "logged-out");
    const error = (await new DefaultAzureCredential().getToken(arm).catch((e: unknown) => e)) as Error;
    expect(isCredentialUnavailableError(error)).toBe(true);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe(
      "DefaultAzureCredential: no credential in the chain could get a token. Tried, in order:",
    );
    expect(lines.slice(1).map((line) => line.split(":")[0])).toEqual([
      "- EnvironmentCredential",
      "- WorkloadIdentityCredential",
      "- ManagedIdentityCredential",
      "- VisualStudioCodeCredential",
      "- AzureCliCredential",
      "- AzurePowerShellCredential",
      "- AzureDeveloperCliCredential",
    ]);
    expect(lines[1]).toContain("AZURE_CLIENT_SECRET is not set");
    expect(lines[2]).toContain("AZURE_FEDERATED_TOKEN_FILE");
    expect(lines[3]).toContain("ECONNREFUSED");
    expect(lines[4]).toContain("az login");
    expect(lines[5]).toContain("az login");
    expect(lines[6]).toContain("pwsh");
    expect(lines[7]).toContain("azd");
    expect(error).toBeInstanceOf(AggregateAuthenticationError);
    expect((error as AggregateAuthenticationError).errors).toHaveLength(7);
    expect(error.message).not.toContain("env-secret");
  });
});

describe("DefaultAzureCredential: AZURE_TOKEN_CREDENTIALS and requiredEnvVars, as @azure/identity", () => {
  it('"prod" keeps the three deployed-environment links, "dev" the four developer links', async () => {
    vi.stubEnv("AZURE_TOKEN_CREDENTIALS", "dev");
    vi.stubEnv("FAKE_AZ_MODE", "logged-out");
    const dev = (await new DefaultAzureCredential()
      .getToken(arm)
      .catch((e: unknown) => e)) as AggregateAuthenticationError;
    expect(
      dev.message
        .split("\n")
        .slice(1)
        .map((l) => l.split(":")[0]),
    ).toEqual([
      "- VisualStudioCodeCredential",
      "- AzureCliCredential",
      "- AzurePowerShellCredential",
      "- AzureDeveloperCliCredential",
    ]);
    expect(server.requests).toHaveLength(0); // the environment's secret was not used
    vi.stubEnv("AZURE_TOKEN_CREDENTIALS", "prod");
    const prod = new DefaultAzureCredential();
    expect((await prod.getToken(arm)).token).toBe("entra-token-1");
    expect(prod.selectedCredential).toBeInstanceOf(EnvironmentCredential);
  });

  it("one credential's name (any case) keeps only that link; an unknown value throws naming the valid ones", async () => {
    vi.stubEnv("AZURE_TOKEN_CREDENTIALS", "azureclicredential");
    const credential = new DefaultAzureCredential();
    expect((await credential.getToken(arm)).token).toBe("cli-token");
    expect(await contacted()).toEqual(["az"]);
    vi.stubEnv("AZURE_TOKEN_CREDENTIALS", "laptop");
    expect(() => new DefaultAzureCredential()).toThrow(
      /AZURE_TOKEN_CREDENTIALS is "laptop"; use "prod", "dev" or one of EnvironmentCredential/,
    );
  });

  it("the developer links after the CLI are AzurePowerShellCredential, then AzureDeveloperCliCredential", async () => {
    vi.stubEnv("AZURE_TOKEN_CREDENTIALS", "dev");
    vi.stubEnv("FAKE_AZ_MODE", "logged-out");
    const tools = await createFakeDeveloperTools();
    try {
      vi.stubEnv("PATH", tools.pathWithTools); // the fake pwsh and azd, then the fake az
      vi.stubEnv("FAKE_TOOL_LOG", tools.log);
      vi.stubEnv("FAKE_TOOL_TOKEN", "pwsh-or-azd-token");
      const credential = new DefaultAzureCredential();
      expect((await credential.getToken(arm)).token).toBe("pwsh-or-azd-token");
      expect(credential.selectedCredential).toBeInstanceOf(AzurePowerShellCredential);
      vi.stubEnv("FAKE_TOOL_MODE", "logged-out");
      const error = (await new DefaultAzureCredential().getToken(arm).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(
        "AzureDeveloperCliCredential: not logged in to the Azure Developer CLI",
      );
      expect((await tools.calls()).map((c) => c.split(" ")[0])).toEqual(["pwsh", "pwsh", "azd"]);
    } finally {
      await tools.remove();
    }
  });

  it("requiredEnvVars throws at construction, naming the missing variables", () => {
    vi.stubEnv("AZURE_CLIENT_SECRET", "");
    expect(
      () =>
        new DefaultAzureCredential({
          requiredEnvVars: ["AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TOKEN_CREDENTIALS"],
        }),
    ).toThrow(
      "DefaultAzureCredential: required environment variables AZURE_CLIENT_SECRET, AZURE_TOKEN_CREDENTIALS are not set or empty.",
    );
    expect(() => new DefaultAzureCredential({ requiredEnvVars: "AZURE_CLIENT_ID" })).not.toThrow();
  });
});
