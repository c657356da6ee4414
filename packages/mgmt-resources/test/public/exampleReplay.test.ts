import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error: the generator is JavaScript without type declarations
import { replayExamples, staticTokenCredential } from "codegen/src/exampleReplay.mjs";
import { describe, expect, it } from "vitest";
import { ResourceManagementClient } from "../../src/index.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("example replay (every x-ms-examples file of resources.json)", () => {
  it("sends each example's request and deserializes its response", async () => {
    const result = await replayExamples({
      packageDir,
      repoRoot: resolve(packageDir, "../.."),
      createClient: (endpoint: string, subscriptionId: string) =>
        new ResourceManagementClient(staticTokenCredential, subscriptionId, {
          endpoint,
          retryTotal: 0,
          allowInsecureConnection: true,
        }),
    });
    console.log(`example replay @azkit/mgmt-resources: ${result.passed}/${result.total} examples passed`);
    expect(result.failures).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
  });
});
