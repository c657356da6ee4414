import { API_VERSIONS } from "./apiVersions.js";
import { ArmError, resourceGroupNotFound } from "./armError.js";
import { type ArmRequest, type ArmResponse, bodyObject, retryAfter, startOperation } from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { methodNotAllowed, operationResultUrl, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceGroupRecord, ResourceRecord } from "./store.js";
import { assertValid } from "./validation.js";

/** POST actions on a group: exportTemplate, moveResources, validateMoveResources (all LROs, 202 + Location). */
export function handleGroupAction(r: ArmRequest, sub: string, rg: string, action: string): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  const group = requireWritableGroup(r, sub, rg);
  switch (action) {
    case "exporttemplate":
      return exportTemplate(r, sub, group);
    case "moveresources":
      return moveResources(r, sub, group, true);
    default:
      return moveResources(r, sub, group, false);
  }
}

function accepted(
  r: ArmRequest,
  sub: string,
  opId: string,
  kind: string,
  group: ResourceGroupRecord,
): ArmResponse {
  return {
    status: 202,
    headers: { Location: operationResultUrl(r, sub, opId, kind, group), ...retryAfter(r.ctx) },
  };
}

// ---------------------------------------------------------------------------------------------------
// Resource moves

function invalidMove(message: string): ArmError {
  return new ArmError(400, "InvalidResourceMoveRequest", message, { origin: "gateway" });
}

function parseTargetGroup(r: ArmRequest, sub: string, text: string): ResourceGroupRecord {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/?$/i.exec(text);
  if (!m) {
    throw invalidMove(
      `The target resource group '${text}' is not a valid resource group id ('/subscriptions/{subscriptionId}/resourceGroups/{name}').`,
    );
  }
  if (m[1]!.toLowerCase() !== sub.toLowerCase()) {
    throw new ArmError(404, "SubscriptionNotFound", `The subscription '${m[1]}' could not be found.`, {
      origin: "gateway",
    });
  }
  const target = r.ctx.store.getGroup(sub, m[2]!);
  if (!target) throw resourceGroupNotFound(m[2]!);
  return target;
}

/** What is wrong with moving `ids` from `source` to `target`, if anything (checked when the job runs). */
function moveProblems(
  r: ArmRequest,
  source: ResourceGroupRecord,
  target: ResourceGroupRecord,
  ids: string[],
) {
  const { store } = r.ctx;
  const problems: Array<{ code: string; target: string; message: string }> = [];
  for (const id of ids) {
    const record = store.getResource(id);
    if (!record || record.resourceGroup.toLowerCase() !== source.name.toLowerCase()) {
      problems.push({
        code: "ResourceNotFound",
        target: id,
        message: `The resource '${id}' was not found in resource group '${source.name}'.`,
      });
      continue;
    }
    if (record.id.split("/").length > 9) {
      problems.push({
        code: "CannotMoveResource",
        target: id,
        message: `The resource '${id}' is a child resource: move its top-level parent instead.`,
      });
      continue;
    }
    if (store.getResource(movedId(record.id, target.name))) {
      problems.push({
        code: "ResourceExistsInTargetResourceGroup",
        target: id,
        message: `A resource named '${record.name}' of type '${record.type}' already exists in resource group '${target.name}'.`,
      });
    }
  }
  return problems;
}

function movedId(id: string, targetGroup: string): string {
  return id.replace(/^(\/subscriptions\/[^/]+\/resourceGroups\/)[^/]+/i, `$1${targetGroup}`);
}

function moveResources(r: ArmRequest, sub: string, source: ResourceGroupRecord, apply: boolean): ArmResponse {
  assertValid(specData.schemas.ResourcesMoveInfo, r.body);
  const body = bodyObject(r.body);
  const ids = Array.isArray(body.resources) ? (body.resources as string[]) : [];
  if (ids.length === 0) throw invalidMove("The request must name at least one resource in 'resources'.");
  if (typeof body.targetResourceGroup !== "string") {
    throw invalidMove("The request must name the target resource group in 'targetResourceGroup'.");
  }
  const target = parseTargetGroup(r, sub, body.targetResourceGroup);
  if (target.name.toLowerCase() === source.name.toLowerCase()) {
    throw invalidMove(`The source and target resource groups are the same: '${source.name}'.`);
  }
  if (target.provisioningState === "Deleting") requireWritableGroup(r, sub, target.name);
  const kind = apply ? "RESOURCEMOVEJOB" : "RESOURCEMOVEVALIDATIONJOB";
  const problems = moveProblems(r, source, target, ids);
  const { store } = r.ctx;
  const complete = () => {
    if (!apply) return;
    for (const id of ids) {
      const prefix = `${id.toLowerCase()}/`;
      const moving = store
        .resourcesIn(sub, source.name)
        .filter(
          (res: ResourceRecord) =>
            res.id.toLowerCase() === id.toLowerCase() || res.id.toLowerCase().startsWith(prefix),
        );
      for (const res of moving) {
        store.resources.delete(res.id.toLowerCase());
        res.id = movedId(res.id, target.name);
        res.resourceGroup = target.name;
        store.resources.set(res.id.toLowerCase(), res);
      }
    }
    store.changed();
  };
  const failed = {
    code: "ResourceMoveValidationFailed",
    message: `The resource move validation failed: ${problems.map((p) => p.message).join(" ")}`,
  };
  const op =
    problems.length > 0
      ? r.ctx.operations.start(sub, complete, { error: failed, fail: () => {} })
      : startOperation(r, sub, complete, {
          error: { code: "ResourceMoveFailed", message: "The resource move failed (injected lroFailure)." },
          fail: () => {},
        });
  op.resultStatus = 204;
  return accepted(r, sub, op.id, kind, source);
}

