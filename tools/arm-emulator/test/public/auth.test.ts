import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { getToken, RG_API, send } from "../helpers.js";

function form(values: Record<string, string>): {
  method: string;
  headers: Record<string, string>;
  body: string;
} {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  };
}

function decode(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
}

describe("token endpoint", () => {
  let arm: ArmEmulator;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
  });
  afterAll(() => arm.close());

  const good = () => ({
    grant_type: "client_credentials",
    client_id: arm.clientId,
    client_secret: arm.clientSecret,
    scope: "https://management.azure.com/.default",
  });

  it("issues a signed, expiring ARM access token for client credentials", async () => {
    const reply = await send(arm.tokenUrl, form(good()));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    const claims = decode(reply.json.access_token);
    expect(claims).toMatchObject({
      aud: "https://management.azure.com",
      tid: arm.tenantId,
      appid: arm.clientId,
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it("rejects a wrong client secret with invalid_client (AADSTS7000215)", async () => {
    const reply = await send(arm.tokenUrl, form({ ...good(), client_secret: "nope" }));
    expect(reply.status).toBe(401);
    expect(reply.json.error).toBe("invalid_client");
    expect(reply.json.error_codes).toEqual([7000215]);
    expect(reply.text).not.toContain(arm.clientSecret);
  });

  it("rejects an unknown client id with unauthorized_client", async () => {
    const reply = await send(arm.tokenUrl, form({ ...good(), client_id: "someone-else" }));
    expect(reply.status).toBe(400);
    expect(reply.json.error).toBe("unauthorized_client");
  });

  it("rejects an unknown tenant, an unknown resource (invalid_resource AADSTS500011) and a bare permission", async () => {
    const tenant = await send(arm.tokenUrl.replace(arm.tenantId, "other-tenant"), form(good()));
    expect(tenant.status).toBe(400);
    expect(tenant.json.error_description).toContain("Tenant 'other-tenant' not found");
    const scope = await send(arm.tokenUrl, form({ ...good(), scope: "https://vault.azure.net/.default" }));
    expect(scope.status).toBe(400);
    expect(scope.json.error).toBe("invalid_resource");
    expect(scope.json.error_codes).toEqual([500011]);
    expect(scope.json.error_description).toMatch(
      /^AADSTS500011: The resource principal named https:\/\/vault.azure.net was not found/,
    );
    const permission = await send(
      arm.tokenUrl,
      form({ ...good(), scope: "https://management.azure.com/user_impersonation" }),
    );
    expect(permission.json.error).toBe("invalid_scope");
    const grant = await send(arm.tokenUrl, form({ ...good(), grant_type: "urn:example:not-a-grant" }));
    expect(grant.json.error).toBe("unsupported_grant_type");
  });

  it("accepts client_secret_basic and asks for a secret when none is sent (AADSTS7000216)", async () => {
    const { client_id: _id, client_secret: _secret, ...rest } = good();
    const basic = Buffer.from(`${arm.clientId}:${arm.clientSecret}`).toString("base64");
    const viaBasic = await send(arm.tokenUrl, {
      ...form(rest),
      headers: { ...form(rest).headers, authorization: `Basic ${basic}` },
    });
    expect(viaBasic.status).toBe(200);
    const none = await send(arm.tokenUrl, form({ ...rest, client_id: arm.clientId }));
    expect(none.status).toBe(401);
    expect(none.json.error_codes).toEqual([7000216]);
  });

  it("serves the v1 endpoint with a resource parameter", async () => {
    const { scope: _scope, ...v1 } = good();
    const reply = await send(
      `${arm.url}/${arm.tenantId}/oauth2/token`,
      form({ ...v1, resource: "https://management.core.windows.net/" }),
    );
    expect(reply.status).toBe(200);
    expect(decode(reply.json.access_token).aud).toBe("https://management.core.windows.net/");
  });

  it("publishes an OpenID configuration naming its token endpoint", async () => {
    const reply = await send(`${arm.url}/${arm.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(reply.json.token_endpoint).toBe(arm.tokenUrl);
  });
});

describe("managed identity (IMDS) endpoint", () => {
  let arm: ArmEmulator;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
  });
  afterAll(() => arm.close());
  const imds = () =>
    `${arm.imdsUrl}?api-version=2018-02-01&resource=${encodeURIComponent("https://management.azure.com/")}`;

  it("issues a token usable against ARM when the Metadata header is present", async () => {
    const reply = await send(imds(), { headers: { Metadata: "true" } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      token_type: "Bearer",
      client_id: arm.managedIdentityClientId,
      resource: "https://management.azure.com/",
    });
    expect(Number(reply.json.expires_on)).toBeGreaterThan(Date.now() / 1000);
    const list = await send(`${arm.url}/subscriptions/${arm.subscriptionId}/resourcegroups?${RG_API}`, {
      headers: { authorization: `Bearer ${reply.json.access_token}` },
    });
    expect(list.status).toBe(200);
  });

  it("accepts selectors naming its identity (client_id, object_id, msi_res_id)", async () => {
    for (const q of [
      `client_id=${arm.managedIdentityClientId}`,
      `object_id=${arm.managedIdentityClientId}`,
      `msi_res_id=${encodeURIComponent(arm.managedIdentityResourceId)}`,
    ]) {
      expect((await send(`${imds()}&${q}`, { headers: { Metadata: "true" } })).status).toBe(200);
    }
  });

  it("serves the App Service identity endpoint with X-IDENTITY-HEADER", async () => {
    const url = `${arm.appServiceIdentityUrl}?api-version=2019-08-01&resource=${encodeURIComponent("https://management.azure.com")}`;
    const ok = await send(url, { headers: { "x-identity-header": arm.identityHeader } });
    expect(ok.status).toBe(200);
    expect(Number(ok.json.expires_on)).toBeGreaterThan(Date.now() / 1000);
    expect(decode(ok.json.access_token).appid).toBe(arm.managedIdentityClientId);
    expect((await send(url, { headers: { "x-identity-header": "wrong" } })).status).toBe(401);
  });

  it("refuses requests without Metadata: true, without resource, or for an unknown identity", async () => {
    expect((await send(imds())).json.error_description).toContain("Required metadata header not specified");
    const noResource = await send(`${arm.imdsUrl}?api-version=2018-02-01`, { headers: { Metadata: "true" } });
    expect(noResource.status).toBe(400);
    const other = await send(`${imds()}&client_id=someone`, { headers: { Metadata: "true" } });
    expect(other.json.error_description).toContain("Identity not found");
  });
});

describe("ARM bearer authentication", () => {
  let arm: ArmEmulator;
  let url: string;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
    url = `${arm.url}/subscriptions/${arm.subscriptionId}/resourcegroups?${RG_API}`;
  });
  afterAll(() => arm.close());

  const expect401 = async (authorization: string | undefined, code: string) => {
    const reply = await send(url, { headers: authorization ? { authorization } : {} });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe(code);
    expect(reply.headers["www-authenticate"]).toMatch(
      new RegExp(`^Bearer authorization_uri="${arm.authorityHost}/${arm.tenantId}", error="invalid_token"`),
    );
    return reply;
  };

  it("answers 401 AuthenticationFailed with WWW-Authenticate when the header is missing", async () => {
    const reply = await expect401(undefined, "AuthenticationFailed");
    expect(reply.json.error.message).toBe("Authentication failed. The 'Authorization' header is missing.");
  });

  it("answers 401 InvalidAuthenticationToken for a forged or malformed token", async () => {
    const token = await getToken(arm);
    const [h, p] = token.split(".");
    await expect401(`Bearer ${h}.${p}.AAAA`, "InvalidAuthenticationToken");
    await expect401("Bearer not-a-jwt", "InvalidAuthenticationToken");
    await expect401("Basic dXNlcjpwYXNz", "AuthenticationFailed");
  });

  it("answers 401 ExpiredAuthenticationToken for an expired token", async () => {
    await expect401(`Bearer ${arm.issueToken({ expiresInSeconds: -1 })}`, "ExpiredAuthenticationToken");
  });

  it("answers 401 for a token for another audience or tenant", async () => {
    await expect401(
      `Bearer ${arm.issueToken({ audience: "https://vault.azure.net" })}`,
      "InvalidAuthenticationTokenAudience",
    );
    await expect401(
      `Bearer ${arm.issueToken({ tenantId: "99999999-9999-9999-9999-999999999999" })}`,
      "InvalidAuthenticationTokenTenant",
    );
  });

  it("accepts every audience ARM accepts", async () => {
    for (const audience of ["https://management.azure.com/", "https://management.core.windows.net/"]) {
      const reply = await send(url, { headers: { authorization: `Bearer ${arm.issueToken({ audience })}` } });
      expect(reply.status).toBe(200);
    }
  });

  it("does not accept tokens signed by another emulator", async () => {
    const other = await startArmEmulator({ https: false });
    try {
      await expect401(`Bearer ${other.issueToken()}`, "InvalidAuthenticationToken");
    } finally {
      await other.close();
    }
  });
});
