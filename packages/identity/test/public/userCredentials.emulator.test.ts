import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPipelineRequest } from "@azkit/core-http";
import { DEVELOPER_SIGN_ON_CLIENT_ID } from "arm-emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  AuthenticationRequiredError,
  AuthorizationCodeCredential,
  DeviceCodeCredential,
  type DeviceCodeInfo,
  deserializeAuthenticationRecord,
  InteractiveBrowserCredential,
  serializeAuthenticationRecord,
  UsernamePasswordCredential,
} from "../../src/index.js";
import { type EmulatorFixture, startEmulatorFixture } from "../helpers/emulatorFixture.js";

const ARM = "https://management.azure.com/.default";
let env: EmulatorFixture;
beforeAll(async () => {
  env = await startEmulatorFixture();
  // Entra says 5 s between polls; the emulator's tests do not wait for wall time.
  env.arm.directory.deviceCodeIntervalSeconds = 0;
});
afterAll(() => env?.close());
afterEach(() => vi.unstubAllEnvs());

const options = () => ({ authorityHost: env.arm.authorityHost, httpClient: env.httpClient });
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));

/** The user enters the code on the emulator's device login page, as they would at microsoft.com/devicelogin. */
async function enterCode(info: DeviceCodeInfo): Promise<void> {
  const page = await env.httpClient.sendRequest(
    createPipelineRequest({
      url: info.verificationUri,
      method: "POST",
      body: new URLSearchParams({ otc: info.userCode }).toString(),
      headers: undefined,
    }),
  );
  expect(page.status).toBe(200);
}

