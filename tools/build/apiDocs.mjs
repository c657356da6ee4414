#!/usr/bin/env node
// The API reference pages in docs/api/: @microsoft/api-documenter markdown over the doc models that
// every package's build writes for its main entry (dist/api/*.api.json; the "./sync" entry has the
// same names, its exact signatures are in review/*-sync.api.md). `update` rewrites docs/api/;
// `check` (run by `pnpm test`) fails when the committed pages differ from what the models give.
// Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { publicPackages } from "./publicPackages.mjs";

const repoRoot = resolve(import.meta.dirname, "../..");
const docsDir = join(repoRoot, "docs/api");
const documenter = join(repoRoot, "node_modules/.bin/api-documenter");

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), base) : [relative(base, join(dir, entry.name))],
  );
}

/** Generates the pages into a new temporary folder and returns it. */
export function generateApiDocs() {
  const work = mkdtempSync(join(tmpdir(), "azkit-api-docs-"));
  const input = join(work, "models");
  const output = join(work, "api");
  mkdirSync(input);
  const packages = publicPackages();
  for (const { dir, name } of packages) {
    const models = join(dir, "dist/api");
    const files = existsSync(models) ? readdirSync(models).filter((f) => f.endsWith(".api.json")) : [];
    if (files.length === 0) {
      throw new Error(`${name} has no doc model in ${relative(repoRoot, models)}: run 'pnpm build' first.`);
    }
    for (const file of files) cpSync(join(models, file), join(input, file));
  }
  execFileSync(documenter, ["markdown", "--input-folder", input, "--output-folder", output], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { work, output };
}

/** @returns {string[]} the pages that differ, are missing, or are left over. */
export function apiDocsDrift(generated, committed = docsDir) {
  const want = new Set(listFiles(generated));
  const have = new Set(listFiles(committed));
  const drift = [];
  for (const file of want) {
    if (!have.has(file)) drift.push(`missing: docs/api/${file}`);
    else if (readFileSync(join(generated, file), "utf8") !== readFileSync(join(committed, file), "utf8"))
      drift.push(`differs: docs/api/${file}`);
  }
  for (const file of have) if (!want.has(file)) drift.push(`left over: docs/api/${file}`);
  return drift;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const mode = process.argv[2];
  if (mode !== "check" && mode !== "update") {
    console.error("usage: apiDocs.mjs check|update");
    process.exit(2);
  }
  const { work, output } = generateApiDocs();
  try {
    if (mode === "update") {
      rmSync(docsDir, { recursive: true, force: true });
      cpSync(output, docsDir, { recursive: true });
      console.log(`api docs: wrote ${listFiles(docsDir).length} pages to docs/api/`);
    } else {
      const drift = apiDocsDrift(output);
      if (drift.length > 0) {
        console.error(
          `docs/api/ is out of date with the packages' public API (${drift.length} pages):\n  ${drift.slice(0, 10).join("\n  ")}` +
            `${drift.length > 10 ? "\n  ..." : ""}\nRun 'pnpm api:update' (reports and pages) or 'pnpm api:docs' (pages only) and commit docs/api/.`,
        );
        process.exit(1);
      }
      console.log(`api docs: docs/api/ matches the public API (${listFiles(output).length} pages)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
