import { constants, createHmac, type KeyObject, timingSafeEqual, verify } from "node:crypto";

/** Claims of the access tokens the emulator issues (a subset of Entra ID's v1 access token). */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  oid: string;
  sub: string;
  /** `app` for a service principal or managed identity, `user` for a signed-in user. */
  idtyp: "app" | "user";
  iat: number;
  nbf: number;
  exp: number;
  ver: "1.0";
  /** Set on managed identity tokens, as Entra ID does (`xms_mirid`). */
  xms_mirid?: string;
  /** A user's sign-in name (user tokens only). */
  upn?: string;
  /** A user's display name (user tokens only). */
  name?: string;
  /** The delegated permissions granted (user tokens only). */
  scp?: string;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

/** Signs claims as an HS256 JWT. */
export function signJwt(claims: object, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = createHmac("sha256", key).update(`${HEADER}.${payload}`).digest("base64url");
  return `${HEADER}.${payload}.${signature}`;
}

/** Checks the signature and returns the claims, or undefined for a malformed or forged token. */
export function verifyJwt(token: string, key: Buffer): TokenClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", key).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
    return typeof claims.exp === "number" && typeof claims.aud === "string" ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT split into its decoded parts, not yet verified. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Decodes a compact JWT without checking anything; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const decoded = {
      header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as unknown,
      claims: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown,
    };
    if (typeof decoded.header !== "object" || decoded.header === null) return undefined;
    if (typeof decoded.claims !== "object" || decoded.claims === null) return undefined;
    return {
      header: decoded.header as Record<string, unknown>,
      claims: decoded.claims as Record<string, unknown>,
      signingInput: `${header}.${payload}`,
      signature: Buffer.from(signature, "base64url"),
    };
  } catch {
    return undefined;
  }
}

/**
 * Verifies an RSA signature as Entra ID does for client assertions: RS256 (PKCS#1 v1.5, what
 * `@azkit/identity` and most libraries send) or PS256 (PSS, what MSAL sends with a SHA-256 thumbprint).
 */
export function verifyRsaJwt(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  const alg = jwt.header.alg;
  if (alg !== "RS256" && alg !== "PS256") return false;
  const key =
    alg === "PS256"
      ? {
          key: publicKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        }
      : publicKey;
  try {
    return verify("sha256", Buffer.from(jwt.signingInput), key, jwt.signature);
  } catch {
    return false;
  }
}