describe("DeviceCodeCredential", () => {
  it("shows the code through userPromptCallback, polls while authorization is pending, and its token works for ARM", async () => {
    const prompts: DeviceCodeInfo[] = [];
    const credential = new DeviceCodeCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      userPromptCallback: (info) => {
        prompts.push(info);
        // The user takes a moment: the first polls are answered authorization_pending.
        setTimeout(() => void enterCode(info), 30);
      },
    });
    expect(await env.createAndListGroups(credential, "device-code")).toContain("device-code");
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.message).toContain(prompts[0]!.userCode);
    expect(prompts[0]!.verificationUri).toBe(`${env.arm.url}/devicelogin`);
    // Another resource comes from the refresh token: the user is not asked again.
    const appToken = await credential.getToken(`api://${env.arm.clientId}/.default`);
    expect(claimsOf(appToken.token)).toMatchObject({
      aud: `api://${env.arm.clientId}`,
      upn: env.arm.directory.user.username,
    });
    expect(prompts).toHaveLength(1);
    await credential.close();
  });

  it("authenticate() returns the account, which serializes and deserializes", async () => {
    const credential = new DeviceCodeCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      userPromptCallback: enterCode,
    });
    const record = await credential.authenticate(ARM);
    expect(record).toMatchObject({
      username: env.arm.directory.user.username,
      tenantId: env.arm.tenantId,
      clientId: DEVELOPER_SIGN_ON_CLIENT_ID,
      homeAccountId: `${env.arm.directory.user.objectId}.${env.arm.tenantId}`,
      authority: new URL(env.arm.url).host,
    });
    expect(deserializeAuthenticationRecord(serializeAuthenticationRecord(record!))).toEqual(record);
    expect(() => deserializeAuthenticationRecord('{"version":"2.0"}')).toThrow(
      /Unsupported AuthenticationRecord version/,
    );
  });

  it("with disableAutomaticAuthentication, getToken throws AuthenticationRequiredError until authenticate()", async () => {
    const credential = new DeviceCodeCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      disableAutomaticAuthentication: true,
      userPromptCallback: enterCode,
    });
    const error = (await credential.getToken(ARM).catch((e: unknown) => e)) as AuthenticationRequiredError;
    expect(error).toBeInstanceOf(AuthenticationRequiredError);
    expect(error.scopes).toEqual([ARM]);
    await credential.authenticate(ARM);
    expect((await credential.getToken(ARM)).token).toBeTruthy();
  });

  it("stops polling when aborted", async () => {
    const controller = new AbortController();
    const credential = new DeviceCodeCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      userPromptCallback: () => setTimeout(() => controller.abort(), 20),
    });
    await expect(credential.getToken(ARM, { abortSignal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("UsernamePasswordCredential", () => {
  it("gets a user token that works for ARM; a wrong password is the service's AADSTS50126", async () => {
    const { username, password } = env.arm.directory.user;
    const credential = new UsernamePasswordCredential(
      env.arm.tenantId,
      DEVELOPER_SIGN_ON_CLIENT_ID,
      username,
      password,
      options(),
    );
    expect(await env.createAndListGroups(credential, "ropc")).toContain("ropc");
    const wrong = new UsernamePasswordCredential(
      env.arm.tenantId,
      DEVELOPER_SIGN_ON_CLIENT_ID,
      username,
      "not-it-123",
      options(),
    );
    const error = (await wrong.getToken(ARM).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.errorResponse).toMatchObject({ error: "invalid_grant", errorCodes: [50126] });
    expect(error.message).not.toContain("not-it-123");
  });
});

describe("AuthorizationCodeCredential", () => {
  /** What a web app does before the credential: send the user to authorize and take the code off the redirect. */
  async function authorizationCode(clientId: string, redirectUri: string): Promise<string> {
    const url = new URL(`${env.arm.url}/${env.arm.tenantId}/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({
      client_id: clientId,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: `${ARM} offline_access`,
    }))
      url.searchParams.set(k, v);
    const response = await env.httpClient.sendRequest(createPipelineRequest({ url: url.toString() }));
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location")!).searchParams.get("code")!;
  }

  it("a web app (client secret) redeems the code once, then refreshes for other resources", async () => {
    const redirectUri = "http://localhost:8400/auth/callback";
    const code = await authorizationCode(env.arm.clientId, redirectUri);
    const credential = new AuthorizationCodeCredential(
      env.arm.tenantId,
      env.arm.clientId,
      env.arm.clientSecret,
      code,
      redirectUri,
      options(),
    );
    expect(await env.createAndListGroups(credential, "auth-code")).toContain("auth-code");
    const second = await credential.getToken(`api://${env.arm.clientId}/.default`);
    expect(claimsOf(second.token).aud).toBe(`api://${env.arm.clientId}`);
  });

  it("a public client (no secret) redeems its code; a second credential with the same code is refused (AADSTS54005)", async () => {
    const redirectUri = "http://localhost:8400/";
    const code = await authorizationCode(DEVELOPER_SIGN_ON_CLIENT_ID, redirectUri);
    const first = new AuthorizationCodeCredential(
      env.arm.tenantId,
      DEVELOPER_SIGN_ON_CLIENT_ID,
      code,
      redirectUri,
      options(),
    );
    expect((await first.getToken(ARM)).token).toBeTruthy();
    const replay = new AuthorizationCodeCredential(
      env.arm.tenantId,
      DEVELOPER_SIGN_ON_CLIENT_ID,
      code,
      redirectUri,
      options(),
    );
    const error = (await replay.getToken(ARM).catch((e: unknown) => e)) as AuthenticationError;
    expect(error.errorResponse?.errorCodes).toEqual([54005]);
  });
});

describe("InteractiveBrowserCredential with a scripted browser (BROWSER)", () => {
  const script = fileURLToPath(new URL("../fixtures/scriptedBrowser.mjs", import.meta.url));
  const browserLog = join(tmpdir(), `azkit-browser-${process.pid}.log`);
  afterEach(() => rm(browserLog, { force: true }));

  function useScriptedBrowser(): void {
    vi.stubEnv("BROWSER", `${process.execPath} ${script}`);
    vi.stubEnv("SCRIPTED_BROWSER_LOG", browserLog);
    vi.stubEnv("NODE_EXTRA_CA_CERTS", env.caFile);
  }
  const visited = async () =>
    (await readFile(browserLog, "utf8").catch(() => "")).split("\n").filter(Boolean);

  it("opens the sign-in page with PKCE, receives the code on its loopback redirect, and the token works for ARM", async () => {
    useScriptedBrowser();
    const credential = new InteractiveBrowserCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      browserCustomizationOptions: { successMessage: "Signed in to the test." },
    });
    expect(await env.createAndListGroups(credential, "browser")).toContain("browser");
    const [authorize, redirect] = (await visited()).map((u) => new URL(u));
    expect(authorize!.pathname).toBe(`/${env.arm.tenantId}/oauth2/v2.0/authorize`);
    expect(authorize!.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize!.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(authorize!.searchParams.get("redirect_uri")).toMatch(/^http:\/\/localhost:\d+$/);
    expect(redirect!.origin).toBe(authorize!.searchParams.get("redirect_uri"));
    expect(redirect!.searchParams.get("state")).toBe(authorize!.searchParams.get("state"));
    // Another resource: from the refresh token, the browser does not open again.
    await credential.getToken(`api://${env.arm.clientId}/.default`);
    expect(await visited()).toHaveLength(2);
    await credential.close();
  });

  it("authenticate() returns the account, and a given redirect URI port and login hint are used", async () => {
    useScriptedBrowser();
    const credential = new InteractiveBrowserCredential({
      tenantId: env.arm.tenantId,
      ...options(),
      redirectUri: "http://localhost:0/signin",
      loginHint: env.arm.directory.user.username,
    });
    const record = await credential.authenticate(ARM);
    expect(record?.username).toBe(env.arm.directory.user.username);
    const authorize = new URL((await visited())[0]!);
    expect(authorize.searchParams.get("login_hint")).toBe(env.arm.directory.user.username);
    expect(authorize.searchParams.get("redirect_uri")).toMatch(/^http:\/\/localhost:\d+\/signin$/);
  });

  it("reports a browser that cannot be started as unavailable, with what to do", async () => {
    vi.stubEnv("BROWSER", "/nonexistent/browser-command");
    const credential = new InteractiveBrowserCredential({ tenantId: env.arm.tenantId, ...options() });
    await expect(credential.getToken(ARM)).rejects.toThrow(
      /could not open a browser \(ENOENT\); set BROWSER/,
    );
  });

  it("refuses the Windows broker and a persistent cache with what to do instead", () => {
    expect(
      () =>
        new InteractiveBrowserCredential({
          brokerOptions: { enabled: true, parentWindowHandle: new Uint8Array() },
        }),
    ).toThrow(/no Windows authentication broker/);
    expect(
      () => new InteractiveBrowserCredential({ tokenCachePersistenceOptions: { enabled: true } }),
    ).toThrow(/keeps tokens in memory/);
  });
});
