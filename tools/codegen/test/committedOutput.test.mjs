// The generated code in packages/mgmt-*/src/generated is exactly what the generator writes today:
// regenerated into a temp folder and compared file by file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generatePackage, readmeWithCoverage, writeGenerated } from "../src/generatePackage.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const packages = readdirSync(join(repoRoot, "packages")).filter((name) =>
  existsSync(join(repoRoot, "packages", name, "codegen.json")),
);

describe("committed generated code", () => {
  it("covers the management packages", () => {
    expect(packages).toEqual(expect.arrayContaining(["mgmt-keyvault", "mgmt-resources", "mgmt-web"]));
  });

  for (const name of packages) {
    it(`packages/${name}/src/generated is what the generator writes`, () => {
      const packageDir = join(repoRoot, "packages", name);
      const temp = mkdtempSync(join(tmpdir(), `codegen-${name}-`));
      try {
        const result = generatePackage(packageDir, repoRoot);
        writeGenerated(temp, result.files);
        const committedDir = join(packageDir, "src/generated");
        expect(readdirSync(committedDir).sort()).toEqual(readdirSync(temp).sort());
        const differing = readdirSync(temp).filter(
          (file) => readFileSync(join(temp, file), "utf8") !== readFileSync(join(committedDir, file), "utf8"),
        );
        expect(differing, "run `pnpm --filter codegen generate` and commit src/generated").toEqual([]);
        const readme = readFileSync(join(packageDir, "README.md"), "utf8");
        expect(readmeWithCoverage(readme, result.coverage), "README coverage section is stale").toBe(readme);
      } finally {
        rmSync(temp, { recursive: true, force: true });
      }
    });
  }
});
