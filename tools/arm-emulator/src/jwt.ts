import { createHmac, timingSafeEqual } from "node:crypto";

/** Claims of the access tokens the emulator issues (a subset of Entra ID's v1 access token). */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  oid: string;
  sub: string;
  idtyp: "app";
  iat: number;
  nbf: number;
  exp: number;
  ver: "1.0";
  /** Set on managed identity tokens, as Entra ID does (`xms_mirid`). */
  xms_mirid?: string;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

/** Signs claims as an HS256 JWT. */
export function signJwt(claims: TokenClaims, key: Buffer): string {
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
