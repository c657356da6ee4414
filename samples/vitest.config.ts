import { defineConfig } from "vitest/config";

// Samples move real bytes through real emulators: give them time on a busy 2-core machine.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 60_000, globalSetup: ["test/globalSetup.ts"] },
});