// ---------------------------------------------------------------------------------------------------
// Template export

function apiVersionFor(r: ArmRequest, type: string): string {
  const lower = type.toLowerCase();
  if (lower.startsWith("microsoft.keyvault/")) return specData.apiVersions.keyvault;
  if (lower.startsWith("microsoft.web/")) return API_VERSIONS.web[0];
  const seen = [...(r.ctx.seenApiVersions.get(type) ?? [])].sort();
  return seen[seen.length - 1] ?? "2015-01-01";
}

function parameterName(record: ResourceRecord): string {
  const lastType = record.type.split("/").pop()!;
  return `${lastType}_${record.name}_name`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** The template resource ARM exports for a record (read-only state such as provisioningState left out). */
function templateResource(r: ArmRequest, record: ResourceRecord, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = { type: record.type, apiVersion: apiVersionFor(r, record.type), name };
  if (record.location) out.location = record.location;
  for (const k of ["kind", "sku", "identity", "plan"])
    if (record.body[k] !== undefined) out[k] = record.body[k];
  if (record.tags) out.tags = record.tags;
  if (record.body.properties !== undefined) {
    const { provisioningState: _state, ...properties } = bodyObject(record.body.properties);
    out.properties = properties;
  }
  return out;
}

function exportTemplate(r: ArmRequest, sub: string, group: ResourceGroupRecord): ArmResponse {
  assertValid(specData.schemas.ExportTemplateRequest, r.body);
  const body = bodyObject(r.body);
  const wanted = Array.isArray(body.resources) ? (body.resources as string[]) : [];
  const options = new Set(
    String(body.options ?? "")
      .split(",")
      .map((o) => o.trim().toLowerCase())
      .filter(Boolean),
  );
  const format = String(body.outputFormat ?? "Json").toLowerCase();
  if (format !== "json" && format !== "bicep") {
    throw new ArmError(
      400,
      "InvalidRequestContent",
      `The outputFormat '${body.outputFormat}' is not supported: use 'Json' or 'Bicep'.`,
    );
  }
  const inGroup = r.ctx.store.resourcesIn(sub, group.name).sort((a, b) => (a.id < b.id ? -1 : 1));
  const everything = wanted.includes("*");
  const chosen = everything
    ? inGroup
    : inGroup.filter((res) => wanted.some((id) => id.toLowerCase() === res.id.toLowerCase()));
  const missing = everything
    ? []
    : wanted.filter((id) => !inGroup.some((res) => res.id.toLowerCase() === id.toLowerCase()));
  const parameterize =
    !options.has("skipresourcenameparameterization") && !options.has("skipallparameterization");
  const withDefaults = options.has("includeparameterdefaultvalue");
  const parameters: Record<string, Record<string, unknown>> = {};
  const resources = chosen.map((record) => {
    if (!parameterize || record.id.split("/").length > 9) return templateResource(r, record, record.name);
    const param = parameterName(record);
    parameters[param] = withDefaults ? { defaultValue: record.name, type: "String" } : { type: "String" };
    return templateResource(r, record, `[parameters('${param}')]`);
  });
  const result: Record<string, unknown> =
    format === "bicep"
      ? { output: toBicep(resources, parameters) }
      : {
          template: {
            $schema: "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
            contentVersion: "1.0.0.0",
            parameters,
            variables: {},
            resources,
          },
        };
  if (missing.length > 0) {
    result.error = {
      code: "ExportTemplateCompletedWithErrors",
      message: "Export template operation completed with errors. Some resources were not exported.",
      details: missing.map((id) => ({
        code: "ResourceNotFound",
        target: id,
        message: `The resource '${id}' was not found in resource group '${group.name}'.`,
      })),
    };
  }
  const op = startOperation(r, sub, () => {}, {
    error: { code: "ExportTemplateFailed", message: "Exporting the template failed (injected lroFailure)." },
    fail: () => {},
  });
  op.result = result;
  return accepted(r, sub, op.id, "EXPORTTEMPLATEJOB", group);
}

function bicepValue(value: unknown, indent: string): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${bicepValue(v, inner)}`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `'${k}'`);
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${bicepValue(v, inner)}`).join("\n")}\n${indent}}`;
}

/** The same export as Bicep: a `param` per parameterized name, a `resource` per resource. */
function toBicep(
  resources: Array<Record<string, unknown>>,
  parameters: Record<string, Record<string, unknown>>,
): string {
  const lines: string[] = [];
  for (const [name, p] of Object.entries(parameters)) {
    lines.push(
      p.defaultValue === undefined
        ? `param ${name} string`
        : `param ${name} string = ${bicepValue(p.defaultValue, "")}`,
    );
  }
  for (const res of resources) {
    const { type, apiVersion, name, ...rest } = res;
    const param = /^\[parameters\('(.+)'\)\]$/.exec(String(name))?.[1];
    const symbol = `${param ?? String(name).replace(/[^A-Za-z0-9_]/g, "_")}_resource`;
    // A parameterized name is the parameter itself (an identifier), not a string literal.
    const body = param
      ? bicepValue(rest, "").replace(/^\{\n?/, `{\n  name: ${param}\n`)
      : bicepValue({ name, ...rest }, "");
    lines.push("", `resource ${symbol} '${type}@${apiVersion}' = ${body}`);
  }
  return `${lines.join("\n")}\n`;
}
