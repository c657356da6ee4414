import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AzureError,
  DeserializationError,
  defineModel,
  deserialize,
  type Infer,
  isSerializationError,
  SerializationError,
  serialize,
} from "../../src/index.js";
import {
  AccessPolicyEntrySchema,
  PermissionsSchema,
  SkuSchema,
  VaultCreateOrUpdateParametersSchema,
  VaultPropertiesSchema,
  VaultSchema,
} from "./keyVaultSchemas.js";

const Sku = defineModel(SkuSchema);
const VaultProperties = defineModel(VaultPropertiesSchema);
const AccessPolicyEntry = defineModel(AccessPolicyEntrySchema);
const Permissions = defineModel(PermissionsSchema);
const VaultCreateOrUpdateParameters = defineModel(VaultCreateOrUpdateParametersSchema);

const tenantId = "00000000-0000-0000-0000-000000000000";
const objectId = "11111111-1111-1111-1111-111111111111";

// The seed's example, as inline JSON.
const inline = {
  location: "westus",
  properties: {
    tenantId,
    sku: { family: "A", name: "standard" },
    accessPolicies: [
      {
        tenantId,
        objectId,
        permissions: { keys: ["all"], secrets: ["all"], certificates: ["all"], storage: ["all"] },
      },
    ],
    enabledForDeployment: true,
  },
} as const;

function body(value: unknown): string {
  return JSON.stringify(serialize(VaultCreateOrUpdateParametersSchema, value as never, "parameters"));
}

describe("serialize with the key vault body schema", () => {
  it("writes inline JSON as the wire body, in schema property order", () => {
    expect(body(inline)).toBe(
      '{"location":"westus","properties":{"tenantId":"00000000-0000-0000-0000-000000000000",' +
        '"sku":{"family":"A","name":"standard"},"accessPolicies":[{"tenantId":"00000000-0000-0000-0000-000000000000",' +
        '"objectId":"11111111-1111-1111-1111-111111111111","permissions":{"keys":["all"],"secrets":["all"],' +
        '"certificates":["all"],"storage":["all"]}}],"enabledForDeployment":true}}',
    );
  });

  it("gives byte-identical bodies for model objects, inline JSON and a mix", () => {
    const models = new VaultCreateOrUpdateParameters({
      location: "westus",
      properties: new VaultProperties({
        enabledForDeployment: true,
        tenantId,
        sku: new Sku({ name: "standard", family: "A" }),
        accessPolicies: [
          new AccessPolicyEntry({
            tenantId,
            objectId,
            permissions: new Permissions({
              keys: ["all"],
              secrets: ["all"],
              certificates: ["all"],
              storage: ["all"],
            }),
          }),
        ],
      }),
    });
    const mixed = {
      location: "westus",
      properties: new VaultProperties({
        tenantId,
        sku: { family: "A", name: "standard" },
        accessPolicies: [
          {
            tenantId,
            objectId,
            permissions: new Permissions({
              keys: ["all"],
              secrets: ["all"],
              certificates: ["all"],
              storage: ["all"],
            }),
          },
        ],
        enabledForDeployment: true,
      }),
    };
    expect(body(models)).toBe(body(inline));
    expect(body(mixed)).toBe(body(inline));
  });

  it("reports sku: 'standard' as a SerializationError naming the field, the shape and the value", () => {
    const bad = { ...inline, properties: { ...inline.properties, sku: "standard" } };
    let caught: unknown;
    try {
      body(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SerializationError);
    expect(caught).toBeInstanceOf(AzureError);
    expect(isSerializationError(caught)).toBe(true);
    const error = caught as SerializationError;
    expect(error.message).toContain("properties.sku");
    expect(error.message).toContain("expected an object");
    expect(error.message).toContain('"standard"');
    expect(error.path).toBe("parameters.properties.sku");
    expect(error.expected).toBe('an object { family: "A" | string, name: "standard" | "premium" }');
    expect(error.actual).toBe('the string "standard"');
    expect(error.code).toBe("SerializationError");
    expect(error.message).toBe(
      'parameters.properties.sku: expected an object { family: "A" | string, name: "standard" | "premium" }, got the string "standard"',
    );
  });

  it("suggests tenantId for tenant_id and lists the known properties", () => {
    const { tenantId: _, ...rest } = inline.properties;
    const error = catchError(() => body({ ...inline, properties: { ...rest, tenant_id: tenantId } }));
    expect(error.problems.map((p) => p.path)).toEqual([
      "parameters.properties.tenantId",
      "parameters.properties.tenant_id",
    ]);
    const typo = error.problems[1]!;
    expect(typo.hint).toBe('did you mean "tenantId"?');
    expect(typo.expected).toContain("tenantId, sku, accessPolicies");
    expect(typo.actual).toBe('the unknown property "tenant_id"');
  });

  it("reports many problems in one value together", () => {
    const error = catchError(() =>
      body({
        location: 5,
        properties: {
          tenantId: "not-a-uuid",
          sku: { family: "A", name: "basic" },
          accessPolicies: [{ tenantId, objectId, permissions: { keys: "all" } }],
          softDeleteRetentionInDays: 7.5,
        },
      }),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      "parameters.location",
      "parameters.properties.tenantId",
      "parameters.properties.sku.name",
      "parameters.properties.accessPolicies[0].permissions.keys",
      "parameters.properties.softDeleteRetentionInDays",
    ]);
    expect(error.message).toContain("and 4 more problems");
    expect(error.message).toContain(
      'parameters.properties.sku.name: expected one of "standard" | "premium", got the string "basic"',
    );
  });

  it("stops after 10 problems", () => {
    const policies = Array.from({ length: 15 }, () => ({ tenantId, objectId: 1, permissions: {} }));
    const error = catchError(() =>
      body({ ...inline, properties: { ...inline.properties, accessPolicies: policies } }),
    );
    expect(error.problems).toHaveLength(10);
    expect(error.problems[9]!.path).toBe("parameters.properties.accessPolicies[9].objectId");
    expect(error.message).toContain("stopped after 10");
  });

  it("drops read-only properties instead of sending them", () => {
    const sent = JSON.parse(
      body({
        ...inline,
        properties: { ...inline.properties, hsmPoolResourceId: "/x", privateEndpointConnections: [] },
      }),
    );
    expect(sent.properties).not.toHaveProperty("hsmPoolResourceId");
    expect(sent.properties).not.toHaveProperty("privateEndpointConnections");
  });

  it("reports a missing required property", () => {
    const error = catchError(() => body({ properties: inline.properties }));
    expect(error.path).toBe("parameters.location");
    expect(error.actual).toBe("nothing (a required property)");
  });
});

