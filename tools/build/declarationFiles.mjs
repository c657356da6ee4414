// The declaration files a package ships, from api-extractor's one rollup per entry (dist/<entry>.d.ts).
//
// `require` users need a .d.cts: in a "type": "module" package a .d.ts is read as ESM, and types
// that claim a package is ESM-only to CJS users are what publint and attw call "masquerading as
// ESM". `import` users need a .d.ts. Both used to carry the full rollup (a copy), so every type was
// shipped twice, and the ./sync entry repeated every type of the main one (0.7 MB each for
// @azkit/mgmt-web, 2.9 MB of its 4 MB package). Now:
// - dist/<entry>.d.cts holds the declarations; a second entry imports what it shares with the main
//   entry from ./index.cjs (shareDeclarations.mjs) instead of repeating it;
// - dist/<entry>.d.ts is one line, `export * from "./<entry>.cjs"`: ESM may import CommonJS, and
//   TypeScript (node16/nodenext/bundler resolution) gives an ESM importer the same named exports. The
//   ESM and CJS entries thus describe one set of declarations, which is what they are: the same API.
// Then the files are type-checked as a user's compiler reads them, so a broken rewrite fails the build.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { shareDeclarations } from "./shareDeclarations.mjs";

export function writeDeclarationFiles(packageDir, entries) {
  const dist = (file) => resolve(packageDir, "dist", file);
  const mainText = readFileSync(dist("index.d.ts"), "utf8");
  const written = [];
  for (const entry of entries) {
    const rollup = entry.name === "index" ? mainText : readFileSync(dist(`${entry.name}.d.ts`), "utf8");
    const text =
      entry.name === "index"
        ? rollup
        : shareDeclarations({ mainText, entryText: rollup, mainSpecifier: "./index.cjs" }).text;
    writeFileSync(dist(`${entry.name}.d.cts`), text);
    writeFileSync(
      dist(`${entry.name}.d.ts`),
      `// The declarations are in ${entry.name}.d.cts, for import and require alike (tools/build/declarationFiles.mjs).\nexport * from "./${entry.name}.cjs";\n`,
    );
    written.push(dist(`${entry.name}.d.ts`), dist(`${entry.name}.d.cts`));
  }
  checkDeclarations(packageDir, written);
}

/**
 * Type-checks the files this script wrote (all but index.d.cts, api-extractor's rollup as it is)
 * under Node 16+ resolution, as a user's compiler reads them; throws on any error. About 1.5 s for
 * the largest package (@azkit/mgmt-web); checking index.d.cts too would add 3 s and test nothing new.
 */
function checkDeclarations(packageDir, files) {
  const rewritten = files.filter((file) => !file.endsWith("index.d.cts"));
  const program = ts.createProgram(rewritten, {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: ["node"],
  });
  const problems = rewritten.flatMap((file) => {
    const source = program.getSourceFile(file);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  });
  if (problems.length > 0) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => packageDir,
      getNewLine: () => "\n",
    };
    throw new Error(
      `the declaration files in dist/ do not type-check (tools/build/declarationFiles.mjs):\n${ts.formatDiagnostics(problems.slice(0, 20), host)}`,
    );
  }
}
