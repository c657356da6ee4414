import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AzureDeveloperCliCredential,
  AzurePowerShellCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  isCredentialUnavailableError,
  VisualStudioCodeCredential,
} from "../../src/index.js";
import { type EmulatorFixture, startEmulatorFixture } from "../helpers/emulatorFixture.js";
import { createFakeDeveloperTools } from "../helpers/fakeDeveloperTools.js";

const ARM = "https://management.azure.com/.default";
let env: EmulatorFixture;
let tools: Awaited<ReturnType<typeof createFakeDeveloperTools>>;

beforeAll(async () => {
  env = await startEmulatorFixture();
  tools = await createFakeDeveloperTools();
});
afterAll(async () => {
  await tools?.remove();
  await env?.close();
});
afterEach(() => vi.unstubAllEnvs());

/** The fake tools print a token the emulator issued, as the real ones print the token their login holds. */
async function toolsHoldEmulatorToken(): Promise<string> {
  const sp = new ClientSecretCredential(env.arm.tenantId, env.arm.clientId, env.arm.clientSecret, {
    authorityHost: env.arm.authorityHost,
    httpClient: env.httpClient,
  });
  const { token } = await sp.getToken(ARM);
  vi.stubEnv("PATH", tools.pathWithTools);
  vi.stubEnv("FAKE_TOOL_LOG", tools.log);
  vi.stubEnv("FAKE_TOOL_TOKEN", token);
  return token;
}

describe("developer tool credentials", () => {
  it("AzureDeveloperCliCredential runs `azd auth token` with each scope and its token works for ARM", async () => {
    await toolsHoldEmulatorToken();
    const credential = new AzureDeveloperCliCredential({ tenantId: env.arm.tenantId });
    expect(await env.createAndListGroups(credential, "azd")).toContain("azd");
    expect((await tools.calls()).at(-1)).toBe(
      `azd auth token --output json --no-prompt --scope ${ARM} --tenant-id ${env.arm.tenantId}`,
    );
  });

  it("AzurePowerShellCredential runs pwsh -NoProfile -NonInteractive with Get-AzAccessToken; its token works for ARM", async () => {
    await toolsHoldEmulatorToken();
    const credential = new AzurePowerShellCredential();
    expect(await env.createAndListGroups(credential, "pwsh")).toContain("pwsh");
    expect((await tools.calls()).at(-1)).toBe("pwsh -NoProfile -NonInteractive -Command");
  });

  it("both say how to log in when the tool is logged out", async () => {
    await toolsHoldEmulatorToken();
    vi.stubEnv("FAKE_TOOL_MODE", "logged-out");
    await expect(new AzureDeveloperCliCredential().getToken(ARM)).rejects.toThrow('run "azd auth login"');
    await expect(new AzurePowerShellCredential().getToken(ARM)).rejects.toThrow('run "Connect-AzAccount"');
  });

  it("VisualStudioCodeCredential is unavailable and names what to use, so a chain moves on", async () => {
    const error = await new VisualStudioCodeCredential().getToken(ARM).catch((e: unknown) => e);
    expect(isCredentialUnavailableError(error)).toBe(true);
    expect((error as Error).message).toMatch(/az login.*azd auth login/);
    const token = await toolsHoldEmulatorToken();
    const chain = new ChainedTokenCredential(
      new VisualStudioCodeCredential(),
      new AzureDeveloperCliCredential(),
    );
    expect((await chain.getToken(ARM)).token).toBe(token);
  });
});
