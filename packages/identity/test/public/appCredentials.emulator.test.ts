import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  AzurePipelinesCredential,
  ClientAssertionCredential,
  ClientSecretCredential,
  CredentialUnavailableError,
  getBearerTokenProvider,
  OnBehalfOfCredential,
  UsernamePasswordCredential,
} from "../../src/index.js";
import { type EmulatorFixture, startEmulatorFixture } from "../helpers/emulatorFixture.js";

const ARM = "https://management.azure.com/.default";
let env: EmulatorFixture;
let issuerKey: KeyObject;
const ISSUER = "https://token.actions.example/azkit";

/** A federated token of an outside issuer the app trusts (as GitHub, Kubernetes or Azure DevOps mint them). */
function federatedToken(subject: string, lifetimeSeconds = 600): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "RS256", typ: "JWT", kid: "k1" })}.${encode({ iss: ISSUER, sub: subject, aud: "api://AzureADTokenExchange", nbf: now, exp: now + lifetimeSeconds })}`;
  return `${input}.${sign("sha256", Buffer.from(input), issuerKey).toString("base64url")}`;
}

beforeAll(async () => {
  env = await startEmulatorFixture();
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  issuerKey = keys.privateKey;
  const publicKey = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
  for (const subject of ["repo:azkit/azkit:ref:refs/heads/main", "sc://org/project/azkit-connection"]) {
    env.arm.directory.registerFederatedCredential(env.arm.clientId, { issuer: ISSUER, subject, publicKey });
  }
  env.arm.directory.registerCertificate(
    env.arm.clientId,
    await readFile(fileURLToPath(new URL("../fixtures/certificates/cert.pem", import.meta.url)), "utf8"),
  );
});
afterAll(() => env?.close());
afterEach(() => vi.unstubAllEnvs());

const options = () => ({ authorityHost: env.arm.authorityHost, httpClient: env.httpClient });

describe("ClientAssertionCredential", () => {
  it("presents the federated token getAssertion returns, anew for each token; ARM accepts the result", async () => {
    let calls = 0;
    const credential = new ClientAssertionCredential(
      env.arm.tenantId,
      env.arm.clientId,
      async () => {
        calls++;
        return federatedToken("repo:azkit/azkit:ref:refs/heads/main");
      },
      options(),
    );
    expect(await env.createAndListGroups(credential, "assertion")).toContain("assertion");
    await credential.getToken(`api://${env.arm.clientId}/.default`);
    expect(calls).toBe(2);
  });

  it("is refused (AADSTS70021) for a subject the app has no federated credential for", async () => {
    const credential = new ClientAssertionCredential(
      env.arm.tenantId,
      env.arm.clientId,
      async () => federatedToken("repo:someone/else"),
      options(),
    );
    const error = (await credential.getToken(ARM).catch((e: unknown) => e)) as AuthenticationError;
    expect(error.errorResponse).toMatchObject({ error: "invalid_client", errorCodes: [70021] });
  });
});

