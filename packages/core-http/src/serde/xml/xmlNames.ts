import type { Schema } from "../schema.js";

/** @internal One property of an object schema as XML sees it. */
export interface XmlProperty {
  readonly schema: Schema;
  /** The wire path (JSON keys) the value goes to. */
  readonly wirePath: readonly string[];
  /** The element or attribute name of the last step of the path. */
  readonly xmlName: string;
  /** The name of each item element when the property is an array. */
  readonly itemName: string;
  readonly attribute: boolean;
  readonly text: boolean;
  readonly wrapped: boolean;
}

const cache = new WeakMap<object, readonly XmlProperty[]>();

/** @internal The XML view of an object schema's properties (computed once per properties object). */
export function xmlProperties(properties: { readonly [name: string]: Schema }): readonly XmlProperty[] {
  const cached = cache.get(properties);
  if (cached) return cached;
  const list = Object.entries(properties).map(([name, schema]): XmlProperty => {
    const wire = schema.wireName;
    const wirePath =
      wire === undefined ? [name] : typeof wire === "string" ? [wire] : wire.length ? wire : [name];
    const xmlName = schema.xml?.name ?? wirePath[wirePath.length - 1]!;
    const itemName =
      schema.type === "array" ? (schema.xml?.itemName ?? schema.items.xml?.name ?? xmlName) : xmlName;
    return {
      schema,
      wirePath,
      xmlName,
      itemName,
      attribute: schema.xml?.attribute === true,
      text: schema.xml?.text === true,
      wrapped: schema.xml?.wrapped === true,
    };
  });
  cache.set(properties, list);
  return list;
}

/** @internal The element name of a document's root for a schema, when the schema names it. */
export function rootName(schema: Schema): string | undefined {
  return schema.xml?.name;
}

/** @internal The key of an element's attributes in the node tree (readXmlTree reads it, writeXmlTree writes it). */
export const ATTRIBUTES = "$";
/** @internal The key of an element's text beside attributes or children in the node tree. */
export const TEXT = "#text";

/**
 * @internal The node tree in fast-xml-parser's terms (where attributes and text go): readXmlTree
 * and writeXmlTree read and write the tree fast-xml-parser 5 read and built with these options, and
 * their tests check that against fast-xml-parser itself (a devDependency, not shipped).
 */
export const xmlNodeKeyOptions = {
  ignoreAttributes: false,
  attributesGroupName: ATTRIBUTES,
  attributeNamePrefix: "",
  textNodeName: TEXT,
} as const;
