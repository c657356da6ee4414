import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { armCaller, RG_API, send } from "../helpers.js";

describe("HTTPS mode", () => {
  let arm: ArmEmulator;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: true });
  });
  afterAll(() => arm.close());

  it("serves https on loopback with a certificate a client trusting `ca` accepts", async () => {
    expect(arm.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(arm.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const c = await armCaller(arm);
    const reply = await c.call("PUT", `${c.sub}/resourcegroups/tls?${RG_API}`, { location: "westus" });
    expect(reply.status).toBe(201);
  });

  it("is valid for localhost too", async () => {
    const reply = await send(`${arm.url.replace("127.0.0.1", "localhost")}/__emulator/health`, {
      ca: arm.ca!,
    });
    expect(reply.json).toEqual({ status: "ok" });
  });

  it("is refused by a client that does not trust the certificate", async () => {
    await expect(send(`${arm.url}/__emulator/health`)).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
    });
  });
});
