import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthenticationError, ClientCertificateCredential, EnvironmentCredential } from "../../src/index.js";
import { type EmulatorFixture, startEmulatorFixture } from "../helpers/emulatorFixture.js";
import { startLoopbackTokenServer } from "../helpers/loopbackTokenServer.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/certificates/${name}`, import.meta.url));
const scope = "https://management.azure.com/.default";
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

let env: EmulatorFixture;
beforeAll(async () => {
  env = await startEmulatorFixture();
  env.arm.directory.registerCertificate(env.arm.clientId, await readFile(fixture("cert.pem"), "utf8"));
});
afterAll(() => env?.close());

describe("ClientCertificateCredential against the emulator", () => {
  const options = () => ({ authorityHost: env.arm.authorityHost, httpClient: env.httpClient });

  it("authenticates with a PEM file (certificate + key) and its token works for a management call", async () => {
    const credential = new ClientCertificateCredential(
      env.arm.tenantId,
      env.arm.clientId,
      fixture("client.pem"),
      options(),
    );
    expect(await env.createAndListGroups(credential, "cert-pem")).toContain("cert-pem");
    await credential.close();
  });

  it("reads PEM text with an encrypted key, and PFX files (AES and 3DES) with their password", async () => {
    const pemText = await readFile(fixture("client-encrypted.pem"), "utf8");
    const credentials = [
      new ClientCertificateCredential(
        env.arm.tenantId,
        env.arm.clientId,
        { certificate: pemText, certificatePassword: "pem-password" },
        options(),
      ),
      new ClientCertificateCredential(
        env.arm.tenantId,
        env.arm.clientId,
        { certificatePath: fixture("client-aes.pfx"), certificatePassword: "pfx-password" },
        options(),
      ),
      new ClientCertificateCredential(
        env.arm.tenantId,
        env.arm.clientId,
        { certificatePath: fixture("client-3des.pfx"), certificatePassword: "pfx-password" },
        options(),
      ),
    ];
    for (const credential of credentials) {
      expect((await credential.getToken(scope)).token.split(".")).toHaveLength(3);
      await credential.close();
    }
  });

  it("says the password is wrong without repeating it", async () => {
    for (const path of [fixture("client-aes.pfx"), fixture("client-3des.pfx")]) {
      const credential = new ClientCertificateCredential(
        env.arm.tenantId,
        env.arm.clientId,
        { certificatePath: path, certificatePassword: "guess-1234" },
        options(),
      );
      const error = (await credential.getToken(scope).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(
        /ClientCertificateCredential: cannot read the PFX certificate: the password is wrong.*certificatePassword/,
      );
      expect(error.message).not.toContain("guess-1234");
    }
  });

  it("refuses an RC2-encrypted PFX (OpenSSL 1.x's default) with the command that re-exports it", async () => {
    const credential = new ClientCertificateCredential(
      env.arm.tenantId,
      env.arm.clientId,
      { certificatePath: fixture("client-rc2-legacy.pfx"), certificatePassword: "pfx-password" },
      options(),
    );
    await expect(credential.getToken(scope)).rejects.toThrow(
      /encrypts its certificates with RC2.*openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC/,
    );
  });

  it("is refused by the emulator (AADSTS700027) when the certificate is not registered on the app", async () => {
    const credential = new ClientCertificateCredential(
      env.arm.tenantId,
      env.arm.clientId,
      fixture("unregistered.pem"),
      options(),
    );
    const error = (await credential.getToken(scope).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.errorResponse).toMatchObject({ error: "invalid_client", errorCodes: [700027] });
    expect(error.message).not.toMatch(/eyJ/); // the signed assertion is never quoted
  });

  it("sends an RS256 assertion with x5t, x5t#S256, the token endpoint as audience, and x5c when asked", async () => {
    const server = await startLoopbackTokenServer();
    try {
      const credential = new ClientCertificateCredential("tenant-1", "client-1", fixture("client.pem"), {
        authorityHost: server.url,
        sendCertificateChain: true,
      });
      await credential.getToken(scope);
      const form = server.requests[0]!.form;
      expect(form.client_assertion_type).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      const [header, claims] = form.client_assertion!.split(".").map((p, i) => (i < 2 ? decode(p) : p));
      expect(header).toMatchObject({
        alg: "RS256",
        typ: "JWT",
        x5t: expect.any(String),
        "x5t#S256": expect.any(String),
      });
      expect(header.x5c).toHaveLength(1);
      expect(claims).toMatchObject({
        aud: `${server.url}/tenant-1/oauth2/v2.0/token`,
        iss: "client-1",
        sub: "client-1",
      });
      expect(claims.exp - claims.nbf).toBe(600);
      await credential.close();
    } finally {
      await server.close();
    }
  });

  it("EnvironmentCredential uses AZURE_CLIENT_CERTIFICATE_PATH when no secret is set", async () => {
    for (const [name, value] of Object.entries({
      AZURE_TENANT_ID: env.arm.tenantId,
      AZURE_CLIENT_ID: env.arm.clientId,
      AZURE_CLIENT_SECRET: "",
      AZURE_CLIENT_CERTIFICATE_PATH: fixture("client-aes.pfx"),
      AZURE_CLIENT_CERTIFICATE_PASSWORD: "pfx-password",
    })) {
      vi.stubEnv(name, value);
    }
    try {
      const credential = new EnvironmentCredential(options());
      expect(await env.createAndListGroups(credential, "cert-env")).toContain("cert-env");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses a certificate argument of the wrong shape at construction", () => {
    expect(() => new ClientCertificateCredential("t", "c", {} as never)).toThrow(
      /give the certificate as a file path/,
    );
  });
});
