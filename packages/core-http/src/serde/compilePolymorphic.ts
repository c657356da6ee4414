import type { Compile, CompiledSchema } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import { isRecord } from "./isRecord.js";
import type { ObjectSchema, PolymorphicSchema, Schema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";

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
