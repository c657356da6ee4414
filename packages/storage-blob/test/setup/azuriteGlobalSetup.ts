// Starts the real Azurite blob service once per test run through the repo's one launcher
// (tools/azurite-runner: azurite 3.35.0, strict, in memory, loopback, a port the OS picks).
// Tests read where it listens with `inject("azurite")`.
import { type AzuriteInfo, startAzurite } from "azurite-runner";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    azurite: AzuriteInfo;
  }
}

export type { AzuriteInfo };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { info, stop } = await startAzurite();
  project.provide("azurite", info);
  return stop;
}