describe("deserialize with the vault schema", () => {
  const wire = {
    id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v1",
    name: "v1",
    type: "Microsoft.KeyVault/vaults",
    location: "westus",
    tags: {},
    systemData: { createdAt: "2025-05-01T10:00:00.1234567Z", createdByType: "User", newField: 1 },
    properties: {
      tenantId,
      sku: { family: "A", name: "premium" },
      hsmPoolResourceId: "/pool",
      provisioningState: "SomethingNew",
      enableSoftDelete: null,
      aPropertyAddedLater: { x: 1 },
    },
  };

  it("returns plain typed objects with dates, tolerating new fields and values", () => {
    const vault = deserialize(VaultSchema, wire, "body");
    expect(vault.systemData?.createdAt).toEqual(new Date("2025-05-01T10:00:00.123Z"));
    expect(vault.properties.hsmPoolResourceId).toBe("/pool");
    expect(vault.properties.provisioningState).toBe("SomethingNew");
    expect(vault.properties).not.toHaveProperty("aPropertyAddedLater");
    expect(vault.properties).not.toHaveProperty("enableSoftDelete");
    expect(vault.systemData).not.toHaveProperty("newField");
    expectTypeOf(vault.properties.sku.name).toEqualTypeOf<"standard" | "premium">();
    expectTypeOf(vault.systemData?.createdAt).toEqualTypeOf<Date | undefined>();
  });

  it("throws a DeserializationError with the wire path when a relied-on type is wrong", () => {
    const broken = { ...wire, properties: { ...wire.properties, sku: "premium" } };
    expect(() => deserialize(VaultSchema, broken, "body")).toThrowError(DeserializationError);
    try {
      deserialize(VaultSchema, broken, "body");
    } catch (error) {
      expect((error as DeserializationError).path).toBe("body.properties.sku");
      expect((error as DeserializationError).actual).toBe('the string "premium"');
    }
  });
});

describe("defineModel", () => {
  it("makes typed value objects with the schema attached", () => {
    const sku = new Sku({ name: "premium", family: "A" });
    expect(sku).toBeInstanceOf(Sku);
    expect(sku).toEqual({ name: "premium", family: "A" });
    expect(Sku.schema).toBe(SkuSchema);
    expect(Sku.name).toBe("Sku");
    expectTypeOf(sku.name).toEqualTypeOf<"standard" | "premium">();
    expectTypeOf<Infer<typeof SkuSchema>>().toEqualTypeOf<{
      family: "A" | (string & {});
      name: "standard" | "premium";
    }>();
  });

  it("keeps unknown properties so serialization can report them", () => {
    const sku = new Sku({ name: "premium", family: "A", tier: "x" } as never);
    expect(() => serialize(SkuSchema, sku, "sku")).toThrowError(
      /sku\.tier: expected one of the properties of Sku/,
    );
  });
});

function catchError(action: () => unknown): SerializationError {
  try {
    action();
  } catch (error) {
    if (error instanceof SerializationError) return error;
    throw error;
  }
  throw new Error("expected a SerializationError");
}
