import { type ChildProcess, spawn } from "node:child_process";
import { sign } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  closeSyncBridge,
  createDefaultHttpClient,
  createPipelineRequest,
  type DefaultHttpClient,
  ServiceClient,
  type TokenCredential,
} from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  AuthorizationCodeCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  DeviceCodeCredential,
  type DeviceCodeInfo,
  getBearerTokenProvider,
  InteractiveBrowserCredential,
  OnBehalfOfCredential,
  UsernamePasswordCredential,
} from "../../src/sync.js";

interface Emulator {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  username: string;
  password: string;
  issuerPrivateKey: string;
}

const ARM = "https://management.azure.com/.default";
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
let child: ChildProcess;
let arm: Emulator;
let httpClient: DefaultHttpClient;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  child = spawn(process.execPath, [fixture("armEmulatorProcess.mjs"), fixture("certificates/cert.pem")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  arm = await new Promise<Emulator>((resolve) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString("utf8"))));
  });
  httpClient = createDefaultHttpClient();
  dir = await mkdtemp(join(tmpdir(), "azkit-sync-"));
  // The bridge's worker copies the environment when it starts: the scripted browser first.
  process.env.BROWSER = `${process.execPath} ${fixture("scriptedBrowser.mjs")}`;
  process.env.SCRIPTED_BROWSER_LOG = join(dir, "browser.log");
});
afterAll(async () => {
  child?.stdin?.end();
  await closeSyncBridge();
  httpClient?.close();
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

/** The emulator runs plain HTTP on loopback here, which the credentials allow for a loopback authority. */
const options = () => ({ authorityHost: arm.url });

/** A token of the federated issuer the emulator trusts. */
function federatedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iss: "https://issuer.example/sync", sub: "sync-test", aud: "api://AzureADTokenExchange", nbf: now, exp: now + 600 })}`;
  return `${input}.${sign("sha256", Buffer.from(input), arm.issuerPrivateKey).toString("base64url")}`;
}

/** A management call signed by a (blocking) credential: create a group and list the groups. */
async function createAndListGroups(credential: TokenCredential, name: string): Promise<string[]> {
  const client = new ServiceClient({
    endpoint: arm.url,
    credential,
    credentialScopes: ARM,
    httpClient,
    retryTotal: 0,
  });
  const groups = `/subscriptions/${arm.subscriptionId}/resourcegroups`;
  await client.sendRequest(
    createPipelineRequest({
      url: `${groups}/${name}?api-version=2021-04-01`,
      method: "PUT",
      body: '{"location":"westus"}',
    }),
    {
      requestOptions: {
        allowInsecureConnection: true,
        customHeaders: { "content-type": "application/json" },
      },
    },
  );
  const list = await client.sendRequest(createPipelineRequest({ url: `${groups}?api-version=2021-04-01` }), {
    requestOptions: { allowInsecureConnection: true },
  });
  return JSON.parse(list.bodyAsText ?? "{}").value.map((g: { name: string }) => g.name);
}

describe("@azkit/identity/sync: the new credentials, blocking, against the emulator", () => {
  it("ClientCertificateCredential (PFX) and ClientAssertionCredential with a callback on this thread", async () => {
    const certificate = new ClientCertificateCredential(
      arm.tenantId,
      arm.clientId,
      { certificatePath: fixture("certificates/client-aes.pfx"), certificatePassword: "pfx-password" },
      options(),
    );
    expect(certificate.getToken(ARM).token.split(".")).toHaveLength(3);
    expect(await createAndListGroups(certificate as unknown as TokenCredential, "sync-cert")).toContain(
      "sync-cert",
    );
    // getAssertion runs on this thread while getToken blocks it: a plain function returning the token.
    let assertions = 0;
    const assertion = new ClientAssertionCredential(
      arm.tenantId,
      arm.clientId,
      () => {
        assertions++;
        return federatedToken();
      },
      options(),
    );
    expect(await createAndListGroups(assertion as unknown as TokenCredential, "sync-assertion")).toContain(
      "sync-assertion",
    );
    expect(assertions).toBe(1);
    const refused = new ClientAssertionCredential(arm.tenantId, arm.clientId, () => "not-a-jwt", options());
    expect(() => refused.getToken(ARM)).toThrow(AuthenticationError);
  });

  it("UsernamePasswordCredential and OnBehalfOfCredential; getBearerTokenProvider gives the token string", async () => {
    const user = new UsernamePasswordCredential(
      arm.tenantId,
      arm.clientId,
      arm.username,
      arm.password,
      options(),
    );
    const userAssertionToken = getBearerTokenProvider(user, `api://${arm.clientId}/.default`)();
    const obo = new OnBehalfOfCredential({
      tenantId: arm.tenantId,
      clientId: arm.clientId,
      clientSecret: arm.clientSecret,
      userAssertionToken,
      ...options(),
    });
    expect(await createAndListGroups(obo as unknown as TokenCredential, "sync-obo")).toContain("sync-obo");
  });

  it("DeviceCodeCredential calls userPromptCallback on this thread while it waits", () => {
    const prompts: DeviceCodeInfo[] = [];
    const credential = new DeviceCodeCredential({
      tenantId: arm.tenantId,
      ...options(),
      userPromptCallback: (info) => {
        prompts.push(info);
      },
    });
    const record = credential.authenticate(ARM);
    expect(record?.username).toBe(arm.username);
    expect(prompts[0]?.verificationUri).toBe(`${arm.url}/devicelogin`);
    expect(credential.getToken(ARM).token).toBeTruthy();
  });

  it("InteractiveBrowserCredential opens the (scripted) browser from the bridge and blocks until the redirect", async () => {
    const credential = new InteractiveBrowserCredential({ tenantId: arm.tenantId, ...options() });
    expect(await createAndListGroups(credential as unknown as TokenCredential, "sync-browser")).toContain(
      "sync-browser",
    );
    const visited = (await readFile(join(dir, "browser.log"), "utf8")).trim().split("\n");
    expect(new URL(visited[0]!).searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("AuthorizationCodeCredential redeems a code the web app received", async () => {
    const redirectUri = "http://localhost:8400/cb";
    const authorize = new URL(`${arm.url}/${arm.tenantId}/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({
      client_id: arm.clientId,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: ARM,
    }))
      authorize.searchParams.set(k, v);
    const response = await httpClient.sendRequest(
      createPipelineRequest({ url: authorize.toString(), allowInsecureConnection: true }),
    );
    const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
    const credential = new AuthorizationCodeCredential(
      arm.tenantId,
      arm.clientId,
      arm.clientSecret,
      code,
      redirectUri,
      options(),
    );
    expect(credential.getToken(ARM).token).toBeTruthy();
  });
});
