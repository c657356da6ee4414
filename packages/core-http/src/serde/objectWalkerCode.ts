import type { CompiledProperty, CompiledSchema, Walkers } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import { isRecord } from "./isRecord.js";
import { passThroughWireType } from "./scalarWalkers.js";
import type { SerdeContext } from "./serdeContext.js";

/** @internal What generated walkers share with the generic ones of the same object schema. */
export interface ObjectWalkerShared {
  readonly node: CompiledSchema;
  readonly nullable: boolean;
  /** Whether deserialization keeps unknown wire properties (open models). */
  readonly readsExtra: boolean;
  extraSer(value: Record<string, unknown>, out: Record<string, unknown>, ctx: SerdeContext): void;
  extraDe(wire: Record<string, unknown>, out: Record<string, unknown>, ctx: SerdeContext): void;
}

const lit = (text: string): string => JSON.stringify(text);

function serProperty(p: CompiledProperty, i: number): string {
  const name = lit(p.name);
  const write = (expr: string): string => {
    const path = p.wirePath.map(lit);
    if (path.length === 1) return `out[${path[0]}] = ${expr};`;
    const steps = [`let t0 = out[${path[0]}]; if (t0 === undefined) { t0 = {}; out[${path[0]}] = t0; }`];
    for (let k = 1; k < path.length - 1; k++) {
      steps.push(
        `let t${k} = t${k - 1}[${path[k]}]; if (t${k} === undefined) { t${k} = {}; t${k - 1}[${path[k]}] = t${k}; }`,
      );
    }
    steps.push(`t${path.length - 2}[${path[path.length - 1]}] = ${expr};`);
    return `{ ${steps.join(" ")} }`;
  };
  const present = p.readOnly
    ? ""
    : `if (v === null) { ${p.nullable ? write("null") : `ctx.fail(n${i}.expected(), "null", undefined, ${name});`} }
      else { ctx.segments.push(${name}); w = n${i}.ser(v, ctx); ctx.segments.pop(); ${write("w")} }`;
  const absent =
    p.required && !p.readOnly
      ? ` else { ctx.fail(n${i}.expected(), "nothing (a required property)", undefined, ${name}); }`
      : "";
  return `v = value[${name}];
    if (v !== undefined) { seen++; ${present} }${absent}`;
}

/** The inline test of a wire value the property's walker would return unchanged, or undefined. */
function passThroughTest(p: CompiledProperty): string | undefined {
  switch (passThroughWireType(p.node.schema)) {
    case "string":
      return `typeof w === "string"`;
    case "boolean":
      return `typeof w === "boolean"`;
    case "number":
      return `typeof w === "number" && Number.isFinite(w)`;
    case "any":
      return "true";
    default:
      return undefined;
  }
}

/**
 * The locals holding the wire objects flattened properties are read from (`properties` of an ARM
 * resource, read once per object instead of once per property); a step that is not an object reads
 * as undefined, as the generic walker has it. Returns the declarations and each prefix's local.
 */
function wirePrefixLocals(props: readonly CompiledProperty[]): { code: string; local: Map<string, string> } {
  const local = new Map<string, string>();
  const lines: string[] = [];
  for (const p of props) {
    for (let k = 1; k < p.wirePath.length; k++) {
      const key = JSON.stringify(p.wirePath.slice(0, k));
      if (local.has(key)) continue;
      const name = `g${local.size}`;
      const from = k === 1 ? "wire" : local.get(JSON.stringify(p.wirePath.slice(0, k - 1)));
      const read =
        k === 1
          ? `wire[${lit(p.wirePath[0]!)}]`
          : `${from} === undefined ? undefined : ${from}[${lit(p.wirePath[k - 1]!)}]`;
      lines.push(
        `let ${name} = ${read}; if (${name} !== undefined && !isRecord(${name})) ${name} = undefined;`,
      );
      local.set(key, name);
    }
  }
  return { code: lines.join("\n  "), local };
}

function deProperty(p: CompiledProperty, i: number, prefixes: Map<string, string>): string {
  const path = p.wirePath.map(lit);
  const last = path[path.length - 1]!;
  const parent = path.length === 1 ? undefined : prefixes.get(JSON.stringify(p.wirePath.slice(0, -1)));
  const read =
    parent === undefined
      ? `w = wire[${last}];`
      : `w = ${parent} === undefined ? undefined : ${parent}[${last}];`;
  // The path is pushed only where a walker runs: values passed through as they are cannot fail, and
  // a refused one goes to the walker, which records the problem at the path.
  let leave = "";
  for (let k = 0; k < path.length; k++) leave += "ctx.segments.pop(); ";
  const walk = `ctx.segments.push(${path.join(", ")}); this[${lit(p.name)}] = n${i}.de(w, ctx); ${leave}`;
  const test = passThroughTest(p);
  const convert = test === undefined ? walk : `if (${test}) this[${lit(p.name)}] = w; else { ${walk}}`;
  return `${read}
    if (w !== undefined) {
      if (w === null) { ${p.nullable ? `this[${lit(p.name)}] = null;` : ""} }
      else { ${convert} }
    }`;
}

/**
 * @internal Walkers written out for one object schema: property names become constant keys, so each
 * read and write site sees one object shape and stays fast (a generic loop over `value[p.name]` sees
 * every model's shape). Deserialized objects are built by a generated constructor whose prototype is
 * `Object.prototype` (so they are plain objects, as `{}` would be): V8 sizes a constructor's objects
 * for the properties it assigns, where an object literal starts with four slots and reallocates
 * its property store every few additions (a web app has ~70 properties; deserializing a page of 50
 * took ~20% less CPU). Returns undefined where code generation is not allowed (for instance under
 * `--disallow-code-generation-from-strings`) or a name could not be a plain key; the caller then
 * keeps the generic walkers, which behave the same.
 */
export function generateObjectWalkers(
  props: readonly CompiledProperty[],
  shared: ObjectWalkerShared,
): Walkers | undefined {
  if (props.some((p) => p.name === "__proto__" || p.wirePath.includes("__proto__"))) return undefined;
  const nodes = props.map((_, i) => `const n${i} = nodes[${i}];`).join("\n");
  const prefixes = wirePrefixLocals(props);
  const source = `"use strict";
${nodes}
const self = shared.node;
function ser(value, ctx) {
  ${shared.nullable ? "if (value === null) return null;" : ""}
  if (!isRecord(value)) return ctx.fail(self.expected(), describeValue(value));
  const out = {};
  let seen = 0;
  let v;
  let w;
  ${props.map(serProperty).join("\n  ")}
  if (Object.keys(value).length !== seen) shared.extraSer(value, out, ctx);
  return out;
}
function Deserialized(wire, ctx) {
  let w;
  ${prefixes.code}
  ${props.map((p, i) => deProperty(p, i, prefixes.local)).join("\n  ")}
  ${shared.readsExtra ? "shared.extraDe(wire, this, ctx);" : ""}
}
Deserialized.prototype = Object.prototype;
function de(wire, ctx) {
  if (wire === null) return null;
  if (!isRecord(wire)) return ctx.fail(self.expected(), describeValue(wire));
  return new Deserialized(wire, ctx);
}
return { ser, de };`;
  try {
    const factory = new Function("nodes", "shared", "isRecord", "describeValue", source) as (
      nodes: readonly CompiledSchema[],
      shared: ObjectWalkerShared,
      isRecordFn: typeof isRecord,
      describeValueFn: typeof describeValue,
    ) => Walkers;
    return factory(
      props.map((p) => p.node),
      shared,
      isRecord,
      describeValue,
    );
  } catch {
    return undefined;
  }
}
