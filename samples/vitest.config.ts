import { defineConfig } from "vitest/config";

// Samples move real bytes through a real emulator: give them time on a busy 2-core machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 60_000 } });
