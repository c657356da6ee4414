import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedCertificate } from "../../src/certificate.js";

describe("cachedCertificate", () => {
  const dir = join(mkdtempSync(join(tmpdir(), "arm-emulator-cert-")), "cache");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes a self-signed CA certificate for localhost, 127.0.0.1 and ::1, and keeps it", async () => {
    const first = await cachedCertificate(dir);
    const cert = new X509Certificate(first.cert);
    expect(cert.ca).toBe(true);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkIP("::1")).toBeDefined();
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect((await cachedCertificate(dir)).cert).toBe(first.cert);
  });

  it("replaces a corrupt cache file and one about to expire", async () => {
    const kept = JSON.parse(readFileSync(join(dir, "tls.json"), "utf8")).cert as string;
    const nearExpiry = Date.parse(new X509Certificate(kept).validTo) - 3_600_000;
    const renewed = await cachedCertificate(dir, nearExpiry);
    expect(renewed.cert).not.toBe(kept);
    writeFileSync(join(dir, "tls.json"), "{not json");
    const fresh = await cachedCertificate(dir);
    expect(new X509Certificate(fresh.cert).ca).toBe(true);
  });
});
