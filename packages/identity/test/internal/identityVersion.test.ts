import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IDENTITY_PACKAGE, IDENTITY_VERSION } from "../../src/identityVersion.js";

describe("identityVersion", () => {
  it("matches package.json, so the User-Agent tells the truth", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect([IDENTITY_PACKAGE, IDENTITY_VERSION]).toEqual([pkg.name, pkg.version]);
  });
});
