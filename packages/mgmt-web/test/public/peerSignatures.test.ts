import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// JavaScript ported from @azure/arm-appservice 19.0.0 passes its arguments by position, so every
// method must take them in the peer's order (TypeScript would not catch a swapped pair of strings).
// Read from the peer's declarations and this package's generated sources.
const require = createRequire(import.meta.url);
const peerClassic = join(dirname(require.resolve("@azure/arm-appservice/package.json")), "dist/esm/classic");
const generated = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/generated");

/** Where the names differ but the position and meaning agree. */
const renamedParameters: Record<string, string> = {
  "workflows.validate: validate": "validateParameter",
};

/** The parameter names of a signature's text, without `options`. */
function parameterNames(signature: string): string[] {
  return signature
    .split(",")
    .map((p) => p.trim().split(/[?:]/)[0]!.trim())
    .filter((p) => p !== "" && p !== "options");
}

describe("argument order as @azure/arm-appservice 19.0.0 has it", () => {
  it("takes every method's positional arguments in the peer's order", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const group of readdirSync(peerClassic)) {
      const peerFile = join(peerClassic, group, "index.d.ts");
      const ourFile = join(generated, `${group}.ts`);
      if (!existsSync(peerFile) || !existsSync(ourFile)) continue;
      const ours = readFileSync(ourFile, "utf8");
      for (const [, method, peerParams] of readFileSync(peerFile, "utf8").matchAll(
        /^ {4}(\w+): \(([^)]*)\) =>/gm,
      )) {
        const mine = ours.match(new RegExp(`^ {2}${method}\\(([^)]*)\\)`, "m"));
        if (!mine) continue; // a missing method is peerNames.test.ts's finding
        compared++;
        const expected = parameterNames(peerParams!);
        const actual = parameterNames(mine[1]!).map(
          (p) => renamedParameters[`${group}.${method}: ${p}`] ?? p,
        );
        if (expected.join(",") !== actual.join(",")) {
          mismatches.push(`${group}.${method}: peer (${expected.join(", ")}), ours (${actual.join(", ")})`);
        }
      }
    }
    console.log(`@azure/arm-appservice 19.0.0: argument order compared for ${compared} methods`);
    expect(compared).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });
});
