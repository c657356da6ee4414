import { X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PEM key and certificate for the HTTPS listener. */
export interface TlsMaterial {
  key: string;
  cert: string;
}

const DAY_IN_MS = 86_400_000;

/**
 * Generates a self-signed certificate for localhost/127.0.0.1/::1 (EC P-256, valid a year). It is
 * its own CA (basicConstraints cA), so clients trust it with `ca` or NODE_EXTRA_CA_CERTS.
 * `selfsigned` is imported only here: its X.509 stack is the slowest part of an HTTPS start.
 */
export async function createCertificate(): Promise<TlsMaterial> {
  const { generate } = await import("selfsigned");
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "arm-emulator localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 3_600_000),
    notAfterDate: new Date(now.getTime() + 365 * DAY_IN_MS),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function usable(material: TlsMaterial, now: number): boolean {
  try {
    const cert = new X509Certificate(material.cert);
    return (
      Date.parse(cert.validTo) > now + DAY_IN_MS &&
      Date.parse(cert.validFrom) <= now &&
      cert.checkHost("localhost") !== undefined &&
      cert.checkIP("127.0.0.1") !== undefined &&
      typeof material.key === "string" &&
      material.key.includes("PRIVATE KEY")
    );
  } catch {
    return false;
  }
}

/**
 * The certificate kept in `dir` (a private, per-user folder), or a new one written there: generating
 * costs 100-800 ms depending on machine load, reading costs a millisecond, so every start after the
 * first on a machine is fast. A cert that expires within a day, or an unreadable file, is replaced.
 */
export async function cachedCertificate(dir: string, now = Date.now()): Promise<TlsMaterial> {
  const file = join(dir, "tls.json");
  try {
    const material = JSON.parse(readFileSync(file, "utf8")) as TlsMaterial;
    if (usable(material, now)) return material;
  } catch {
    // missing or unreadable: make a new one below
  }
  const material = await createCertificate();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const owner = statSync(dir).uid;
  // Never trust (or write a key into) a folder someone else owns.
  if (typeof process.getuid === "function" && owner !== process.getuid()) return material;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(material), { mode: 0o600 });
  renameSync(temporary, file);
  return material;
}

let memo: Promise<TlsMaterial> | undefined;

/** The loopback certificate: made (or read from the per-user cache) once per process. */
export function loopbackCertificate(): Promise<TlsMaterial> {
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  memo ??= cachedCertificate(join(tmpdir(), `arm-emulator-${uid}`)).catch(() => createCertificate());
  return memo;
}
