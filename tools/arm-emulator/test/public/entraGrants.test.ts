import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  X509Certificate,
  constants,
} from "node:crypto";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, DEVELOPER_SIGN_ON_CLIENT_ID, startArmEmulator } from "../../src/index.js";
import { send } from "../helpers.js";

const ARM = "https://management.azure.com/.default";
const form = (values: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values).toString(),
});
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));

function jwt(header: object, claims: object, key: KeyObject, alg: "RS256" | "PS256" = "RS256"): string {
  const input = `${Buffer.from(JSON.stringify({ alg, typ: "JWT", ...header })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const signature = sign(
    "sha256",
    Buffer.from(input),
    alg === "PS256" ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key,
  );
  return `${input}.${signature.toString("base64url")}`;
}

let arm: ArmEmulator;
let certificatePem: string;
let certificateKey: KeyObject;
let x5tS256: string;

beforeAll(async () => {
  arm = await startArmEmulator({ https: false });
  arm.directory.deviceCodeIntervalSeconds = 0;
  const pems = await generate([{ name: "commonName", value: "azkit test client" }], {
    keyType: "rsa",
    keySize: 2048,
  });
  certificatePem = pems.cert;
  certificateKey = createPrivateKey(pems.private);
  x5tS256 = createHash("sha256").update(new X509Certificate(certificatePem).raw).digest("base64url");
  arm.directory.registerCertificate(arm.clientId, certificatePem);
});
afterAll(() => arm.close());

function assertion(
  overrides: { claims?: object; header?: object; key?: KeyObject; alg?: "RS256" | "PS256" } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return jwt(
    { "x5t#S256": x5tS256, ...overrides.header },
    {
      aud: arm.tokenUrl,
      iss: arm.clientId,
      sub: arm.clientId,
      jti: String(Math.random()),
      nbf: now,
      exp: now + 600,
      ...overrides.claims,
    },
    overrides.key ?? certificateKey,
    overrides.alg,
  );
}

const withAssertion = (value: string) =>
  form({
    grant_type: "client_credentials",
    client_id: arm.clientId,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: value,
    scope: ARM,
  });

async function listSubscriptions(token: string) {
  return send(`${arm.url}/subscriptions?api-version=2022-12-01`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe("client credentials with a certificate assertion", () => {
  it("accepts an RS256 assertion signed by a registered certificate; ARM accepts the token", async () => {
    const reply = await send(arm.tokenUrl, withAssertion(assertion()));
    expect(reply.status).toBe(200);
    expect((await listSubscriptions(reply.json.access_token)).status).toBe(200);
  });

  it("accepts PS256 (what MSAL sends with a SHA-256 thumbprint)", async () => {
    const reply = await send(arm.tokenUrl, withAssertion(assertion({ alg: "PS256" })));
    expect(reply.status).toBe(200);
  });

  it("refuses an unregistered certificate, a forged signature, another audience and an expired assertion", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const unregistered = await send(
      arm.tokenUrl,
      withAssertion(assertion({ header: { "x5t#S256": "AAAA" } })),
    );
    expect([unregistered.status, unregistered.json.error, unregistered.json.error_codes]).toEqual([
      401,
      "invalid_client",
      [700027],
    ]);
    const forged = await send(arm.tokenUrl, withAssertion(assertion({ key: other })));
    expect(forged.json.error_description).toMatch(
      /^AADSTS700027: Client assertion failed signature validation/,
    );
    const audience = await send(
      arm.tokenUrl,
      withAssertion(assertion({ claims: { aud: "https://login.microsoftonline.com/x/oauth2/v2.0/token" } })),
    );
    expect(audience.json.error_codes).toEqual([50013]);
    const expired = await send(
      arm.tokenUrl,
      withAssertion(assertion({ claims: { exp: Math.floor(Date.now() / 1000) - 3600 } })),
    );
    expect(expired.json.error_codes).toEqual([700024]);
  });

  it("accepts a federated token from a registered issuer and subject, and refuses another subject (AADSTS70021)", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    arm.directory.registerFederatedCredential(arm.clientId, {
      issuer: "https://oidc.example/cluster",
      subject: "system:serviceaccount:default:app",
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    const now = Math.floor(Date.now() / 1000);
    const federated = (sub: string) =>
      jwt(
        { kid: "k1" },
        {
          iss: "https://oidc.example/cluster",
          sub,
          aud: "api://AzureADTokenExchange",
          exp: now + 600,
          nbf: now,
        },
        privateKey,
      );
    expect(
      (await send(arm.tokenUrl, withAssertion(federated("system:serviceaccount:default:app")))).status,
    ).toBe(200);
    const wrong = await send(arm.tokenUrl, withAssertion(federated("system:serviceaccount:default:other")));
    expect(wrong.json.error_codes).toEqual([70021]);
  });
});

describe("user flows", () => {
  const password = (extra: Record<string, string> = {}) =>
    form({
      grant_type: "password",
      client_id: DEVELOPER_SIGN_ON_CLIENT_ID,
      username: arm.directory.user.username,
      password: arm.directory.user.password,
      scope: `${ARM} openid offline_access`,
      ...extra,
    });

  it("password: a user token ARM accepts, an ID token and a refresh token; a wrong password is AADSTS50126", async () => {
    const reply = await send(arm.tokenUrl, password());
    expect(reply.status).toBe(200);
    expect(claimsOf(reply.json.access_token)).toMatchObject({
      idtyp: "user",
      upn: arm.directory.user.username,
      appid: DEVELOPER_SIGN_ON_CLIENT_ID,
    });
    expect(claimsOf(reply.json.id_token).preferred_username).toBe(arm.directory.user.username);
    expect((await listSubscriptions(reply.json.access_token)).status).toBe(200);
    const refreshed = await send(
      arm.tokenUrl,
      form({
        grant_type: "refresh_token",
        client_id: DEVELOPER_SIGN_ON_CLIENT_ID,
        refresh_token: reply.json.refresh_token,
        scope: ARM,
      }),
    );
    expect(refreshed.status).toBe(200);
    const wrong = await send(arm.tokenUrl, password({ password: "nope" }));
    expect([wrong.json.error, wrong.json.error_codes]).toEqual(["invalid_grant", [50126]]);
  });

  it("device code: authorization_pending until the user enters the code on /devicelogin", async () => {
    const start = await send(
      `${arm.url}/${arm.tenantId}/oauth2/v2.0/devicecode`,
      form({ client_id: DEVELOPER_SIGN_ON_CLIENT_ID, scope: ARM }),
    );
    expect(start.json).toMatchObject({
      verification_uri: `${arm.url}/devicelogin`,
      interval: 0,
      expires_in: 900,
    });
    expect(start.json.message).toContain(start.json.user_code);
    const poll = () =>
      send(
        arm.tokenUrl,
        form({
          grant_type: "urn:ietf:params:oauth:grant-type:device_code",
          client_id: DEVELOPER_SIGN_ON_CLIENT_ID,
          device_code: start.json.device_code,
        }),
      );
    const pending = await poll();
    expect([pending.status, pending.json.error, pending.json.error_codes]).toEqual([
      400,
      "authorization_pending",
      [70016],
    ]);
    const page = await send(`${arm.url}/devicelogin`, form({ otc: start.json.user_code }));
    expect(page.status).toBe(200);
    const done = await poll();
    expect(done.status).toBe(200);
    expect((await listSubscriptions(done.json.access_token)).status).toBe(200);
  });

  it("authorization code with PKCE: the authorize endpoint redirects with a code that redeems once, with the right verifier", async () => {
    const verifier = "a".repeat(43);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const authorize = new URL(`${arm.url}/${arm.tenantId}/oauth2/v2.0/authorize`);
    const redirectUri = "http://localhost:53111/";
    for (const [k, v] of Object.entries({
      client_id: DEVELOPER_SIGN_ON_CLIENT_ID,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: `${ARM} openid`,
      state: "s1",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }))
      authorize.searchParams.set(k, v);
    const redirect = await send(authorize.toString());
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.location!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("s1");
    const redeem = (code: string, codeVerifier: string) =>
      send(
        arm.tokenUrl,
        form({
          grant_type: "authorization_code",
          client_id: DEVELOPER_SIGN_ON_CLIENT_ID,
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
          scope: ARM,
        }),
      );
    const wrongVerifier = await redeem(location.searchParams.get("code")!, "b".repeat(43));
    expect(wrongVerifier.json.error_codes).toEqual([501481]);
    const again = await send(authorize.toString());
    const code = new URL(again.headers.location!).searchParams.get("code")!;
    expect((await redeem(code, verifier)).status).toBe(200);
    expect((await redeem(code, verifier)).json.error_codes).toEqual([54005]);
    authorize.searchParams.set("scope", "https://vault.azure.net/.default");
    const unknown = new URL((await send(authorize.toString())).headers.location!);
    expect(unknown.searchParams.get("error")).toBe("invalid_resource");
    expect(unknown.searchParams.get("error_description")).toMatch(/^AADSTS500011/);
  });

  it("on-behalf-of: exchanges a user's token for the app into an ARM token for the same user", async () => {
    const userToken = (
      await send(arm.tokenUrl, password({ client_id: arm.clientId, scope: `api://${arm.clientId}/.default` }))
    ).json.access_token;
    expect(claimsOf(userToken).aud).toBe(`api://${arm.clientId}`);
    const obo = (assertionToken: string) =>
      send(
        arm.tokenUrl,
        form({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          client_id: arm.clientId,
          client_secret: arm.clientSecret,
          assertion: assertionToken,
          requested_token_use: "on_behalf_of",
          scope: ARM,
        }),
      );
    const reply = await obo(userToken);
    expect(reply.status).toBe(200);
    expect(claimsOf(reply.json.access_token)).toMatchObject({
      aud: "https://management.azure.com",
      oid: arm.directory.user.objectId,
      appid: arm.clientId,
    });
    const armToken = reply.json.access_token;
    expect((await obo(armToken)).json.error_codes).toEqual([50013]);
  });
});