describe("AzurePipelinesCredential", () => {
  let oidc: Server;
  const seen: Array<{ url: string; authorization?: string; redirect?: string }> = [];
  beforeAll(async () => {
    oidc = createServer((req, res) => {
      seen.push({
        url: req.url ?? "",
        authorization: req.headers.authorization,
        redirect: req.headers["x-tfs-fedauthredirect"] as string,
      });
      if (req.headers.authorization !== "Bearer system-access-token") {
        res.writeHead(401, { "x-vss-e2eid": "e2e-1" }).end("");
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ oidcToken: federatedToken("sc://org/project/azkit-connection") }));
    });
    await new Promise<void>((resolve) => oidc.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => oidc.close(() => resolve())));

  const oidcUri = () =>
    `http://127.0.0.1:${(oidc.address() as AddressInfo).port}/org/_apis/distributedtask/hubs/build/plans/p1/jobs/j1/oidctoken`;

  it("fetches the job's OIDC token from SYSTEM_OIDCREQUESTURI and exchanges it; ARM accepts the result", async () => {
    vi.stubEnv("SYSTEM_OIDCREQUESTURI", oidcUri());
    const credential = new AzurePipelinesCredential(
      env.arm.tenantId,
      env.arm.clientId,
      "conn-1",
      "system-access-token",
      options(),
    );
    expect(await env.createAndListGroups(credential, "pipelines")).toContain("pipelines");
    const request = new URL(seen.at(-1)!.url, "http://x");
    expect(request.searchParams.get("api-version")).toBe("7.1");
    expect(request.searchParams.get("serviceConnectionId")).toBe("conn-1");
    expect(seen.at(-1)!.redirect).toBe("Suppress");
  });

  it("is unavailable outside a pipeline, and says what Azure DevOps answered when the system token is refused", async () => {
    vi.stubEnv("SYSTEM_OIDCREQUESTURI", "");
    expect(
      () => new AzurePipelinesCredential(env.arm.tenantId, env.arm.clientId, "conn-1", "t", options()),
    ).toThrow(CredentialUnavailableError);
    vi.stubEnv("SYSTEM_OIDCREQUESTURI", oidcUri());
    const credential = new AzurePipelinesCredential(
      env.arm.tenantId,
      env.arm.clientId,
      "conn-1",
      "expired-token",
      options(),
    );
    const error = (await credential.getToken(ARM).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(
      /Azure DevOps answered 401 without an oidcToken \(x-vss-e2eid, x-msedge-ref: e2e-1\)/,
    );
  });
});

describe("OnBehalfOfCredential", () => {
  /** The token a client app sent the middle tier: the user's, for the middle-tier app. */
  async function userTokenForMiddleTier(): Promise<string> {
    const { username, password } = env.arm.directory.user;
    const user = new UsernamePasswordCredential(
      env.arm.tenantId,
      env.arm.clientId,
      username,
      password,
      options(),
    );
    return (await user.getToken(`api://${env.arm.clientId}/.default`)).token;
  }

  it("exchanges the user's token with a client secret, a certificate or an assertion; ARM sees the user", async () => {
    const userAssertionToken = await userTokenForMiddleTier();
    const common = {
      tenantId: env.arm.tenantId,
      clientId: env.arm.clientId,
      userAssertionToken,
      ...options(),
    };
    const credentials = [
      new OnBehalfOfCredential({ ...common, clientSecret: env.arm.clientSecret }),
      // On-behalf-of options take no certificate password (as @azure/identity's): a PEM with a plain key.
      new OnBehalfOfCredential({
        ...common,
        certificatePath: fileURLToPath(new URL("../fixtures/certificates/client.pem", import.meta.url)),
      }),
      new OnBehalfOfCredential({
        ...common,
        getAssertion: async () => federatedToken("repo:azkit/azkit:ref:refs/heads/main"),
      }),
    ];
    for (const [i, credential] of credentials.entries()) {
      expect(await env.createAndListGroups(credential, `obo-${i}`)).toContain(`obo-${i}`);
      const armToken = await getBearerTokenProvider(credential, ARM)();
      const claims = JSON.parse(Buffer.from(armToken.split(".")[1]!, "base64url").toString("utf8"));
      expect(claims).toMatchObject({
        upn: env.arm.directory.user.username,
        appid: env.arm.clientId,
        aud: "https://management.azure.com",
      });
    }
  });

  it("is refused (AADSTS50013) for a token that was not issued to the middle tier", async () => {
    const armToken = await new ClientSecretCredential(
      env.arm.tenantId,
      env.arm.clientId,
      env.arm.clientSecret,
      options(),
    ).getToken(ARM);
    const credential = new OnBehalfOfCredential({
      tenantId: env.arm.tenantId,
      clientId: env.arm.clientId,
      clientSecret: env.arm.clientSecret,
      userAssertionToken: armToken.token,
      ...options(),
    });
    const error = (await credential.getToken(ARM).catch((e: unknown) => e)) as AuthenticationError;
    expect(error.errorResponse).toMatchObject({ error: "invalid_grant", errorCodes: [50013] });
    expect(error.message).not.toContain(armToken.token);
  });
});
