#!/usr/bin/env node
// Vendors the upstream Azure REST API facts azkit builds and tests from into tools/specs.
//
//   node tools/specs/vendor.mjs [--source DIR]          write tools/specs from DIR
//   node tools/specs/vendor.mjs --check [--source DIR]  fail when tools/specs differs from what DIR gives
//
// DIR is an upstream spec tree laid out as the upstream repositories are (specification/... from
// Azure/azure-rest-api-specs, recordings/<owner>/<repo>/... from the SDK repositories). It defaults
// to $AZKIT_SPECS_SOURCE, else the development machines' spec tree beside the repository
// (../shared/specs). A clone without that tree has everything it needs in tools/specs already; the
// check then says it skipped. This script is the only tracked file that names a path outside the
// repository, and only as the default source of this copy (tools/build/checkNoOutsidePaths.mjs
// allows exactly this file).
//
// What is kept: the folder layout (so relative $refs resolve), every structural fact of a swagger
// file (paths, parameters, schemas, enums, required, readOnly, formats, defaults, constraints, every
// x-ms-* extension, info.title, which names the client) and example request/response bodies and
// headers, byte-for-byte as data. What is dropped: prose (description, summary, externalDocs, the
// examples' titles). Output is deterministic: source key order, two-space JSON, LF endings.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../..");
/** Folders of tools/specs written by this script (everything else there is hand-kept). */
const VENDORED_DIRS = ["specification", "recordings"];
const README = "README.md";

/** Keys whose value is a map from names to things: their own keys are names, never keywords. */
const NAME_MAPS = new Set([
  "properties",
  "definitions",
  "paths",
  "x-ms-paths",
  "responses",
  "parameters",
  "headers",
  "securityDefinitions",
  "scopes",
  "x-ms-examples",
]);
/** Prose keywords of OpenAPI 2.0 and its x-ms extensions. */
const PROSE_KEYS = new Set(["description", "summary", "externalDocs", "x-ms-summary"]);

/** Strips prose from a swagger document; `parentKey` tells whether `value`'s keys are names. */
function stripSwagger(value, parentKey) {
  if (Array.isArray(value)) return value.map((item) => stripSwagger(item, undefined));
  if (value === null || typeof value !== "object") return value;
  const namesHere = NAME_MAPS.has(parentKey);
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    // `parameters` is a name map at the document's top level but a list inside an operation.
    if (!namesHere && PROSE_KEYS.has(key)) continue;
    if (!namesHere && key === "title" && parentKey !== "info") continue;
    out[key] = stripSwagger(child, namesHere ? undefined : key);
  }
  return out;
}

/** An example keeps its request and response data untouched; only its prose title goes. */
function stripExample(example) {
  const out = {};
  for (const [key, child] of Object.entries(example)) {
    if (PROSE_KEYS.has(key) || key === "title") continue;
    out[key] = child;
  }
  return out;
}

function listJson(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return listJson(full);
      return name.endsWith(".json") ? [full] : [];
    });
}

const isExample = (rel) => rel.split(sep).includes("examples");
const isRecording = (rel) => rel.split(sep)[0] === "recordings";

/** Every vendored file as `{ rel, text }`, plus the provenance rows of the README. */
function produce(source) {
  const files = [];
  const swaggers = [];
  let exampleCount = 0;
  for (const top of VENDORED_DIRS) {
    const dir = join(source, top);
    if (!existsSync(dir)) throw new Error(`vendor: ${dir} is missing; pass --source <spec tree>`);
    for (const full of listJson(dir)) {
      const rel = relative(source, full);
      const raw = readFileSync(full, "utf8");
      let doc;
      try {
        doc = JSON.parse(raw);
      } catch (error) {
        throw new Error(`vendor: ${rel} is not JSON: ${error.message}`);
      }
      let kept;
      if (isRecording(rel)) kept = doc;
      else if (isExample(rel)) {
        kept = stripExample(doc);
        exampleCount++;
      } else {
        kept = stripSwagger(doc, undefined);
        swaggers.push({ rel, doc });
      }
      files.push({ rel, text: `${JSON.stringify(kept, null, 2)}\n` });
    }
  }
  files.push({ rel: README, text: readme(swaggers, exampleCount, files) });
  return files;
}

function countOperations(doc) {
  let count = 0;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of Object.keys(item)) if (method !== "parameters") count++;
  }
  return count;
}

function readme(swaggers, exampleCount, files) {
  const recordings = files.filter((f) => isRecording(f.rel)).map((f) => f.rel);
  const toPosix = (p) => p.split(sep).join("/");
  const rows = swaggers.map(({ rel, doc }) => {
    const version = doc.info?.version ?? "";
    return `| \`${toPosix(rel)}\` | Azure/azure-rest-api-specs | ${version} | ${countOperations(doc)} |`;
  });
  const recordingRows = recordings.map((rel) => {
    const [, owner, repo, ...rest] = toPosix(rel).split("/");
    return `| \`${toPosix(rel)}\` | ${owner}/${repo} | \`${rest.join("/")}\` |`;
  });
  return `# tools/specs (generated by vendor.mjs; do not edit)

The upstream Azure REST API facts azkit builds and tests from: the swagger (OpenAPI 2.0) files of
the services the management packages cover, their \`x-ms-examples\` files, and recorded ARM
sessions. The code generator (tools/codegen), the ARM emulator (tools/arm-emulator) and the
recording tests of core-lro read them from here and from nowhere else.

They are reduced to facts by \`vendor.mjs\`: prose (\`description\`, \`summary\`, \`externalDocs\`,
example titles) is dropped; everything structural is kept, in the upstream folder layout so that
relative \`$ref\`s resolve. Regenerate with \`node tools/specs/vendor.mjs --source <spec tree>\`;
\`pnpm test\` checks the copy against the source tree when one is present.

Source: the public GitHub repositories named below, at their upstream paths (the folders here
mirror them). Both are published under the MIT License by Microsoft Corporation.

## Swagger files (${swaggers.length}; ${exampleCount} example files beside them)

| file | repository | api-version | operations |
| --- | --- | --- | --- |
${rows.join("\n")}

## Recorded ARM sessions (${recordings.length}; Azure SDK test-proxy format)

| file | repository | path in that repository |
| --- | --- | --- |
${recordingRows.join("\n")}
`;
}

