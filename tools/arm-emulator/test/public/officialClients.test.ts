import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";

const flowScript = join(dirname(fileURLToPath(import.meta.url)), "../official/officialClientsFlow.mjs");

interface FlowResult {
  steps: Array<{ name: string; value: unknown }>;
  error?: { name: string; message: string; statusCode?: number; code?: string; stack?: string };
}

/** Runs the official-client flow in a child Node process trusting the emulator's CA from its start. */
function runFlow(arm: ArmEmulator, caFile: string): Promise<FlowResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [flowScript],
      { env: { ...process.env, ...arm.env, NODE_EXTRA_CA_CERTS: caFile }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split("\n").pop() ?? "";
        try {
          resolve(JSON.parse(line) as FlowResult);
        } catch {
          reject(new Error(`flow produced no result (${error?.message ?? "exit 0"}): ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

describe("official Azure SDK clients against the emulator (HTTPS, default api-versions)", () => {
  let arm: ArmEmulator;
  let dir: string;
  let result: FlowResult;
  const step = (name: string) => result.steps.find((s) => s.name === name)?.value;

  beforeAll(async () => {
    arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
    dir = mkdtempSync(join(tmpdir(), "arm-emulator-official-"));
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, arm.ca!);
    result = await runFlow(arm, caFile);
  }, 90_000);
  afterAll(async () => {
    await arm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the whole flow without an error", () => {
    expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  });
});
