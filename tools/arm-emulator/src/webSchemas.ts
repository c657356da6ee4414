import { webSpecJson } from "./generated/webSpec.js";
import type { Schema } from "./validation.js";

/** A generated schema node: the validation vocabulary plus `$ref` links and `allOf` parents. */
export interface WebSchemaNode {
  $ref?: string;
  allOf?: WebSchemaNode[];
  type?: string;
  properties?: Record<string, WebSchemaNode>;
  required?: string[];
  enum?: unknown[];
  items?: WebSchemaNode;
  additionalProperties?: WebSchemaNode;
  readOnly?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The shape of src/generated/webSpec.ts. */
export interface WebSpecData {
  apiVersion: string;
  /** Emulator name of a request body -> definition name. */
  roots: Record<string, string>;
  definitions: Record<string, WebSchemaNode>;
  /** Every operation of WebApps.json and AppServicePlans.json: [METHOD, path template, operationId]. */
  operations: Array<[string, string, string]>;
}

/**
 * Turns the named definitions into plain {@link Schema} objects: `$ref` becomes the definition
 * itself (shared, possibly cyclic: validation walks the value, so it stops where the value does),
 * `allOf` parents are merged in.
 */
function link(definitions: Record<string, WebSchemaNode>): Record<string, Schema> {
  const linked: Record<string, Schema> = {};
  const resolveNode = (node: WebSchemaNode): Schema => {
    if (node.$ref !== undefined) {
      const target = definitionSchema(node.$ref);
      return node.readOnly ? { ...target, readOnly: true } : target;
    }
    const out: Schema = {};
    fill(out, node);
    return out;
  };
  const fill = (out: Schema, node: WebSchemaNode) => {
    const properties: Record<string, Schema> = {};
    const required = new Set<string>();
    for (const parent of node.allOf ?? []) {
      const p = resolveNode(parent);
      Object.assign(properties, p.properties ?? {});
      for (const r of p.required ?? []) required.add(r);
      if (p.type && !out.type) out.type = p.type;
    }
    for (const [name, prop] of Object.entries(node.properties ?? {})) properties[name] = resolveNode(prop);
    for (const r of node.required ?? []) required.add(r);
    if (node.type) out.type = node.type;
    if (Object.keys(properties).length > 0) {
      out.type ??= "object";
      out.properties = properties;
    }
    if (required.size > 0) out.required = [...required];
    if (node.readOnly) out.readOnly = true;
    if (node.enum) out.enum = node.enum;
    for (const k of ["format", "pattern", "minLength", "maxLength", "minimum", "maximum"] as const) {
      if (node[k] !== undefined) (out as Record<string, unknown>)[k] = node[k];
    }
    if (node.items) out.items = resolveNode(node.items);
    if (node.additionalProperties) out.additionalProperties = resolveNode(node.additionalProperties);
  };
  const definitionSchema = (name: string): Schema => {
    const existing = linked[name];
    if (existing) return existing;
    const node = definitions[name];
    if (!node) throw new Error(`webSpec: no definition ${name}`);
    // Registered before filling, so a cycle links back to this very object.
    const out: Schema = {};
    linked[name] = out;
    fill(out, node);
    return out;
  };
  for (const name of Object.keys(definitions)) definitionSchema(name);
  return linked;
}

let spec: WebSpecData | undefined;
let cache: Record<string, Schema> | undefined;

/** The generated spec data, parsed on first use. */
export function webSpec(): WebSpecData {
  spec ??= JSON.parse(webSpecJson) as WebSpecData;
  return spec;
}

/** The request-body schema the spec gives an operation's body (by the emulator's name for it). */
export function webSchema(root: string): Schema {
  cache ??= link(webSpec().definitions);
  const name = webSpec().roots[root];
  const schema = name === undefined ? undefined : cache[name];
  if (!schema) throw new Error(`webSpec: no request schema ${root}`);
  return schema;
}

/**
 * The spec's operationId for a Microsoft.Web request (method and path), if the spec has one; the
 * template with the most literal segments wins (`config/web` over `config/{name}`).
 */
export function webOperationId(method: string, pathname: string): string | undefined {
  const segs = pathname.split("/").filter(Boolean);
  let best: { id: string; literals: number } | undefined;
  for (const [m, template, id] of webSpec().operations) {
    if (m !== method) continue;
    const parts = template.split("/").filter(Boolean);
    if (parts.length !== segs.length) continue;
    let literals = 0;
    const matches = parts.every((p, i) => {
      if (p.startsWith("{")) return true;
      literals += 1;
      return p.toLowerCase() === segs[i]!.toLowerCase();
    });
    if (matches && (!best || literals > best.literals)) best = { id, literals };
  }
  return best?.id;
}
