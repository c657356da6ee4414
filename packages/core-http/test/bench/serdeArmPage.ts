// Ad-hoc benchmark (not a test): serialize + deserialize a 1,000-item ARM list page of key vaults.
// Run: cd packages/core-http && ../../node_modules/.bin/tsx test/bench/serdeArmPage.ts
import { performance } from "node:perf_hooks";
import { deserialize, serialize } from "../../src/index.js";
import { VaultListResultSchema } from "../public/keyVaultSchemas.js";

const tenantId = "00000000-0000-0000-0000-000000000000";

function vaultWire(i: number): Record<string, unknown> {
  return {
    id: `/subscriptions/sub/resourceGroups/rg-${i % 17}/providers/Microsoft.KeyVault/vaults/vault-${i}`,
    name: `vault-${i}`,
    type: "Microsoft.KeyVault/vaults",
    location: i % 2 ? "westus" : "eastus2",
    tags: { env: i % 3 ? "prod" : "dev", owner: `team-${i % 5}` },
    systemData: {
      createdBy: "someone@example.com",
      createdByType: "User",
      createdAt: "2025-05-01T10:00:00.1234567Z",
      lastModifiedBy: "someone@example.com",
      lastModifiedByType: "User",
      lastModifiedAt: "2025-05-02T11:00:00Z",
    },
    properties: {
      tenantId,
      sku: { family: "A", name: i % 4 ? "standard" : "premium" },
      accessPolicies: [
        {
          tenantId,
          objectId: `obj-${i}`,
          permissions: { keys: ["get", "list"], secrets: ["get"], certificates: [], storage: [] },
        },
      ],
      vaultUri: `https://vault-${i}.vault.azure.net/`,
      enabledForDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: i % 2 === 0,
      provisioningState: "Succeeded",
      publicNetworkAccess: "Enabled",
      networkAcls: { bypass: "AzureServices", defaultAction: "Allow", ipRules: [], virtualNetworkRules: [] },
    },
  };
}

const wire = {
  value: Array.from({ length: 1000 }, (_, i) => vaultWire(i)),
  nextLink: "https://management.azure.com/next",
};
const text = JSON.stringify(wire);

// The machine may be shared: take the median of several batches after a long warm-up (JIT, schema compile).
function timePerPage(label: string, action: () => void, batches = 7, rounds = 50): number {
  for (let i = 0; i < 200; i++) action();
  const perBatch: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < rounds; i++) action();
    perBatch.push((performance.now() - start) / rounds);
  }
  const ms = perBatch.sort((x, y) => x - y)[Math.floor(batches / 2)]!;
  console.log(
    `${label}: ${ms.toFixed(2)} ms per 1,000-item page (median of ${batches} batches of ${rounds})`,
  );
  return ms;
}

const page = deserialize(VaultListResultSchema, JSON.parse(text), "body");
const de = timePerPage("deserialize (parsed JSON -> typed objects)", () => {
  deserialize(VaultListResultSchema, wire, "body");
});
const ser = timePerPage("serialize (typed objects -> wire JSON)", () => {
  serialize(VaultListResultSchema, page, "page");
});
const parse = timePerPage("for scale: JSON.parse of the same page", () => {
  JSON.parse(text);
});
console.log(
  JSON.stringify({
    serializePlusDeserializeMs: +(de + ser).toFixed(2),
    deserializeMs: +de.toFixed(2),
    serializeMs: +ser.toFixed(2),
    jsonParseMs: +parse.toFixed(2),
    bytes: text.length,
  }),
);
