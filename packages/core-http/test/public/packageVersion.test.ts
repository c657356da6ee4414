import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readPackageVersion } from "../../src/index.js";

// A package on disk whose version the test chooses, as a release's version bump would leave it.
const root = mkdtempSync(join(tmpdir(), "azkit-package-version-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakePackage(name: string, manifest: Record<string, unknown>): string {
  const dir = join(root, name.replace("/", "__"));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, ...manifest }));
  writeFileSync(join(dir, "dist/index.js"), "");
  return pathToFileURL(join(dir, "dist/index.js")).href;
}

describe("readPackageVersion", () => {
  it("reads the version the package's own package.json has now", () => {
    const moduleUrl = fakePackage("@azkit/bumped", {
      version: "3.4.5-next.1",
      exports: { ".": "./dist/index.js", "./package.json": "./package.json" },
    });
    expect(readPackageVersion("@azkit/bumped", moduleUrl)).toBe("3.4.5-next.1");
  });

  it('answers "0.0.0" when the package.json cannot be reached (not exported, or bundled away)', () => {
    const moduleUrl = fakePackage("@azkit/closed", { version: "1.0.0", exports: { ".": "./dist/index.js" } });
    expect(readPackageVersion("@azkit/closed", moduleUrl)).toBe("0.0.0");
    expect(readPackageVersion("@azkit/not-here", pathToFileURL(join(root, "x.js")).href)).toBe("0.0.0");
  });
});