/**
 * Checks the vendored copy on its own (no source tree needed): every schema and parameter `$ref`
 * resolves to a vendored file and JSON pointer, and no prose keyword is left. Example `$ref`s that
 * upstream itself lacks are counted, not failed.
 */
function verifyVendored() {
  const problems = [];
  let refs = 0;
  const missingExamples = [];
  const docs = new Map();
  const load = (file) => {
    if (!docs.has(file))
      docs.set(file, existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);
    return docs.get(file);
  };
  const resolvePointer = (doc, pointer) =>
    pointer
      .split("/")
      .slice(1)
      .reduce(
        (node, part) => (node === undefined ? undefined : node[part.replace(/~1/g, "/").replace(/~0/g, "~")]),
        doc,
      );
  const specDir = join(here, "specification");
  for (const file of existsSync(specDir) ? listJson(specDir) : []) {
    const rel = relative(here, file);
    if (isExample(rel)) continue;
    const walk = (value, parentKey) => {
      if (Array.isArray(value)) return value.forEach((item) => walk(item, undefined));
      if (value === null || typeof value !== "object") return;
      const namesHere = NAME_MAPS.has(parentKey);
      for (const [key, child] of Object.entries(value)) {
        if (!namesHere && PROSE_KEYS.has(key)) problems.push(`${rel}: prose key '${key}' left`);
        if (key === "$ref" && typeof child === "string") {
          const [target, pointer = ""] = child.split("#");
          const targetFile = target ? resolve(dirname(file), target) : file;
          if (
            parentKey === "x-ms-example" ||
            target.includes("/examples/") ||
            target.startsWith("./examples/")
          ) {
            if (!existsSync(targetFile)) missingExamples.push(`${rel} -> ${target}`);
            continue;
          }
          refs++;
          const doc = load(targetFile);
          if (doc === undefined) problems.push(`${rel}: $ref ${child} names a file that is not vendored`);
          else if (pointer && resolvePointer(doc, pointer) === undefined)
            problems.push(`${rel}: $ref ${child} does not resolve`);
        }
        walk(child, namesHere ? undefined : key);
      }
    };
    walk(load(file), undefined);
  }
  return { problems, refs, missingExamples };
}

function parseArgs(argv) {
  const args = { check: false, source: process.env.AZKIT_SPECS_SOURCE };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--check") args.check = true;
    else if (argv[i] === "--source") args.source = argv[++i];
    else throw new Error(`vendor: unknown argument ${argv[i]} (use --check and --source DIR)`);
  }
  args.source = resolve(args.source ?? join(repoRoot, "../shared/specs"));
  return args;
}

function currentFiles() {
  const files = VENDORED_DIRS.flatMap((top) => {
    const dir = join(here, top);
    return existsSync(dir) ? listJson(dir).map((full) => relative(here, full)) : [];
  });
  if (existsSync(join(here, README))) files.push(README);
  return files;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.check) {
    const { problems, refs, missingExamples } = verifyVendored();
    if (problems.length) {
      console.error(`tools/specs is not self-consistent (${problems.length} problems):`);
      for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
      process.exit(1);
    }
    console.log(
      `specs check: ${refs} $refs resolve inside tools/specs; ${missingExamples.length} example files referenced upstream are absent upstream too`,
    );
  }
  if (!existsSync(args.source)) {
    if (args.check) {
      console.log(`specs check skipped: no upstream spec tree at ${args.source} (set AZKIT_SPECS_SOURCE)`);
      return;
    }
    throw new Error(`vendor: no spec tree at ${args.source}; pass --source DIR`);
  }
  const produced = produce(args.source);
  if (args.check) {
    const expected = new Map(produced.map((f) => [f.rel, f.text]));
    const problems = [];
    for (const rel of currentFiles()) {
      if (!expected.has(rel)) problems.push(`extra: tools/specs/${rel}`);
      else if (readFileSync(join(here, rel), "utf8") !== expected.get(rel))
        problems.push(`differs: tools/specs/${rel}`);
      expected.delete(rel);
    }
    for (const rel of expected.keys()) problems.push(`missing: tools/specs/${rel}`);
    if (problems.length) {
      console.error(`tools/specs drifted from ${args.source} (${problems.length} files):`);
      for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
      console.error("Run: node tools/specs/vendor.mjs --source <spec tree>, and commit tools/specs.");
      process.exit(1);
    }
    console.log(`specs check: tools/specs matches ${produced.length} files produced from the spec tree`);
    return;
  }
  for (const top of VENDORED_DIRS) rmSync(join(here, top), { recursive: true, force: true });
  for (const { rel, text } of produced) {
    mkdirSync(dirname(join(here, rel)), { recursive: true });
    writeFileSync(join(here, rel), text);
  }
  console.log(`vendored ${produced.length} files into tools/specs`);
}

main();
