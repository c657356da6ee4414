import { defineConfig } from "vitest/config";

// The install test publishes to and installs from a real registry: minutes, not milliseconds.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 300_000 },
});
