import type { Compile, CompiledSchema } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import { closestName } from "./editDistance.js";
import type { ObjectSchema, PolymorphicSchema, Schema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";
import { setOwn } from "./setOwn.js";

interface CompiledProperty {
  readonly name: string;
  readonly wirePath: readonly string[];
  readonly wireName: string;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly nullable: boolean;
  readonly node: CompiledSchema;
}

/** @internal Whether a value can be read as an object with named properties. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}

function wirePathOf(name: string, schema: Schema): readonly string[] {
  const wire = schema.wireName;
  if (wire === undefined) return [name];
  return typeof wire === "string" ? [wire] : wire.length > 0 ? wire : [name];
}

/**
 * @internal Fills `node` with the walkers of an object schema. The node is registered in the cache
 * before its properties compile, so recursive models (an error's `details: ErrorDetail[]`) terminate.
 */
export function compileObject(schema: ObjectSchema, node: CompiledSchema, compile: Compile): void {
  let props: CompiledProperty[] | undefined;
  let knownNames: Set<string>;
  let knownWire: Set<string>;
  let nameList: string[];
  const extra = schema.additionalProperties;
  let extraNode: CompiledSchema | undefined;

  // Properties compile on first use: a model may reference itself or a model defined after it.
  const ready = (): CompiledProperty[] => {
    if (props) return props;
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
    return props;
  };

  const ser = (value: unknown, ctx: SerdeContext): unknown => {
    if (value === null && schema.nullable) return null;
    if (!isRecord(value)) return ctx.fail(node.expected(), describeValue(value));
    const list = ready();
    const out: Record<string, unknown> = {};
    for (const p of list) {
      const v = value[p.name];
      if (v === undefined) {
        if (p.required && !p.readOnly)
          ctx.fail(p.node.expected(), "nothing (a required property)", undefined, p.name);
        continue;
      }
      if (p.readOnly) continue;
      let w: unknown;
      if (v === null) {
        if (!p.nullable) {
          ctx.fail(p.node.expected(), "null", undefined, p.name);
          continue;
        }
        w = null;
      } else {
        ctx.segments.push(p.name);
        w = p.node.ser(v, ctx);
        ctx.segments.pop();
      }
      const path = p.wirePath;
      if (path.length === 1) {
        out[p.wireName] = w;
      } else {
        let target = out;
        for (let i = 0; i < path.length - 1; i++) {
          const key = path[i]!;
          let next = target[key] as Record<string, unknown> | undefined;
          if (next === undefined) {
            next = {};
            target[key] = next;
          }
          target = next;
        }
        target[path[path.length - 1]!] = w;
      }
    }
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
    return out;
  };

  const de = (wire: unknown, ctx: SerdeContext): unknown => {
    if (wire === null) return null;
    if (!isRecord(wire)) return ctx.fail(node.expected(), describeValue(wire));
    const list = ready();
    const out: Record<string, unknown> = {};
    for (const p of list) {
      const path = p.wirePath;
      let w: unknown = wire[p.wireName];
      for (let i = 1; i < path.length && w !== undefined; i++) {
        w = isRecord(w) ? w[path[i]!] : undefined;
      }
      if (w === undefined) continue;
      if (w === null) {
        // A service may send null for any optional property; only nullable ones keep it.
        if (p.nullable) out[p.name] = null;
        continue;
      }
      if (path.length === 1) {
        ctx.segments.push(p.wireName);
        out[p.name] = p.node.de(w, ctx);
        ctx.segments.pop();
      } else {
        for (const segment of path) ctx.segments.push(segment);
        out[p.name] = p.node.de(w, ctx);
        ctx.segments.length -= path.length;
      }
    }
    if (extra) {
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
    }
    return out;
  };

  Object.assign(node, { ser, de });
}

/** @internal Fills `node` with the walkers of a polymorphic schema (dispatch on the discriminator). */
export function compilePolymorphic(schema: PolymorphicSchema, node: CompiledSchema, compile: Compile): void {
  const disc = schema.discriminator;
  const values = Object.keys(schema.subtypes);
  let byValue: Map<string, CompiledSchema> | undefined;
  let baseNode: CompiledSchema | undefined;

  // Each subtype gains the discriminator as a required property, so it is validated and written first.
  const withDiscriminator = (sub: ObjectSchema, value: string | undefined): ObjectSchema => {
    if (sub.properties[disc]) return sub;
    const discSchema: Schema =
      value === undefined
        ? { type: "string", required: true }
        : { type: "string", enum: [value], required: true };
    return { ...sub, properties: { [disc]: discSchema, ...sub.properties } };
  };
  const ready = (): Map<string, CompiledSchema> => {
    if (byValue) return byValue;
    byValue = new Map(values.map((v) => [v, compile(withDiscriminator(schema.subtypes[v]!, v))]));
    if (schema.base) baseNode = compile(withDiscriminator(schema.base, undefined));
    return byValue;
  };
  const expectedKinds = (): string => `one of ${values.map((v) => JSON.stringify(v)).join(" | ")}`;

  const ser = (value: unknown, ctx: SerdeContext): unknown => {
    if (value === null && schema.nullable) return null;
    if (!isRecord(value)) return ctx.fail(node.expected(), describeValue(value));
    const kind = value[disc];
    const sub = typeof kind === "string" ? (ready().get(kind) ?? baseNode) : undefined;
    if (!sub) {
      return ctx.fail(expectedKinds(), describeValue(kind), undefined, disc);
    }
    return sub.ser(value, ctx);
  };

  const de = (wire: unknown, ctx: SerdeContext): unknown => {
    if (wire === null) return null;
    if (!isRecord(wire)) return ctx.fail(node.expected(), describeValue(wire));
    const kind = wire[disc];
    const sub = typeof kind === "string" ? (ready().get(kind) ?? baseNode) : baseNode;
    // A kind this client does not know yet (and no base to read it with) is kept as sent.
    return sub ? sub.de(wire, ctx) : { ...wire };
  };

  Object.assign(node, { ser, de });
}
