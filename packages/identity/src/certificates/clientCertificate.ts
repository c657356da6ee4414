import { createHash, createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";

/** A certificate credential ready to sign client assertions. */
export interface ClientCertificate {
  privateKey: KeyObject;
  /** SHA-1 thumbprint of the leaf certificate, base64url (`x5t`). */
  x5t: string;
  /** SHA-256 thumbprint of the leaf certificate, base64url (`x5t#S256`). */
  x5tS256: string;
  /** The chain, leaf first, as base64 DER (`x5c`), sent when `sendCertificateChain` is set. */
  chain: string[];
}

/** Where a certificate comes from: a file (PEM or PFX) or PEM text. */
export type CertificateSource = { path: string; password?: string } | { pem: string; password?: string };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Loads a client certificate: PEM (certificates plus a private key, which may be encrypted with
 * `password`) or PKCS#12/PFX (detected by content, decrypted with `password`). The key must be RSA, as
 * Microsoft Entra ID requires for certificate credentials.
 */
export async function loadClientCertificate(
  credentialName: string,
  source: CertificateSource,
): Promise<ClientCertificate> {
  let content: Buffer;
  if ("path" in source) {
    try {
      content = await readFile(source.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "read failed";
      throw new TypeError(`${credentialName}: cannot read the certificate file ${source.path} (${code}).`, {
        cause: error,
      });
    }
  } else {
    content = Buffer.from(source.pem, "utf8");
  }
  const text = content.toString("utf8");
  if (text.includes("-----BEGIN")) return fromPem(credentialName, text, source.password);
  const { parsePkcs12 } = await import("./pkcs12.js");
  const password = source.password ?? "";
  const { privateKeyDer, privateKeyEncrypted, certificatesDer } = parsePkcs12(
    credentialName,
    content,
    password,
  );
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: privateKeyDer,
      format: "der",
      type: "pkcs8",
      ...(privateKeyEncrypted ? { passphrase: password } : {}),
    });
  } catch (error) {
    throw new TypeError(
      `${credentialName}: cannot decrypt the PFX's private key (is certificatePassword right?).`,
      {
        cause: error,
      },
    );
  }
  return build(
    credentialName,
    privateKey,
    certificatesDer.map((der) => new X509Certificate(der)),
  );
}

function fromPem(credentialName: string, text: string, password: string | undefined): ClientCertificate {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  const certificates = blocks.filter((b) => b[1] === "CERTIFICATE").map((b) => new X509Certificate(b[0]));
  const keyBlock = blocks.find((b) => b[1]!.endsWith("PRIVATE KEY"));
  if (!keyBlock) {
    throw new TypeError(
      `${credentialName}: the PEM has no private key; it needs the certificate and its private key.`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: keyBlock[0],
      format: "pem",
      ...(password ? { passphrase: password } : {}),
    });
  } catch (error) {
    throw new TypeError(
      `${credentialName}: cannot read the private key${keyBlock[1]!.includes("ENCRYPTED") || /Proc-Type: 4,ENCRYPTED/.test(keyBlock[0]) ? " (is certificatePassword right?)" : ""}.`,
      { cause: error },
    );
  }
  return build(credentialName, privateKey, certificates);
}

function build(
  credentialName: string,
  privateKey: KeyObject,
  certificates: X509Certificate[],
): ClientCertificate {
  if (privateKey.asymmetricKeyType !== "rsa") {
    throw new TypeError(
      `${credentialName}: the certificate's key is ${privateKey.asymmetricKeyType ?? "unknown"}; Microsoft Entra ID accepts RSA keys only.`,
    );
  }
  // The leaf is the certificate whose public key matches the private key (files list chains in any order).
  const leafIndex = certificates.findIndex((c) => c.checkPrivateKey(privateKey));
  if (leafIndex < 0) {
    throw new TypeError(`${credentialName}: no certificate in the file matches its private key.`);
  }
  const leaf = certificates[leafIndex]!;
  const ordered = [leaf, ...certificates.filter((_, i) => i !== leafIndex)];
  return {
    privateKey,
    x5t: createHash("sha1").update(leaf.raw).digest("base64url"),
    x5tS256: createHash("sha256").update(leaf.raw).digest("base64url"),
    chain: ordered.map((c) => c.raw.toString("base64")),
  };
}
