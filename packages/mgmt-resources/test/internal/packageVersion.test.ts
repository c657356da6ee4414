import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "../../src/packageVersion.js";

describe("PACKAGE_VERSION", () => {
  it("is the version package.json has now, so the User-Agent tells the truth after a release bump", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(PACKAGE_VERSION).toBe(pkg.version);
    expect(PACKAGE_VERSION).not.toBe("0.0.0");
  });
});
