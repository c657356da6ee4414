// Runs the built bundles (dist/, made by `pnpm run build`, which turbo runs before the tests) in
// child processes: the worker program must load from both the ESM and the CJS bundle, and an
// idle bridge must not keep a process alive.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const esmBundle = new URL("../../dist/esm/index.js", import.meta.url);
const cjsBundle = new URL("../../dist/cjs/index.cjs", import.meta.url);
const fixture = new URL("../fixtures/syncBridgeFixture.mjs", import.meta.url).href;

/** A program that uses the bridge and then simply ends, without closing it. */
const program = (load: string): string => `
${load}
const FixtureClient = createSyncClientClass({ moduleSpecifier: ${JSON.stringify(fixture)}, exportName: "FixtureClient" });
const client = new FixtureClient("https://acct.example");
const echoed = client.echo({ ok: [1, 2] });
const letters = [...client.listLetters()];
const calls = 1000;
const started = process.hrtime.bigint();
for (let i = 0; i < calls; i++) client.echo(i);
const perCallMicroseconds = Number(process.hrtime.bigint() - started) / 1000 / calls;
console.log(JSON.stringify({ echoed, letters, perCallMicroseconds }));
`;

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  for (const bundle of [esmBundle, cjsBundle]) {
    if (!existsSync(fileURLToPath(bundle)))
      throw new Error(`${fileURLToPath(bundle)} is missing: run the build first`);
  }
  // The timeout is the failure mode under test: a bridge that keeps the process alive hangs it.
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 30_000 });
}

describe("the sync bridge in a built package", () => {
  it("works from the ESM bundle and lets the process exit by itself", () => {
    const load = `import { createSyncClientClass } from ${JSON.stringify(esmBundle.href)};`;
    const child = run(["--input-type=module", "-e", program(load)]);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout);
    expect(result).toMatchObject({ echoed: { ok: [1, 2] }, letters: ["a", "b", "c"] });
    console.log(
      `sync bridge, ESM bundle: ${result.perCallMicroseconds.toFixed(1)} µs per call (1000 sequential echo calls)`,
    );
  }, 40_000);

  it("works from the CJS bundle and lets the process exit by itself", () => {
    const load = `const { createSyncClientClass } = require(${JSON.stringify(fileURLToPath(cjsBundle))});`;
    const child = run(["-e", program(load)]);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout);
    expect(result).toMatchObject({ echoed: { ok: [1, 2] }, letters: ["a", "b", "c"] });
    console.log(
      `sync bridge, CJS bundle: ${result.perCallMicroseconds.toFixed(1)} µs per call (1000 sequential echo calls)`,
    );
  }, 40_000);
});
