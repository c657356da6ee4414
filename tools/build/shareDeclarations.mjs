// A second entry's rolled-up .d.ts (./sync) repeats every declaration it shares with the main
// entry: api-extractor bundles each entry on its own, and `export type * from "./index.js"` pulls in
// every model. For @azkit/mgmt-web that was 0.7 MB of types written twice. This rewrites the second
// rollup so that each declaration identical to one the main rollup exports is imported from it.
//
// A declaration is shared only when its text (TSDoc included) is the same in both rollups AND every
// top-level name it mentions means the same in both: either a shared declaration itself, or the same
// import from the same module. That makes the shared set a fixed point, so a name api-extractor
// renamed differently in the two rollups (`Object_2`) can never be mistaken for the other's.
import ts from "typescript";

/** The names a top-level statement declares, or undefined for statements that declare nothing. */
function declaredNames(statement) {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((d) =>
      ts.isIdentifier(d.name) ? d.name.text : undefined,
    );
  }
  if (
    (ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    return [statement.name.text];
  }
  return undefined;
}

function hasExportModifier(statement) {
  return (statement.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Every identifier written inside a node (a superset of the names it refers to: safe for our use). */
function identifiersIn(node, into = new Set()) {
  if (ts.isIdentifier(node)) into.add(node.text);
  // (forEachChild stops at the first child whose callback returns a truthy value: return nothing.)
  node.forEachChild((child) => {
    identifiersIn(child, into);
  });
  return into;
}

/** Reads a rollup: its declarations by name, its import bindings, and what it exports under which name. */
function readRollup(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declarations = new Map(); // name -> statements
  const imports = new Map(); // local name -> "module\0imported name"
  const exportedAs = new Map(); // local name -> exported name
  for (const statement of source.statements) {
    const names = declaredNames(statement);
    if (names) {
      // A statement declaring several names (or a destructuring) is kept as it is.
      const name = names.length === 1 ? names[0] : undefined;
      if (name === undefined) continue;
      if (!declarations.has(name)) declarations.set(name, []);
      declarations.get(name).push(statement);
      if (hasExportModifier(statement)) exportedAs.set(name, name);
    } else if (ts.isImportDeclaration(statement)) {
      const module = statement.moduleSpecifier.text;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          imports.set(element.name.text, `${module}\0${(element.propertyName ?? element.name).text}`);
        }
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          exportedAs.set((element.propertyName ?? element.name).text, element.name.text);
        }
      }
    }
  }
  const textOf = (name) =>
    declarations
      .get(name)
      .map((s) => s.getFullText(source).trim())
      .join("\n");
  return { source, declarations, imports, exportedAs, textOf };
}

/**
 * Rewrites `entryText` (the rollup of a second entry) to import from `mainSpecifier` every
 * declaration it shares with `mainText` (the main entry's rollup).
 * @returns {{ text: string, shared: number, kept: number }}
 */
export function shareDeclarations({ mainText, entryText, mainSpecifier }) {
  const main = readRollup("main.d.ts", mainText);
  const entry = readRollup("entry.d.ts", entryText);

  const shared = new Set();
  for (const name of entry.declarations.keys()) {
    if (
      main.declarations.has(name) &&
      main.exportedAs.has(name) &&
      main.textOf(name) === entry.textOf(name)
    ) {
      shared.add(name);
    }
  }
  const sameImport = (name) => entry.imports.has(name) && entry.imports.get(name) === main.imports.get(name);
  const isTopLevel = (rollup, name) => rollup.declarations.has(name) || rollup.imports.has(name);
  const mentions = new Map(
    [...shared].map((name) => [
      name,
      entry.declarations.get(name).reduce((set, statement) => identifiersIn(statement, set), new Set()),
    ]),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of shared) {
      for (const mentioned of mentions.get(name)) {
        if (mentioned === name || shared.has(mentioned)) continue;
        const topLevel = isTopLevel(entry, mentioned) || isTopLevel(main, mentioned);
        if (topLevel && !sameImport(mentioned)) {
          shared.delete(name);
          changed = true;
          break;
        }
      }
    }
  }
  if (shared.size === 0) return { text: entryText, shared: 0, kept: entry.declarations.size };

  // A statement goes with its leading comments, except the first one's: the file's header.
  const first = entry.source.statements[0];
  const span = (statement) => [
    statement === first ? statement.getStart(entry.source) : statement.getFullStart(),
    statement.getEnd(),
  ];
  const removed = [];
  const reexported = [];
  for (const name of shared) {
    for (const statement of entry.declarations.get(name)) {
      removed.push(span(statement));
      if (hasExportModifier(statement) && !reexported.includes(name)) reexported.push(name);
    }
  }
  // Imports only the shared declarations used go too.
  const stillMentioned = new Set();
  for (const statement of entry.source.statements) {
    if (ts.isImportDeclaration(statement)) continue;
    const names = declaredNames(statement);
    if (names?.length === 1 && shared.has(names[0])) continue;
    identifiersIn(statement, stillMentioned);
  }
  for (const statement of entry.source.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (
      bindings &&
      ts.isNamedImports(bindings) &&
      bindings.elements.every((e) => !stillMentioned.has(e.name.text))
    ) {
      removed.push(span(statement));
    }
  }
  removed.sort((a, b) => a[0] - b[0]);
  let body = "";
  let at = 0;
  for (const [start, end] of removed) {
    body += entryText.slice(at, start);
    at = end;
  }
  body += entryText.slice(at);

  const sorted = [...shared].sort();
  const specifiers = sorted.map((local) => {
    const exported = main.exportedAs.get(local);
    return exported === local ? local : `${exported} as ${local}`;
  });
  const list = (names) => names.map((n) => `    ${n}`).join(",\n");
  const lines = [
    "// Declarations shared with the main entry, imported from it instead of repeated (tools/build/shareDeclarations.mjs).",
    `import {\n${list(specifiers)}\n} from '${mainSpecifier}';`,
  ];
  if (reexported.length > 0) lines.push(`export {\n${list(reexported.sort())}\n};`);

  // After the entry's header comment (its @packageDocumentation), where its imports start.
  const insertAt = first ? first.getStart(entry.source) : 0;
  const shift = removed.filter(([start]) => start < insertAt).reduce((sum, [s, e]) => sum + (e - s), 0);
  const cut = insertAt - shift;
  const text = `${body.slice(0, cut)}${lines.join("\n")}\n${body.slice(cut)}`;
  return { text, shared: shared.size, kept: entry.declarations.size - shared.size };
}
