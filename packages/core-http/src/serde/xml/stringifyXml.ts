import { isRecord } from "../isRecord.js";
import type { InferInput } from "../inferType.js";
import type { ObjectSchema, Schema } from "../schema.js";
import { serialize } from "../serialize.js";
import { writeXmlTree } from "./writeXmlTree.js";
import { ATTRIBUTES, TEXT, xmlProperties } from "./xmlNames.js";
import { setOwn } from "../setOwn.js";

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

function getAt(source: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = source;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function objectFromWire(schema: ObjectSchema, wire: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const p of xmlProperties(schema.properties)) {
    known.add(p.wirePath[0]!);
    const value = getAt(wire, p.wirePath);
    if (value === undefined) continue;
    let target = out;
    for (let i = 0; i < p.wirePath.length - 1; i++) {
      const key = p.wirePath[i]!;
      if (!isRecord(target[key])) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    if (p.attribute) {
      if (!isRecord(target[ATTRIBUTES])) target[ATTRIBUTES] = {};
      (target[ATTRIBUTES] as Record<string, unknown>)[p.xmlName] = text(value);
    } else if (p.text) {
      target[TEXT] = text(value);
    } else if (p.schema.type === "array" && Array.isArray(value)) {
      const items = value.map((item) => fromWire((p.schema as { items: Schema }).items, item));
      if (p.wrapped) target[p.xmlName] = { [p.itemName]: items };
      else target[p.itemName] = items;
    } else {
      target[p.xmlName] = fromWire(p.schema, value);
    }
  }
  if (schema.additionalProperties) {
    for (const key of Object.keys(wire)) if (!known.has(key)) setOwn(out, key, wire[key]);
  }
  return out;
}

/** @internal Turns wire JSON (from `serialize`) into the node tree writeXmlTree writes. */
export function fromWire(schema: Schema, wire: unknown): unknown {
  if (wire === null || wire === undefined) return "";
  switch (schema.type) {
    case "object":
      return isRecord(wire) ? objectFromWire(schema, wire) : text(wire);
    case "polymorphic": {
      if (!isRecord(wire)) return text(wire);
      const kind = wire[schema.discriminator];
      const sub = (typeof kind === "string" ? schema.subtypes[kind] : undefined) ?? schema.base;
      const content = sub ? objectFromWire(sub, wire) : { ...wire };
      return { [schema.discriminator]: text(kind), ...content };
    }
    case "array": {
      const itemName = schema.xml?.itemName ?? schema.items.xml?.name ?? "item";
      return { [itemName]: Array.isArray(wire) ? wire.map((item) => fromWire(schema.items, item)) : [] };
    }
    case "dictionary": {
      if (!isRecord(wire)) return text(wire);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(wire)) setOwn(out, key, fromWire(schema.values, wire[key]));
      return out;
    }
    case "any":
      return wire;
    default:
      return text(wire);
  }
}

/**
 * Options for {@link stringifyXml}.
 * @public
 */
export interface StringifyXmlOptions {
  /** The root element's name when the schema has no `xml.name`. */
  readonly rootName?: string;
  /** The name of the value in error messages (as for `serialize`). */
  readonly path?: string;
  /** Leave out the `<?xml ...?>` declaration. */
  readonly omitDeclaration?: boolean;
}

/**
 * Validates a value against a schema and writes it as an XML document (the XML twin of
 * {@link serialize}); inline objects and model objects are accepted alike.
 * Use it for storage request bodies (block lists, service properties, tags).
 * @throws {@link SerializationError} as `serialize` does
 * @example
 * ```ts
 * const body = stringifyXml(BlockLookupListSchema, { latest: ["AAAA", "AAAB"] });
 * // <?xml version="1.0" encoding="UTF-8" standalone="yes"?><BlockList><Latest>AAAA</Latest>...
 * ```
 * @public
 */
export function stringifyXml<S extends Schema>(
  schema: S,
  value: InferInput<S>,
  options: StringifyXmlOptions = {},
): string {
  const root = schema.xml?.name ?? options.rootName;
  if (root === undefined)
    throw new TypeError("stringifyXml needs a root element name: set the schema's xml.name.");
  const wire = serialize(schema, value, options.path ?? root);
  const xml = writeXmlTree({ [root]: fromWire(schema, wire) });
  return options.omitDeclaration ? xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`;
}
