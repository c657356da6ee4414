import { defineConfig } from "vitest/config";

// Type assertions (expectTypeOf) in test/public/surface.test.ts are checked by tsc through
// vitest's typecheck mode; the runtime tests run as usual.
export default defineConfig({
  test: {
    typecheck: { enabled: true, tsconfig: "./test/tsconfig.json", include: ["test/public/surface.test.ts"] },
  },
});
