import { describe, expect, it } from "vitest";
import { createSanitizer, REDACTED, sanitizeHeaders, sanitizeText, sanitizeUrl } from "../../src/index.js";

const ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const CLIENT_SECRET = "s3cr3t~client.secret_value";
const SIG = "sZ8e%2FX4%3D";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

describe("sanitizeHeaders", () => {
  it("redacts Authorization, x-ms-copy-source-authorization and unknown headers; keeps allowed ones", () => {
    const out = sanitizeHeaders({
      Authorization: `Bearer ${TOKEN}`,
      "x-ms-copy-source-authorization": `Bearer ${TOKEN}`,
      "x-my-secret": "hunter2",
      "Content-Type": "application/json",
      "x-ms-client-request-id": "abc",
    });
    expect(out).toEqual({
      Authorization: REDACTED,
      "x-ms-copy-source-authorization": REDACTED,
      "x-my-secret": REDACTED,
      "Content-Type": "application/json",
      "x-ms-client-request-id": "abc",
    });
  });

  it("keeps URL-valued headers but sanitizes their URLs", () => {
    const out = sanitizeHeaders([
      ["Location", `https://a.blob.core.windows.net/c/b?sv=2025-11-05&sig=${SIG}`],
    ]);
    expect(out.Location).toBe(`https://a.blob.core.windows.net/c/b?sv=2025-11-05&sig=${REDACTED}`);
  });

  it("accepts extra allowed names", () => {
    const sanitizer = createSanitizer({ additionalAllowedHeaderNames: ["X-Trace"] });
    expect(sanitizer.sanitizeHeaders({ "x-trace": "t1" })).toEqual({ "x-trace": "t1" });
  });
});

describe("sanitizeUrl", () => {
  it("redacts sig and any query parameter not on the allow-list, and user:password", () => {
    const out = sanitizeUrl(
      `https://user:pa55@acct.blob.core.windows.net/c?restype=container&sig=${SIG}&code=xyz`,
    );
    expect(out).not.toContain("pa55");
    expect(out).not.toContain(SIG);
    expect(out).not.toContain("xyz");
    expect(out).toContain("restype=container");
  });

  it("keeps the api-version of ARM URLs", () => {
    expect(sanitizeUrl("https://management.azure.com/subscriptions/s?api-version=2025-04-01")).toBe(
      "https://management.azure.com/subscriptions/s?api-version=2025-04-01",
    );
  });
});

describe("sanitizeText", () => {
  it("removes bearer tokens, Shared Key signatures, SAS signatures, account keys and client secrets", () => {
    const text = [
      `Authorization: Bearer ${TOKEN}`,
      `SharedKey devstoreaccount1:${ACCOUNT_KEY}`,
      `https://a/c?sv=1&sig=${SIG}`,
      `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`,
      `grant_type=client_credentials&client_secret=${CLIENT_SECRET}&scope=x`,
      JSON.stringify({ clientSecret: CLIENT_SECRET, access_token: TOKEN, name: "kept" }),
    ].join("\n");
    const out = sanitizeText(text);
    for (const secret of [TOKEN, ACCOUNT_KEY, SIG, CLIENT_SECRET]) expect(out).not.toContain(secret);
    expect(out).toContain('"name":"kept"');
    expect(out).toContain("AccountName=a");
  });
});
