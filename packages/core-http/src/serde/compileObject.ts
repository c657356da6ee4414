import type { Compile, CompiledProperty, CompiledSchema, Walkers } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import { closestName } from "./editDistance.js";
import { isRecord } from "./isRecord.js";
import { generateObjectWalkers } from "./objectWalkerCode.js";
import type { ObjectSchema, Schema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";
import { setOwn } from "./setOwn.js";

function wirePathOf(name: string, schema: Schema): readonly string[] {
  const wire = schema.wireName;
  if (wire === undefined) return [name];
  return typeof wire === "string" ? [wire] : wire.length > 0 ? wire : [name];
}

/**
 * @internal Fills `node` with the walkers of an object schema. Properties compile on first use (the
 * node is cached before, so recursive models such as an error's `details: ErrorDetail[]` terminate);
 * then walkers generated for this schema replace the generic ones, when the runtime allows code
 * generation.
 */
export function compileObject(schema: ObjectSchema, node: CompiledSchema, compile: Compile): void {
  const extra = schema.additionalProperties;
  let props: CompiledProperty[] = [];
  let knownNames = new Set<string>();
  let knownWire = new Set<string>();
  let nameList: string[] = [];
  let extraNode: CompiledSchema | undefined;

  // Own keys that are not properties: kept (open), converted (schema) or reported (closed).
  const extraSer = (
    value: Record<string, unknown>,
    out: Record<string, unknown>,
    ctx: SerdeContext,
  ): void => {
    for (const key of Object.keys(value)) {
      if (knownNames.has(key)) continue;
      const v = value[key];
      if (v === undefined) continue;
      if (extra === true) setOwn(out, key, v);
      else if (extraNode) {
        ctx.segments.push(key);
        setOwn(out, key, extraNode.ser(v, ctx));
        ctx.segments.pop();
      } else {
        const suggestion = closestName(key, nameList);
        ctx.fail(
          `one of the properties of ${schema.name ?? "this object"} (${nameList.join(", ")})`,
          `the unknown property ${JSON.stringify(key)}`,
          suggestion === undefined ? undefined : `did you mean ${JSON.stringify(suggestion)}?`,
          key,
        );
      }
    }
  };

  const extraDe = (wire: Record<string, unknown>, out: Record<string, unknown>, ctx: SerdeContext): void => {
    for (const key of Object.keys(wire)) {
      if (knownWire.has(key)) continue;
      if (extraNode) {
        ctx.segments.push(key);
        setOwn(out, key, extraNode.de(wire[key], ctx));
        ctx.segments.pop();
      } else {
        setOwn(out, key, wire[key]);
      }
    }
  };

  const genericSer = (value: unknown, ctx: SerdeContext): unknown => {
    if (value === null && schema.nullable) return null;
    if (!isRecord(value)) return ctx.fail(node.expected(), describeValue(value));
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const v = value[p.name];
      if (v === undefined) {
        if (p.required && !p.readOnly)
          ctx.fail(p.node.expected(), "nothing (a required property)", undefined, p.name);
        continue;
      }
      if (p.readOnly) continue;
      let w: unknown = null;
      if (v === null) {
        if (!p.nullable) {
          ctx.fail(p.node.expected(), "null", undefined, p.name);
          continue;
        }
      } else {
        ctx.segments.push(p.name);
        w = p.node.ser(v, ctx);
        ctx.segments.pop();
      }
      let target = out;
      const path = p.wirePath;
      for (let i = 0; i < path.length - 1; i++) {
        let next = target[path[i]!] as Record<string, unknown> | undefined;
        if (next === undefined) {
          next = {};
          setOwn(target, path[i]!, next);
        }
        target = next;
      }
      setOwn(target, path[path.length - 1]!, w);
    }
    extraSer(value, out, ctx);
    return out;
  };

  const genericDe = (wire: unknown, ctx: SerdeContext): unknown => {
    if (wire === null) return null;
    if (!isRecord(wire)) return ctx.fail(node.expected(), describeValue(wire));
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const path = p.wirePath;
      let w: unknown = wire[p.wireName];
      for (let i = 1; i < path.length && w !== undefined; i++) {
        w = isRecord(w) ? w[path[i]!] : undefined;
      }
      if (w === undefined) continue;
      if (w === null) {
        // A service may send null for any optional property; only nullable ones keep it.
        if (p.nullable) setOwn(out, p.name, null);
        continue;
      }
      for (const segment of path) ctx.segments.push(segment);
      setOwn(out, p.name, p.node.de(w, ctx));
      // Pops rather than `length -=`: shrinking through the length setter is a runtime call.
      for (let i = 0; i < path.length; i++) ctx.segments.pop();
    }
    if (extra) extraDe(wire, out, ctx);
    return out;
  };

  const compileProperties = (): Walkers => {
    props = Object.entries(schema.properties).map(([name, p]) => {
      const wirePath = wirePathOf(name, p);
      return {
        name,
        wirePath,
        wireName: wirePath[0]!,
        required: p.required === true,
        readOnly: p.readOnly === true,
        // `any` covers null as it covers every JSON value.
        nullable: p.nullable === true || p.type === "any",
        node: compile(p),
      };
    });
    nameList = props.map((p) => p.name);
    knownNames = new Set(nameList);
    knownWire = new Set(props.map((p) => p.wireName));
    if (typeof extra === "object") extraNode = compile(extra);
    const generated = generateObjectWalkers(props, {
      node,
      nullable: schema.nullable === true,
      readsExtra: extra !== undefined && extra !== false,
      extraSer,
      extraDe,
    });
    return generated ?? { ser: genericSer, de: genericDe };
  };

  const first =
    (direction: "ser" | "de") =>
    (value: unknown, ctx: SerdeContext): unknown => {
      Object.assign(node, compileProperties());
      return node[direction](value, ctx);
    };
  Object.assign(node, { ser: first("ser"), de: first("de") });
}
