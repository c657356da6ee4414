import { ArmError } from "./armError.js";
import { queryParam } from "./httpIo.js";

/** One page of an ARM list: `{ value, nextLink? }`. */
export interface ListPage<T> {
  value: T[];
  nextLink?: string;
}

function decodeToken(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof decoded.after === "string") return decoded.after;
  } catch {
    // falls through to the error below
  }
  throw new ArmError(400, "InvalidSkipToken", `The provided skip token '${token}' is not valid.`);
}

/**
 * Pages items in a stable order (by key): `$skiptoken` names the last key already returned, so
 * items added or removed between pages neither repeat nor shift. `$top` caps the first page (the
 * nextLink drops it, as in the KeyVault listVaultByResourceGroup example).
 */
export function paginate<T>(
  items: Array<{ key: string; value: T }>,
  url: URL,
  baseUrl: string,
  pageSize: number,
): ListPage<T> {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const token = queryParam(url, "$skiptoken");
  const after = token === undefined ? undefined : decodeToken(token);
  const topText = queryParam(url, "$top");
  let size = pageSize;
  if (topText !== undefined) {
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1) {
      throw new ArmError(
        400,
        "InvalidTopParameter",
        `The value '${topText}' of the query parameter '$top' is not valid. It must be a positive integer.`,
      );
    }
    size = Math.min(top, pageSize);
  }
  const start = after === undefined ? 0 : sorted.findIndex((i) => i.key > after);
  const remaining = start < 0 ? [] : sorted.slice(start);
  const page = remaining.slice(0, size);
  const result: ListPage<T> = { value: page.map((i) => i.value) };
  if (remaining.length > size) {
    const next = new URL(url.pathname, baseUrl);
    for (const [k, v] of url.searchParams) {
      const lower = k.toLowerCase();
      if (lower !== "$skiptoken" && lower !== "$top") next.searchParams.append(k, v);
    }
    next.searchParams.set(
      "$skiptoken",
      Buffer.from(JSON.stringify({ after: page[page.length - 1]!.key })).toString("base64url"),
    );
    result.nextLink = next.toString();
  }
  return result;
}

/** A parsed `$filter` of the subset ARM lists support here. */
export interface ListFilter {
  resourceType?: string;
  tagName?: string;
  tagValue?: string;
  nameSubstring?: string;
}

/**
 * Parses `$filter` expressions ARM accepts on resource and group lists:
 * `resourceType eq 'X'`, `tagName eq 'n'`, `tagName eq 'n' and tagValue eq 'v'`, `substringof('x', name)`.
 */
export function parseFilter(text: string | undefined): ListFilter {
  if (!text) return {};
  const filter: ListFilter = {};
  for (const clause of text.split(/\s+and\s+/i)) {
    const eq = /^\s*(resourceType|tagName|tagValue)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    const sub = /^\s*substringof\(\s*'((?:[^']|'')*)'\s*,\s*name\s*\)\s*$/i.exec(clause);
    if (eq) {
      const key = eq[1]!.toLowerCase();
      const value = eq[2]!.replace(/''/g, "'");
      if (key === "resourcetype") filter.resourceType = value;
      else if (key === "tagname") filter.tagName = value;
      else filter.tagValue = value;
    } else if (sub) {
      filter.nameSubstring = sub[1]!.replace(/''/g, "'");
    } else {
      throw new ArmError(
        400,
        "InvalidFilterInQueryString",
        `Invalid $filter '${text}' specified in the query string.`,
      );
    }
  }
  if (filter.tagValue !== undefined && filter.tagName === undefined) {
    throw new ArmError(
      400,
      "InvalidFilterInQueryString",
      `Invalid $filter '${text}' specified in the query string: tagValue requires tagName.`,
    );
  }
  return filter;
}

/** Whether a resource matches a filter (tag names case-insensitive, values exact, as ARM). */
export function matchesFilter(
  filter: ListFilter,
  item: { type: string; name: string; tags?: Record<string, string> | undefined },
): boolean {
  if (filter.resourceType && filter.resourceType.toLowerCase() !== item.type.toLowerCase()) return false;
  if (filter.nameSubstring && !item.name.toLowerCase().includes(filter.nameSubstring.toLowerCase()))
    return false;
  if (filter.tagName !== undefined) {
    const entry = Object.entries(item.tags ?? {}).find(
      ([k]) => k.toLowerCase() === filter.tagName!.toLowerCase(),
    );
    if (!entry) return false;
    if (filter.tagValue !== undefined && entry[1] !== filter.tagValue) return false;
  }
  return true;
}
