// Derives the request-body schemas and api-versions the emulator validates against from the upstream
// swagger vendored in tools/specs: writes src/generated/specSchemas.ts.
// Run: `pnpm --filter arm-emulator run generate`. `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderWebSpec } from "./generateWebSpec.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");
export const specsRoot = resolve(repoRoot, "tools/specs");
const outFile = resolve(here, "../src/generated/specSchemas.ts");
const webOutFile = resolve(here, "../src/generated/webSpec.ts");

const SPECS = {
  resources:
    "specification/resources/resource-manager/Microsoft.Resources/resources/stable/2025-04-01/resources.json",
  keyvault: "specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2025-05-01/keyvault.json",
  web: "specification/web/resource-manager/Microsoft.Web/AppService/stable/2025-03-01/AppServicePlans.json",
};

const cache = new Map();
function loadJson(file) {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, "utf8")));
  return cache.get(file);
}

/** Resolves $ref/allOf into the emulator's small schema vocabulary (drops docs and client-only hints). */
function resolveSchema(schema, file, seen = new Set()) {
  if (schema.$ref) {
    const [refFile, pointer] = schema.$ref.split("#");
    const target = refFile ? resolve(dirname(file), refFile) : file;
    const key = `${target}#${pointer}`;
    if (seen.has(key)) return { type: "object" };
    const doc = loadJson(target);
    const node = pointer
      .split("/")
      .filter(Boolean)
      .reduce((n, part) => n[part], doc);
    const resolved = resolveSchema(node, target, new Set([...seen, key]));
    // A readOnly flag on the referencing site wins (e.g. systemData).
    return schema.readOnly ? { ...resolved, readOnly: true } : resolved;
  }
  const out = {};
  const properties = {};
  const required = new Set(schema.required ?? []);
  for (const parent of schema.allOf ?? []) {
    const p = resolveSchema(parent, file, seen);
    Object.assign(properties, p.properties ?? {});
    for (const r of p.required ?? []) required.add(r);
    if (p.type && !out.type) out.type = p.type;
  }
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    properties[name] = resolveSchema(prop, file, seen);
  }
  if (schema.type) out.type = schema.type;
  if (Object.keys(properties).length > 0) {
    out.type ??= "object";
    out.properties = properties;
  }
  if (required.size > 0) out.required = [...required];
  if (schema.readOnly) out.readOnly = true;
  if (schema.enum && schema["x-ms-enum"]?.modelAsString !== true) out.enum = schema.enum;
  for (const k of ["format", "pattern", "minLength", "maxLength", "minimum", "maximum"]) {
    if (schema[k] !== undefined) out[k] = schema[k];
  }
  if (schema.items) out.items = resolveSchema(schema.items, file, seen);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    out.additionalProperties = resolveSchema(schema.additionalProperties, file, seen);
  }
  return out;
}

function definition(specKey, name) {
  const file = resolve(specsRoot, SPECS[specKey]);
  return resolveSchema({ $ref: `#/definitions/${name}` }, file);
}

function apiVersionOf(specKey) {
  return loadJson(resolve(specsRoot, SPECS[specKey])).info.version;
}

function vaultListApiVersions() {
  const kv = loadJson(resolve(specsRoot, SPECS.keyvault));
  const op = kv.paths["/subscriptions/{subscriptionId}/resources"].get;
  return op.parameters.find((p) => p.name === "api-version").enum;
}

export function renderSpecSchemas() {
  const data = {
    apiVersions: {
      resources: apiVersionOf("resources"),
      keyvault: apiVersionOf("keyvault"),
      web: apiVersionOf("web"),
      vaultsListViaResources: vaultListApiVersions(),
    },
    schemas: {
      ResourceGroup: definition("resources", "ResourceGroup"),
      ResourceGroupPatchable: definition("resources", "ResourceGroupPatchable"),
      GenericResource: definition("resources", "GenericResource"),
      VaultCreateOrUpdateParameters: definition("keyvault", "VaultCreateOrUpdateParameters"),
      VaultPatchParameters: definition("keyvault", "VaultPatchParameters"),
      VaultCheckNameAvailabilityParameters: definition("keyvault", "VaultCheckNameAvailabilityParameters"),
      VaultAccessPolicyParameters: definition("keyvault", "VaultAccessPolicyParameters"),
      PrivateEndpointConnection: definition("keyvault", "PrivateEndpointConnection"),
      TagsResource: definition("resources", "TagsResource"),
      TagsPatchResource: definition("resources", "TagsPatchResource"),
      ResourcesMoveInfo: definition("resources", "ResourcesMoveInfo"),
      ExportTemplateRequest: definition("resources", "ExportTemplateRequest"),
    },
  };
  const header = [
    "// Generated by tools/arm-emulator/scripts/generateSchemas.mjs from tools/specs:",
    ...Object.values(SPECS).map((p) => `//   ${p}`),
    "// Do not edit by hand: run `pnpm --filter arm-emulator run generate`.",
    'import type { Schema } from "../validation.js";',
    "",
  ].join("\n");
  return `${header}\n/** Spec-derived data: api-versions and request-body schemas. */\nexport const specData = ${JSON.stringify(data, null, 2)} as const satisfies { apiVersions: Record<string, unknown>; schemas: Record<string, Schema> };\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = [
    [outFile, renderSpecSchemas()],
    [webOutFile, renderWebSpec()],
  ];
  if (process.argv.includes("--check")) {
    let stale = false;
    for (const [file, text] of outputs) {
      const name = file.slice(resolve(here, "..").length + 1);
      if (readFileSync(file, "utf8") !== text) {
        console.error(`${name} is stale: run \`pnpm --filter arm-emulator run generate\``);
        stale = true;
      } else {
        console.log(`${name} is up to date`);
      }
    }
    if (stale) process.exit(1);
  } else {
    for (const [file, text] of outputs) {
      writeFileSync(file, text);
      console.log(`wrote ${file} (${text.length} chars)`);
    }
  }
}
