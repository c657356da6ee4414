// Export parity with @azure/storage-blob 12.29.1: code written for the official package should
// find every name it imports here. Runtime exports are compared by kind (class, function,
// enum, object, constant); exported type names are compared against our API report. A name we
// lack must be listed below with why and what the user does instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as azkit from "../../src/index.js";
import { TYPE_GAPS, TYPE_GAP_REASONS } from "./exportParityGaps.js";

const require = createRequire(import.meta.url);
const peer = require("@azure/storage-blob") as Record<string, unknown>;
const PEER_VERSION = (require("@azure/storage-blob/package.json") as { version: string }).version;

type Kind = "class" | "function" | "enum" | "object" | "string" | "number" | "other";

function kindOf(value: unknown): Kind {
  if (typeof value === "function") {
    return /^class\b/.test(Function.prototype.toString.call(value)) ? "class" : "function";
  }
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (value !== null && typeof value === "object") {
    const values = Object.values(value);
    const enumLike = values.length > 0 && values.every((v) => typeof v === "string" || typeof v === "number");
    return enumLike ? "enum" : "object";
  }
  return "other";
}

/** Runtime exports with no azkit counterpart, each with why and what to do instead: none. */
const RUNTIME_GAPS: Record<string, string> = {};

describe(`export parity with @azure/storage-blob ${PEER_VERSION}`, () => {
  it("is measured against the pinned peer version", () => {
    expect(PEER_VERSION).toBe("12.29.1");
  });

  it("has every runtime export of the peer, with the same kind", () => {
    const peerNames = Object.keys(peer).sort();
    expect(peerNames.length).toBe(41);
    const problems: string[] = [];
    for (const name of peerNames) {
      if (name in RUNTIME_GAPS) continue;
      const ours = (azkit as Record<string, unknown>)[name];
      if (ours === undefined) problems.push(`${name}: missing (peer: ${kindOf(peer[name])})`);
      else if (kindOf(ours) !== kindOf(peer[name])) {
        problems.push(`${name}: azkit ${kindOf(ours)}, peer ${kindOf(peer[name])}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the peer's enum members with the peer's values", () => {
    for (const name of Object.keys(peer).filter((n) => kindOf(peer[n]) === "enum")) {
      expect({ name, members: (azkit as Record<string, unknown>)[name] }).toEqual({
        name,
        members: peer[name],
      });
    }
    expect(azkit.StorageOAuthScopes).toBe(peer.StorageOAuthScopes);
  });

  it("lists no accepted runtime gap that the peer does not have or azkit now has", () => {
    for (const name of Object.keys(RUNTIME_GAPS)) {
      expect(name in peer).toBe(true);
      expect(name in azkit).toBe(false);
    }
  });

  it("has every exported type name of the peer, or says why not and what to use instead", () => {
    const peerTypes = peerTypeNames();
    expect(peerTypes.length).toBeGreaterThan(300);
    const report = readFileSync(
      fileURLToPath(new URL("../../review/storage-blob.api.md", import.meta.url)),
      "utf8",
    );
    const ours = new Set(
      [
        ...report.matchAll(
          /^export (?:declare )?(?:abstract class|class|interface|type|function|const|enum|let) (\w+)/gm,
        ),
      ].map((m) => m[1]!),
    );
    const missing = peerTypes.filter((name) => !ours.has(name));
    const unexplained = missing.filter((name) => !(name in TYPE_GAPS));
    expect(unexplained).toEqual([]);
    // The list stays honest: no entry for a name azkit has, none with an unknown reason.
    const stale = Object.keys(TYPE_GAPS).filter((name) => ours.has(name) || !peerTypes.includes(name));
    expect(stale).toEqual([]);
    for (const reason of Object.values(TYPE_GAPS)) expect(TYPE_GAP_REASONS[reason]).toBeDefined();
  });
});

/** The names the peer's `index.d.ts` exports only as types (interfaces, type aliases). */
function peerTypeNames(): string[] {
  const entry = require.resolve("@azure/storage-blob").replace(/index\.js$/, "index.d.ts");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    // Only the export names are read: no default library or @types, which cuts the time ~4x.
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const names: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if ((target.flags & ts.SymbolFlags.Value) === 0) names.push(symbol.name);
  }
  return names.sort();
}
