import { isRecord } from "../isRecord.js";
import { deserialize } from "../deserialize.js";
import { describeValue } from "../describeValue.js";
import type { Infer } from "../inferType.js";
import type { ArraySchema, ObjectSchema, Schema } from "../schema.js";
import { DeserializationError } from "../serdeErrors.js";
import { createProblem } from "../serdeProblem.js";
import { readXmlTree } from "./readXmlTree.js";
import { ATTRIBUTES, rootName, TEXT, xmlProperties } from "./xmlNames.js";
import { setOwn } from "../setOwn.js";

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function textOf(node: unknown): unknown {
  if (typeof node === "string") return node;
  if (isRecord(node)) {
    const text = node[TEXT];
    return typeof text === "string" ? text : "";
  }
  return node;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = current[key];
    if (!isRecord(next)) {
      next = {};
      current[key] = next;
    }
    current = next as Record<string, unknown>;
  }
  current[path[path.length - 1]!] = value;
}

function itemsToWire(schema: ArraySchema, list: unknown[]): unknown[] {
  return list.map((item) => toWire(schema.items, item));
}

function wrappedItems(schema: ArraySchema, node: unknown, itemName: string): unknown[] {
  if (!isRecord(node)) return [];
  const items = node[itemName];
  return items === undefined ? [] : itemsToWire(schema, asArray(items));
}

const knownElementsCache = new WeakMap<ObjectSchema, Set<string>>();

/** The element and attribute-group names an object schema reads, so an open model keeps only the rest. */
function knownElements(schema: ObjectSchema): Set<string> {
  let known = knownElementsCache.get(schema);
  if (!known) {
    known = new Set<string>([ATTRIBUTES, TEXT]);
    for (const p of xmlProperties(schema.properties)) {
      const unwrappedList = p.schema.type === "array" && !p.wrapped;
      known.add(p.wirePath.length > 1 ? p.wirePath[0]! : unwrappedList ? p.itemName : p.xmlName);
    }
    knownElementsCache.set(schema, known);
  }
  return known;
}

function objectToWire(schema: ObjectSchema, node: unknown, extra?: Record<string, unknown>): unknown {
  if (node === "") node = {};
  const isText = typeof node === "string";
  if (!isRecord(node) && !isText) return node;
  const out: Record<string, unknown> = { ...extra };
  for (const p of xmlProperties(schema.properties)) {
    let container: unknown = node;
    for (let i = 0; i < p.wirePath.length - 1 && container !== undefined; i++) {
      container = isRecord(container) ? container[p.wirePath[i]!] : undefined;
    }
    let value: unknown;
    if (p.text) {
      value = textOf(container);
    } else if (!isRecord(container)) {
      continue;
    } else if (p.attribute) {
      const attributes = container[ATTRIBUTES];
      value = isRecord(attributes) ? attributes[p.xmlName] : undefined;
      if (value !== undefined) value = toWire(p.schema, value);
    } else if (p.schema.type === "array" && !p.wrapped) {
      // XML cannot tell an empty list from an absent one: a required list reads as empty.
      const raw = container[p.itemName];
      value = raw === undefined ? (p.schema.required ? [] : undefined) : itemsToWire(p.schema, asArray(raw));
    } else {
      const raw = container[p.xmlName];
      if (raw === undefined) continue;
      value =
        p.schema.type === "array"
          ? wrappedItems(p.schema, raw, p.itemName)
          : toWire(p.schema, Array.isArray(raw) ? raw[0] : raw);
    }
    if (value !== undefined) setAt(out, p.wirePath, value);
  }
  const additional = schema.additionalProperties;
  if (additional && isRecord(node)) {
    const known = knownElements(schema);
    for (const key of Object.keys(node)) {
      if (known.has(key)) continue;
      setOwn(out, key, typeof additional === "object" ? toWire(additional, node[key]) : node[key]);
    }
  }
  return out;
}

/** @internal Turns a node of {@link readXmlTree}'s tree into the wire JSON shape `deserialize` reads, guided by the schema. */
export function toWire(schema: Schema, node: unknown): unknown {
  switch (schema.type) {
    case "object":
      return objectToWire(schema, node);
    case "polymorphic": {
      const kind = isRecord(node) ? textOf(node[schema.discriminator]) : undefined;
      const sub = (typeof kind === "string" ? schema.subtypes[kind] : undefined) ?? schema.base;
      if (!sub) return node;
      return objectToWire(sub, node, typeof kind === "string" ? { [schema.discriminator]: kind } : undefined);
    }
    case "array":
      return wrappedItems(schema, node, schema.xml?.itemName ?? schema.items.xml?.name ?? "item");
    case "dictionary": {
      if (node === "") return {};
      if (!isRecord(node)) return node;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        if (key === ATTRIBUTES || key === TEXT) continue;
        const raw = node[key];
        const value = toWire(schema.values, Array.isArray(raw) ? raw[0] : raw);
        setOwn(out, key, value);
      }
      return out;
    }
    case "number":
    case "integer":
    case "unix-time": {
      const text = textOf(node);
      if (typeof text !== "string" || text.trim() === "") return text;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case "boolean": {
      const text = textOf(node);
      return text === "true" ? true : text === "false" ? false : text;
    }
    case "any":
      return node;
    default:
      return textOf(node);
  }
}

/**
 * Parses an XML document into a value of the schema (the XML twin of {@link deserialize}): element
 * names are wire names (or `xml.name`), attributes and wrapped arrays follow the schema's `xml` options,
 * text becomes numbers, booleans, dates and bytes as the schema says.
 * Use it for storage responses (lists, properties, block lists, error bodies).
 * @param schema - the schema of the root element; its `xml.name`, when set, must match the root element
 * @param text - the XML document
 * @param path - the name of the value in messages; defaults to the root element's name
 * @throws {@link DeserializationError} for malformed XML or values that do not fit
 * @example
 * ```ts
 * const page = parseXml(ListBlobsResultSchema, await response.text());
 * for (const blob of page.segment.blobItems ?? []) console.log(blob.name, blob.properties.contentLength);
 * ```
 * @public
 */
export function parseXml<S extends Schema>(schema: S, text: string, path?: string): Infer<S> {
  // Values stay text so "0123" etags and names survive (the schema decides types), and whitespace is
  // kept because blob names and metadata values may start or end with spaces.
  let document: unknown;
  try {
    document = readXmlTree(text);
  } catch (error) {
    const problem = createProblem(path ?? "", "a well-formed XML document", (error as Error).message);
    throw new DeserializationError([problem], { cause: error });
  }
  const roots = isRecord(document)
    ? Object.keys(document).filter((k) => !k.startsWith("?") && k !== TEXT)
    : [];
  const name = roots[0];
  const expectedName = rootName(schema);
  if (name === undefined || (expectedName !== undefined && name !== expectedName)) {
    const expected = expectedName
      ? `an XML document with the root element <${expectedName}>`
      : "an XML document";
    const actual = name === undefined ? describeValue(text) : `the root element <${name}>`;
    throw new DeserializationError([createProblem(path ?? "", expected, actual)]);
  }
  const wire = toWire(schema, (document as Record<string, unknown>)[name]);
  return deserialize(schema, wire, path ?? name);
}
