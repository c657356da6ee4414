// Derives what the emulator's Microsoft.Web needs from the vendored App Service swagger
// (WebApps.json, AppServicePlans.json, CommonDefinitions.json): the request-body schemas of the
// operations it serves, and the route table of every operation (so an unserved one is named).
// Written to src/generated/webSpec.ts by generateSchemas.mjs (same `generate` / `--check`).
//
// Site, SiteConfig and friends share large sub-schemas, so they are emitted once each, by name,
// with `{ "$ref": "Name" }` links that src/webSchemas.ts ties together at load (no inlining).
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(
  here,
  "../../specs/specification/web/resource-manager/Microsoft.Web/AppService/stable/2025-03-01",
);
export const WEB_SPEC_FILES = ["WebApps.json", "AppServicePlans.json", "CommonDefinitions.json"].map(
  (f) => `specification/web/resource-manager/Microsoft.Web/AppService/stable/2025-03-01/${f}`,
);

/** Request bodies of the served operations, by the emulator's name for them: [file, definition]. */
const ROOTS = {
  Site: ["CommonDefinitions.json", "Site"],
  SitePatchResource: ["WebApps.json", "SitePatchResource"],
  AppServicePlan: ["CommonDefinitions.json", "AppServicePlan"],
  AppServicePlanPatchResource: ["AppServicePlans.json", "AppServicePlanPatchResource"],
  SiteConfigResource: ["WebApps.json", "SiteConfigResource"],
  StringDictionary: ["CommonDefinitions.json", "StringDictionary"],
  ConnectionStringDictionary: ["WebApps.json", "ConnectionStringDictionary"],
  SiteSourceControl: ["WebApps.json", "SiteSourceControl"],
  SlotConfigNamesResource: ["WebApps.json", "SlotConfigNamesResource"],
  CsmSlotEntity: ["WebApps.json", "CsmSlotEntity"],
  CsmPublishingProfileOptions: ["WebApps.json", "CsmPublishingProfileOptions"],
  CsmPublishingCredentialsPoliciesEntity: ["WebApps.json", "CsmPublishingCredentialsPoliciesEntity"],
  AzureStoragePropertyDictionaryResource: ["WebApps.json", "AzureStoragePropertyDictionaryResource"],
  SiteAuthSettings: ["WebApps.json", "SiteAuthSettings"],
  SiteAuthSettingsV2: ["WebApps.json", "SiteAuthSettingsV2"],
  BackupRequest: ["WebApps.json", "BackupRequest"],
  RestoreRequest: ["WebApps.json", "RestoreRequest"],
};

const docs = new Map();
function load(file) {
  if (!docs.has(file)) docs.set(file, JSON.parse(readFileSync(resolve(webDir, file), "utf8")));
  return docs.get(file);
}

/** Emits definitions by name; a definition name used in two files with different content fails. */
function collect() {
  const out = {};
  const origin = {};
  const pending = [];
  const nameOf = (file, def) => {
    const key = origin[def];
    if (key !== undefined && key !== `${file}#${def}`) {
      const a = JSON.stringify(load(key.split("#")[0]).definitions[def]);
      const b = JSON.stringify(load(file).definitions[def]);
      if (a !== b) throw new Error(`definition ${def} differs between ${key} and ${file}`);
      return def;
    }
    if (key === undefined) {
      origin[def] = `${file}#${def}`;
      pending.push([file, def]);
    }
    return def;
  };
  const convert = (schema, file) => {
    if (schema.$ref) {
      const [refFile, pointer] = schema.$ref.split("#");
      const target = refFile ? basename(resolve(dirname(resolve(webDir, file)), refFile)) : file;
      const def = pointer.replace("/definitions/", "");
      const link = { $ref: nameOf(target, def) };
      if (schema.readOnly) link.readOnly = true;
      return link;
    }
    const o = {};
    const properties = {};
    const required = new Set(schema.required ?? []);
    const parents = [];
    for (const parent of schema.allOf ?? []) parents.push(convert(parent, file));
    for (const [name, prop] of Object.entries(schema.properties ?? {}))
      properties[name] = convert(prop, file);
    if (schema.type) o.type = schema.type;
    if (parents.length > 0) o.allOf = parents;
    if (Object.keys(properties).length > 0) {
      o.type ??= "object";
      o.properties = properties;
    }
    if (required.size > 0) o.required = [...required];
    if (schema.readOnly) o.readOnly = true;
    if (schema.enum && schema["x-ms-enum"]?.modelAsString !== true) o.enum = schema.enum;
    for (const k of ["format", "pattern", "minLength", "maxLength", "minimum", "maximum"]) {
      if (schema[k] !== undefined) o[k] = schema[k];
    }
    if (schema.items) o.items = convert(schema.items, file);
    if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
      o.additionalProperties = convert(schema.additionalProperties, file);
    }
    return o;
  };
  const roots = {};
  for (const [alias, [file, def]] of Object.entries(ROOTS)) roots[alias] = nameOf(file, def);
  while (pending.length > 0) {
    const [file, def] = pending.shift();
    out[def] = convert(load(file).definitions[def], file);
  }
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { roots, definitions: sorted };
}

/** Every operation of WebApps.json and AppServicePlans.json: [METHOD, path template, operationId]. */
function operations() {
  const rows = [];
  for (const file of ["WebApps.json", "AppServicePlans.json"]) {
    for (const [template, item] of Object.entries(load(file).paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        rows.push([method.toUpperCase(), template, op.operationId]);
      }
    }
  }
  return rows;
}

/** The text of src/generated/webSpec.ts. */
export function renderWebSpec() {
  const { roots, definitions } = collect();
  const data = {
    apiVersion: load("WebApps.json").info.version,
    roots,
    definitions,
    operations: operations(),
  };
  const header = [
    "// Generated by tools/arm-emulator/scripts/generateWebSpec.mjs (via generateSchemas.mjs) from tools/specs:",
    ...WEB_SPEC_FILES.map((p) => `//   ${p}`),
    "// Do not edit by hand: run `pnpm --filter arm-emulator run generate`.",
    "",
  ].join("\n");
  const json = JSON.stringify(data, null, 1);
  // Kept as text and parsed on first use (src/webSchemas.ts): a 150 kB object literal would cost
  // every emulator start its parse time, Microsoft.Web used or not.
  if (json.includes("`") || json.includes("${")) throw new Error("webSpec JSON cannot be a template literal");
  return `${header}\n/** Microsoft.Web spec data as JSON (a WebSpecData): named request-body schemas and every operation's route. */\nexport const webSpecJson = String.raw\`${json}\`;\n`;
}
