// One package's generation: read its codegen.json, build the model, emit the files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildModel } from "./buildModel.mjs";
import { emitClient, operationCalls } from "./emitClient.mjs";

/**
 * @param {string} packageDir
 * @param {string} repoRoot
 */
export function generatePackage(packageDir, repoRoot) {
  const config = JSON.parse(readFileSync(join(packageDir, "codegen.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const model = buildModel({
    specs: config.specs.map((s) => resolve(repoRoot, s)),
    repoRoot,
    clientName: config.clientName,
    operationNames: config.operationNames,
  });
  const files = emitClient(model, { ...config, packageName: pkg.name });
  return {
    packageName: pkg.name,
    files,
    operationCount: model.operations.length,
    warnings: model.warnings,
    model,
  };
}

/** The calls of every generated operation of a package (see operationCalls). */
export function packageOperationCalls(packageDir, repoRoot) {
  const config = JSON.parse(readFileSync(join(packageDir, "codegen.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const model = buildModel({
    specs: config.specs.map((s) => resolve(repoRoot, s)),
    repoRoot,
    clientName: config.clientName,
    operationNames: config.operationNames,
  });
  return operationCalls(model, { ...config, packageName: pkg.name });
}

/** Replaces the folder's files with `files`. */
export function writeGenerated(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
}

/** The names of files that differ between `dir` and `files` (missing, extra or changed). */
export function checkGenerated(dir, files) {
  const diff = [];
  let existing = [];
  try {
    existing = readdirSync(dir);
  } catch {
    return ["(folder missing)"];
  }
  for (const name of existing) if (!files.has(name)) diff.push(`${name} (not generated)`);
  for (const [name, content] of files) {
    let current;
    try {
      current = readFileSync(join(dir, name), "utf8");
    } catch {
      diff.push(`${name} (missing)`);
      continue;
    }
    if (current !== content) diff.push(name);
  }
  return diff;
}
