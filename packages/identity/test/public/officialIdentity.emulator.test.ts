import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { AccessToken, TokenCredential } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorFixture, startEmulatorFixture } from "../helpers/emulatorFixture.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
let env: EmulatorFixture;
beforeAll(async () => {
  env = await startEmulatorFixture();
  env.arm.directory.registerCertificate(
    env.arm.clientId,
    await readFile(fixture("certificates/cert.pem"), "utf8"),
  );
});
afterAll(() => env?.close());

/** A credential that hands out a token obtained elsewhere. */
const fixed = (token: string): TokenCredential => ({
  getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + 600_000 }),
});

describe("the official @azure/identity 4.13.1 against the arm-emulator, set up as its README says", () => {
  it("gets tokens with a secret, a certificate (MSAL's own client assertion) and a password, and ARM accepts them", async () => {
    const settings = {
      authorityHost: env.arm.authorityHost,
      tenantId: env.arm.tenantId,
      clientId: env.arm.clientId,
      clientSecret: env.arm.clientSecret,
      certificatePath: fixture("certificates/client.pem"),
      username: env.arm.directory.user.username,
      password: env.arm.directory.user.password,
    };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fixture("officialIdentityClient.mjs"), JSON.stringify(settings)],
      {
        cwd: fileURLToPath(new URL("../..", import.meta.url)),
        env: { ...process.env, NODE_EXTRA_CA_CERTS: env.caFile },
      },
    );
    const answer = JSON.parse(stdout) as { tokens?: string[]; error?: string };
    expect(answer.error).toBeUndefined();
    for (const [i, token] of answer.tokens!.entries()) {
      expect(await env.createAndListGroups(fixed(token), `official-${i}`)).toContain(`official-${i}`);
    }
  }, 30_000);
});
