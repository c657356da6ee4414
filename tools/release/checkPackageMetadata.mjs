// Lints what users download, the packed tarball, not the source folder: publint (exports, files,
// formats), Are the Types Wrong? (types for both `import` and `require` under Node 16+ resolution;
// node10 is out of scope, engines say Node >= 20), and the fields a registry page and a user's
// tooling read, which neither linter insists on.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const attwBin = join(import.meta.dirname, "node_modules/.bin/attw");

/** The manifest rules of this repository (DESIGN.md §1 and §5), read from the packed package.json. */
export function manifestProblems(pkg, packedFiles) {
  const problems = [];
  const folder = pkg.name.replace(/^@azkit\//, "");
  if (pkg.license !== "MIT") problems.push(`license is ${JSON.stringify(pkg.license)}, expected "MIT"`);
  if (!packedFiles.includes("LICENSE")) problems.push("the tarball has no LICENSE file");
  if (!packedFiles.includes("README.md")) problems.push("the tarball has no README.md");
  if (!pkg.repository?.url || pkg.repository?.directory !== `packages/${folder}`)
    problems.push(`repository must name the repo url and directory "packages/${folder}"`);
  if (pkg.engines?.node !== ">=20")
    problems.push(`engines.node is ${JSON.stringify(pkg.engines?.node)}, expected ">=20"`);
  if (pkg.sideEffects !== false) problems.push("sideEffects must be false (DESIGN.md §1)");
  if (pkg.type !== "module") problems.push('type must be "module"');
  if (!Array.isArray(pkg.files)) problems.push("files must list what is published");
  if (pkg.devDependencies) problems.push("devDependencies must not be published (.pnpmfile.cjs drops them)");
  if (pkg.scripts) problems.push("scripts must not be published (.pnpmfile.cjs drops them)");
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (String(range).startsWith("workspace:")) problems.push(`${field}.${dep} is still ${range}`);
    }
  }
  // "." always; "./sync" and any other entry where the package has one (core-arm, the runtime of
  // generated clients, has no blocking surface of its own: the mgmt-* "./sync" entries are it).
  const entries = Object.entries(pkg.exports ?? {}).filter(
    ([, target]) => target && typeof target === "object",
  );
  if (!entries.some(([subpath]) => subpath === ".")) problems.push('exports has no "." entry');
  for (const [subpath, target] of entries) {
    if (!target.import?.types || !target.require?.types)
      problems.push(`exports["${subpath}"] needs import and require conditions, each with its own types`);
  }
  return problems;
}

function tarballFiles(tarball) {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
}

/** @returns {Promise<string[]>} every problem found in the tarball, each prefixed by its tool. */
export async function checkPackageMetadata(tarball) {
  const files = tarballFiles(tarball);
  const pkg = JSON.parse(
    execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
  );
  const problems = manifestProblems(pkg, files).map((p) => `manifest: ${p}`);

  const data = readFileSync(tarball);
  const tarballBuffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages } = await publint({ pack: { tarball: tarballBuffer }, level: "suggestion", strict: true });
  for (const message of messages) problems.push(`publint: ${formatMessage(message, pkg) ?? message.code}`);

  try {
    await promisify(execFile)(
      attwBin,
      [tarball, "--profile", "node16", "--format", "ascii", "--no-color", "--no-emoji"],
      {
        encoding: "utf8",
      },
    );
  } catch (error) {
    problems.push(`attw: ${String(error.stdout || error.stderr || error.message).trim()}`);
  }
  return problems;
}
