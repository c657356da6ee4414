import type { CompiledProperty, CompiledSchema, Walkers } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import { isRecord } from "./isRecord.js";
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

function deProperty(p: CompiledProperty, i: number): string {
  const path = p.wirePath.map(lit);
  const read = [`w = wire[${path[0]}];`];
  for (let k = 1; k < path.length; k++)
    read.push(`if (w !== undefined) w = isRecord(w) ? w[${path[k]}] : undefined;`);
  const leave = path.length === 1 ? "ctx.segments.pop();" : `ctx.segments.length -= ${path.length};`;
  return `${read.join(" ")}
    if (w !== undefined) {
      if (w === null) { ${p.nullable ? `out[${lit(p.name)}] = null;` : ""} }
      else { ctx.segments.push(${path.join(", ")}); out[${lit(p.name)}] = n${i}.de(w, ctx); ${leave} }
    }`;
}

/**
 * @internal Walkers written out for one object schema: property names become constant keys, so each
 * read and write site sees one object shape and stays fast (a generic loop over `value[p.name]` sees
 * every model's shape). Returns undefined where code generation is not allowed (for instance under
 * `--disallow-code-generation-from-strings`) or a name could not be a plain key; the caller then
 * keeps the generic walkers, which behave the same.
 */
export function generateObjectWalkers(
  props: readonly CompiledProperty[],
  shared: ObjectWalkerShared,
): Walkers | undefined {
  if (props.some((p) => p.name === "__proto__" || p.wirePath.includes("__proto__"))) return undefined;
  const nodes = props.map((_, i) => `const n${i} = nodes[${i}];`).join("\n");
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
function de(wire, ctx) {
  if (wire === null) return null;
  if (!isRecord(wire)) return ctx.fail(self.expected(), describeValue(wire));
  const out = {};
  let w;
  ${props.map(deProperty).join("\n  ")}
  ${shared.readsExtra ? "shared.extraDe(wire, out, ctx);" : ""}
  return out;
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
