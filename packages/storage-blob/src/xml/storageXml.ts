// Reading and writing the Blob service's XML bodies over fast-xml-parser. Kept to this one file
// so it can move onto core-http's schema-driven XML mapping in one step once that exists.
import { XMLBuilder, XMLParser } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) =>
    [
      "Container",
      "Blob",
      "BlobPrefix",
      "Block",
      "PageRange",
      "ClearRange",
      "Tag",
      "SignedIdentifier",
      "CorsRule",
    ].includes(name),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  suppressEmptyNode: false,
});

/** A parsed element: child elements by name, attributes as `@name`, text as `#text`. */
export type XmlNode = { [name: string]: unknown };

export function parseXml(text: string): XmlNode {
  return parser.parse(text) as XmlNode;
}

export function buildXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(root)}`;
}

/** The text of a child element ("" for an empty element, undefined when absent). */
export function text(node: unknown, name?: string): string | undefined {
  const value = name === undefined ? node : (node as XmlNode | undefined)?.[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const t = (value as XmlNode)["#text"];
    return typeof t === "string" ? t : "";
  }
  return String(value);
}

export function child(node: unknown, name: string): XmlNode | undefined {
  const value = (node as XmlNode | undefined)?.[name];
  return typeof value === "object" && value !== null ? (value as XmlNode) : undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  const value = (node as XmlNode | undefined)?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) =>
    typeof v === "object" && v !== null ? v : { "#text": v },
  );
}

export function textDate(node: unknown, name: string): Date | undefined {
  const t = text(node, name);
  return t ? new Date(t) : undefined;
}

export function textNumber(node: unknown, name: string): number | undefined {
  const t = text(node, name);
  return t ? Number(t) : undefined;
}

export function textBoolean(node: unknown, name: string): boolean | undefined {
  const t = text(node, name);
  return t ? t.toLowerCase() === "true" : undefined;
}

/** Child elements as a name/value map (metadata); `undefined` when the element is absent. */
export function textMap(node: unknown, name: string): Record<string, string> | undefined {
  const el = child(node, name);
  if (!el) return (node as XmlNode | undefined)?.[name] === undefined ? undefined : {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(el)) {
    if (key.startsWith("@") || key === "#text") continue;
    out[key] = text(value) ?? "";
  }
  return out;
}

/** A blob name, decoding `<Name Encoded="true">` (percent-encoded names with characters XML cannot carry). */
export function blobName(node: unknown): string {
  const el = (node as XmlNode)?.Name;
  const value = text(el) ?? "";
  if (typeof el === "object" && el !== null && String((el as XmlNode)["@Encoded"]).toLowerCase() === "true") {
    return decodeURIComponent(value);
  }
  return value;
}

/** `<Tags><TagSet><Tag><Key/><Value/></Tag>...` as a map. */
export function tagSet(node: unknown): Record<string, string> | undefined {
  const tags = child(node, "Tags");
  if (!tags) return undefined;
  const out: Record<string, string> = {};
  for (const tag of children(child(tags, "TagSet"), "Tag"))
    out[text(tag, "Key") ?? ""] = text(tag, "Value") ?? "";
  return out;
}
