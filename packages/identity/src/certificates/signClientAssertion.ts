import { randomUUID, sign } from "node:crypto";
import type { ClientCertificate } from "./clientCertificate.js";

/** A client assertion lives ten minutes, as MSAL's do. */
const LIFETIME_SECONDS = 600;

/**
 * Signs the client assertion Microsoft Entra ID accepts in place of a secret (RFC 7523): an RS256 JWT
 * with the certificate's `x5t` and `x5t#S256` thumbprints (and `x5c` chain when asked for, for subject
 * name/issuer authentication), `aud` = the token endpoint, `iss` = `sub` = the client id, a unique `jti`.
 */
export function signClientAssertion(
  certificate: ClientCertificate,
  clientId: string,
  tokenUrl: string,
  sendCertificateChain: boolean,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = {
    alg: "RS256",
    typ: "JWT",
    x5t: certificate.x5t,
    "x5t#S256": certificate.x5tS256,
    ...(sendCertificateChain ? { x5c: certificate.chain } : {}),
  };
  const claims = {
    aud: tokenUrl,
    iss: clientId,
    sub: clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + LIFETIME_SECONDS,
  };
  const input = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign("sha256", Buffer.from(input), certificate.privateKey).toString("base64url");
  return `${input}.${signature}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
