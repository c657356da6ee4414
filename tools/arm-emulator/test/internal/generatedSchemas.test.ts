import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("src/generated/specSchemas.ts", () => {
  it("matches what the generator derives from tools/specs today", async () => {
    const { renderSpecSchemas } = (await import(resolve(root, "scripts/generateSchemas.mjs"))) as {
      renderSpecSchemas: () => string;
    };
    expect(readFileSync(resolve(root, "src/generated/specSchemas.ts"), "utf8")).toBe(renderSpecSchemas());
  });
});

describe("src/generated/specOperations.ts", () => {
  it("matches what the generator derives from tools/specs today", async () => {
    const { renderSpecOperations } = (await import(resolve(root, "scripts/generateOperations.mjs"))) as {
      renderSpecOperations: () => string;
    };
    expect(readFileSync(resolve(root, "src/generated/specOperations.ts"), "utf8")).toBe(
      renderSpecOperations(),
    );
  });
});
