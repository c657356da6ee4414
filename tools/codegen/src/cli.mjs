#!/usr/bin/env node
// Generates (or, with --check, verifies) packages/mgmt-*/src/generated from each package's codegen.json.
//   node tools/codegen/src/cli.mjs --all [--check]
//   node tools/codegen/src/cli.mjs packages/mgmt-resources [--out <dir>]
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkGenerated, generatePackage, readmeWithCoverage, writeGenerated } from "./generatePackage.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : undefined;
const packageDirs = args.includes("--all")
  ? readdirSync(join(repoRoot, "packages"))
      .map((name) => join(repoRoot, "packages", name))
      .filter((dir) => existsSync(join(dir, "codegen.json")))
  : args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out").map((a) => resolve(a));

let failed = false;
for (const dir of packageDirs) {
  const result = generatePackage(dir, repoRoot);
  const readmePath = join(dir, "README.md");
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : undefined;
  const expectedReadme = readme === undefined ? undefined : readmeWithCoverage(readme, result.coverage);
  if (check) {
    const diff = checkGenerated(join(dir, "src/generated"), result.files);
    if (expectedReadme !== readme) diff.push("README.md coverage section");
    if (diff.length > 0) {
      failed = true;
      console.error(
        `${result.packageName}: src/generated differs from the generator's output: ${diff.join(", ")}`,
      );
    } else
      console.log(`${result.packageName}: src/generated is up to date (${result.operationCount} operations)`);
  } else {
    writeGenerated(out ?? join(dir, "src/generated"), result.files);
    if (expectedReadme !== undefined && out === undefined) writeFileSync(readmePath, expectedReadme);
    console.log(`${result.packageName}: ${result.operationCount} operations, ${result.files.size} files`);
  }
  for (const w of result.warnings) console.warn(`  warning: ${w}`);
}
if (failed) {
  console.error("Run `pnpm --filter codegen generate` and commit src/generated.");
  process.exit(1);
}
