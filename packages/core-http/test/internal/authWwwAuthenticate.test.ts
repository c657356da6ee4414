import { describe, expect, it } from "vitest";
import { claimsFromChallenge, parseWwwAuthenticate } from "../../src/auth/wwwAuthenticate.js";

describe("parseWwwAuthenticate", () => {
  it("splits several challenges and reads quoted and bare parameters", () => {
    expect(
      parseWwwAuthenticate('Basic realm="x", Bearer authorization_uri="https://a/b", error=invalid_token'),
    ).toEqual([
      { scheme: "Basic", params: { realm: "x" } },
      { scheme: "Bearer", params: { authorization_uri: "https://a/b", error: "invalid_token" } },
    ]);
  });

  it("reads a bare scheme and escaped quotes", () => {
    expect(parseWwwAuthenticate('Negotiate, Bearer realm="a \\"b\\""')).toEqual([
      { scheme: "Negotiate", params: {} },
      { scheme: "Bearer", params: { realm: 'a "b"' } },
    ]);
  });
});

describe("claimsFromChallenge", () => {
  const claims = '{"access_token":{"xms_cc":{"values":["cp1"]}}}';
  const encoded = Buffer.from(claims).toString("base64");

  it("decodes the claims of an insufficient_claims challenge", () => {
    expect(claimsFromChallenge(`Bearer realm="", error="insufficient_claims", claims="${encoded}"`)).toBe(
      claims,
    );
  });

  it("ignores other errors, other schemes and claims that are not JSON", () => {
    expect(claimsFromChallenge(`Bearer error="invalid_token", claims="${encoded}"`)).toBeUndefined();
    expect(claimsFromChallenge(`PoP error="insufficient_claims", claims="${encoded}"`)).toBeUndefined();
    expect(claimsFromChallenge('Bearer error="insufficient_claims", claims="bm90IGpzb24="')).toBeUndefined();
    expect(claimsFromChallenge(undefined)).toBeUndefined();
  });
});
