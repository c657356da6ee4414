import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { buildWorkerScript } from "../../src/sync/workerScript.js";

describe("the worker script", () => {
  const script = buildWorkerScript();

  it("is one self-contained program that parses as a script", () => {
    expect(() => new Script(script)).not.toThrow();
  });

  it("references no module bindings a tool rewrote (imports, import.meta)", () => {
    expect(script).not.toMatch(/__vi_|__vite_ssr|import\.meta|\brequire\(/);
  });

  it("starts the worker with every part it defines", () => {
    for (const part of ["handleBridgeRequest", "encodeForMain", "decodeFromMain", "describeObjectShape"]) {
      expect(script).toMatch(new RegExp(`function ${part}\\b`));
      expect(script).toMatch(new RegExp(`${part}: ${part}\\b`));
    }
  });
});
