// Conversions from the service's XML text values (strings, often empty for "unset") to model values.

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

export function toDate(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

export function toNumber(value: string | undefined): number | undefined {
  return value ? Number(value) : undefined;
}

export function toBoolean(value: string | undefined): boolean | undefined {
  return value ? value.toLowerCase() === "true" : undefined;
}

export function toBytes(value: string | undefined): Uint8Array | undefined {
  return value ? new Uint8Array(Buffer.from(value, "base64")) : undefined;
}

/** A blob name, decoding `<Name Encoded="true">` (percent-encoded). */
export function toBlobName(name: { encoded?: string; value?: string } | undefined): string {
  const value = name?.value ?? "";
  return name?.encoded?.toLowerCase() === "true" ? decodeURIComponent(value) : value;
}

/** A `<Tags><TagSet>` element as a map; undefined when absent. */
export function toTags(
  tags: { tagSet?: ReadonlyArray<{ key?: string; value?: string }> } | undefined,
): Record<string, string> | undefined {
  if (!tags) return undefined;
  const out: Record<string, string> = {};
  for (const tag of tags.tagSet ?? []) out[tag.key ?? ""] = tag.value ?? "";
  return out;
}
