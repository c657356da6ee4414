import { ClientSecretCredential } from "@azkit/identity";
import {
  createDefaultHttpClient,
  type DefaultHttpClient,
  isResourceNotFoundError,
  isSerializationError,
  type PipelineRequest,
} from "@azkit/core-http";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessPolicyEntry,
  KeyVaultManagementClient,
  Permissions,
  Sku,
  VaultCreateOrUpdateParameters,
  VaultProperties,
} from "../../src/index.js";

// The Key Vault flow of the usage guide against tools/arm-emulator over HTTPS, with a token from its
// token endpoint through ClientSecretCredential.
let arm: ArmEmulator;
let httpClient: DefaultHttpClient;
let credential: ClientSecretCredential;
let client: KeyVaultManagementClient;
const sent: PipelineRequest[] = [];
const group = "kv-e2e";
const fast = { updateIntervalInMs: 1 };
const objectId = "00000000-0000-0000-0000-0000000000aa";

beforeAll(async () => {
  arm = await startArmEmulator({ https: true, lro: { polls: 1 } });
  httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
  credential = new ClientSecretCredential(arm.tenantId, arm.clientId, arm.clientSecret, {
    authorityHost: arm.authorityHost,
    httpClient,
  });
  const resources = new ResourceManagementClient(credential, arm.subscriptionId, {
    endpoint: arm.url,
    httpClient,
  });
  await resources.resourceGroups.createOrUpdate(group, { location: "westus" });
  client = new KeyVaultManagementClient(credential, arm.subscriptionId, { endpoint: arm.url, httpClient });
  client.pipeline.addPolicy({
    name: "recordRequests",
    sendRequest: (request, next) => {
      sent.push(request);
      return next(request);
    },
  });
});
afterAll(async () => {
  await credential?.close();
  httpClient?.close();
  await arm?.close();
});

const putBodies = (name: string) =>
  sent.filter((r) => r.method === "PUT" && r.url.includes(`/vaults/${name}?`)).map((r) => String(r.body));

describe("KeyVaultManagementClient against the ARM emulator", () => {
  it("creates a vault from model objects, inline JSON and both mixed, sending identical bodies", async () => {
    const tenantId = arm.tenantId;
    const fromModels = new VaultCreateOrUpdateParameters({
      location: "westus",
      properties: new VaultProperties({
        tenantId,
        sku: new Sku({ family: "A", name: "standard" }),
        accessPolicies: [
          new AccessPolicyEntry({
            tenantId,
            objectId,
            permissions: new Permissions({ keys: ["get"], secrets: ["get", "list"] }),
          }),
        ],
      }),
    });
    const inline: VaultCreateOrUpdateParameters = {
      location: "westus",
      properties: {
        tenantId,
        sku: { family: "A", name: "standard" },
        accessPolicies: [{ tenantId, objectId, permissions: { keys: ["get"], secrets: ["get", "list"] } }],
      },
    };
    const mixed = {
      location: "westus",
      properties: {
        tenantId,
        sku: new Sku({ family: "A", name: "standard" }),
        accessPolicies: [
          { tenantId, objectId, permissions: new Permissions({ keys: ["get"], secrets: ["get", "list"] }) },
        ],
      },
    };
    const poller = await client.vaults.beginCreateOrUpdate(group, "kv-models", fromModels, fast);
    expect("then" in poller).toBe(false);
    const vault = await poller.pollUntilDone();
    expect(vault.properties.provisioningState).toBe("Succeeded");
    // The newer generation's plain-named method returns an awaitable poller.
    const second = await client.vaults.createOrUpdate(group, "kv-inline", inline, fast);
    expect(second.name).toBe("kv-inline");
    await client.vaults.beginCreateOrUpdateAndWait(group, "kv-mixed", mixed, fast);
    const [a, b, c] = [putBodies("kv-models")[0], putBodies("kv-inline")[0], putBodies("kv-mixed")[0]];
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("names the path of a wrong shape, and suggests the right name for an unknown key, sending nothing", async () => {
    const before = sent.length;
    const error = await client.vaults
      .beginCreateOrUpdate(group, "kv-bad", {
        location: "westus",
        properties: { tenantId: arm.tenantId, sku: "standard" },
      } as never)
      .catch((e: unknown) => e);
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("parameters.properties.sku");
    expect((error as Error).message).toContain('"standard"');
    const typo = await client.vaults
      .beginCreateOrUpdate(group, "kv-bad", {
        location: "westus",
        properties: { tenant_id: arm.tenantId, sku: { family: "A", name: "standard" } },
      } as never)
      .catch((e: unknown) => e);
    expect((typo as Error).message).toContain('did you mean "tenantId"');
    expect(sent.length).toBe(before);
  });

  it("gets, updates access policies and lists vaults", async () => {
    const vault = await client.vaults.get(group, "kv-models");
    expect(vault.properties.sku.name).toBe("standard");
    const policies = await client.vaults.updateAccessPolicy(group, "kv-models", "add", {
      properties: {
        accessPolicies: [
          {
            tenantId: arm.tenantId,
            objectId: "00000000-0000-0000-0000-0000000000bb",
            permissions: { secrets: ["get"] },
          },
        ],
      },
    });
    expect(policies.properties.accessPolicies.length).toBeGreaterThan(0);
    const updated = await client.vaults.get(group, "kv-models");
    expect(updated.properties.accessPolicies?.map((p) => p.objectId)).toContain(
      "00000000-0000-0000-0000-0000000000bb",
    );
    const names: string[] = [];
    for await (const v of client.vaults.listByResourceGroup(group)) names.push(v.name!);
    expect(names.sort()).toEqual(["kv-inline", "kv-mixed", "kv-models"]);
    const bySubscription: string[] = [];
    for await (const page of client.vaults.listBySubscription().byPage({ maxPageSize: 2 })) {
      expect(page.length).toBeLessThanOrEqual(2);
      bySubscription.push(...page.map((v) => v.name!));
    }
    expect(bySubscription.sort()).toEqual(["kv-inline", "kv-mixed", "kv-models"]);
  });

  it("deletes, lists deleted, and purges a vault", async () => {
    await client.vaults.delete(group, "kv-mixed");
    const error = await client.vaults.get(group, "kv-mixed").catch((e: unknown) => e);
    expect(isResourceNotFoundError(error)).toBe(true);
    const deleted: string[] = [];
    for await (const d of client.vaults.listDeleted()) deleted.push(d.name!);
    expect(deleted).toContain("kv-mixed");
    const one = await client.vaults.getDeleted("kv-mixed", "westus");
    expect(one.properties?.vaultId?.toLowerCase()).toContain("/vaults/kv-mixed");
    await client.vaults.purgeDeleted("kv-mixed", "westus", fast);
    const gone = await client.vaults.getDeleted("kv-mixed", "westus").catch((e: unknown) => e);
    expect(isResourceNotFoundError(gone)).toBe(true);
  });

  it("checks name availability", async () => {
    const taken = await client.vaults.checkNameAvailability({
      name: "kv-models",
      type: "Microsoft.KeyVault/vaults",
    });
    expect(taken.nameAvailable).toBe(false);
  });
});
