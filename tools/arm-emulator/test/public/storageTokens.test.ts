import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { RG_API, send } from "../helpers.js";

// The samples' storage emulator (Azurite with --oauth basic) accepts tokens whose issuer and audience
// are Entra's and Storage's; so the token endpoint serves Storage's scope too, but ARM keeps refusing it.
describe("token endpoint: Azure Storage's scope", () => {
  let arm: ArmEmulator;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
  });
  afterAll(() => arm.close());

  async function storageToken(): Promise<string> {
    const reply = await send(arm.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: arm.clientId,
        client_secret: arm.clientSecret,
        scope: "https://storage.azure.com/.default",
      }).toString(),
    });
    expect(reply.status).toBe(200);
    return reply.json.access_token;
  }

  it("issues a token for https://storage.azure.com from this tenant's issuer", async () => {
    const token = await storageToken();
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
    expect(claims).toMatchObject({
      aud: "https://storage.azure.com",
      iss: `https://sts.windows.net/${arm.tenantId}/`,
    });
  });

  it("answers ARM requests carrying a storage token with 401 InvalidAuthenticationTokenAudience", async () => {
    const reply = await send(`${arm.url}/subscriptions/${arm.subscriptionId}/resourcegroups?${RG_API}`, {
      headers: { authorization: `Bearer ${await storageToken()}` },
    });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe("InvalidAuthenticationTokenAudience");
  });
});
