import { randomUUID } from "node:crypto";
import { ArmError, resourceGroupNotFound, resourceNotFound } from "./armError.js";
import { type ArmRequest, type ArmResponse, bodyObject, systemDataFor } from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { notServed } from "./notServed.js";
import { paginate } from "./paging.js";
import { methodNotAllowed } from "./resourceGroups.js";
import type { PredefinedTagRecord } from "./store.js";
import { assertValid } from "./validation.js";

type Tags = Record<string, string>;

/** Characters ARM refuses in tag names. */
const INVALID_TAG_NAME = /[<>%&\\?/]/;

function tagNameId(sub: string, name: string): string {
  return `/subscriptions/${sub}/tagNames/${name}`;
}

function checkTagName(name: string): void {
  if (INVALID_TAG_NAME.test(name) || name.length > 512) {
    throw new ArmError(
      400,
      "InvalidTagNameCharacters",
      `The tag names '${name}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
    );
  }
}

/** Every tag set in a subscription: on its groups, its resources, and predefined (Tags_CreateOrUpdate). */
function tagUsage(
  r: ArmRequest,
  sub: string,
): Map<string, { name: string; count: number; values: Map<string, number> }> {
  const usage = new Map<string, { name: string; count: number; values: Map<string, number> }>();
  const entry = (name: string) => {
    const key = name.toLowerCase();
    let found = usage.get(key);
    if (!found) {
      found = { name, count: 0, values: new Map() };
      usage.set(key, found);
    }
    return found;
  };
  const count = (tags: Tags | undefined) => {
    for (const [name, value] of Object.entries(tags ?? {})) {
      const e = entry(name);
      e.count += 1;
      e.values.set(value, (e.values.get(value) ?? 0) + 1);
    }
  };
  const { store } = r.ctx;
  for (const g of store.groups.values())
    if (g.subscriptionId.toLowerCase() === sub.toLowerCase()) count(g.tags);
  for (const res of store.resourcesIn(sub)) count(res.tags);
  for (const t of store.predefinedTags.values()) {
    if (t.subscriptionId.toLowerCase() !== sub.toLowerCase()) continue;
    const e = entry(t.name);
    for (const v of t.values) if (!e.values.has(v)) e.values.set(v, 0);
  }
  return usage;
}

function renderTagValue(sub: string, name: string, value: string, count: number): Record<string, unknown> {
  return {
    id: `${tagNameId(sub, name)}/tagValues/${value}`,
    tagValue: value,
    count: { type: "Total", value: count },
  };
}

function predefined(r: ArmRequest, sub: string, name: string): PredefinedTagRecord | undefined {
  return r.ctx.store.predefinedTags.get(`${sub}/${name}`.toLowerCase());
}

/** `/subscriptions/{s}/tagNames[/{name}[/tagValues/{value}]]`: Tags_List, CreateOrUpdate(Value), Delete(Value). */
export function handleTagNames(r: ArmRequest, sub: string, name?: string, value?: string): ArmResponse {
  const { store } = r.ctx;
  if (name === undefined) {
    if (r.method !== "GET") throw methodNotAllowed(r.method);
    const items = [...tagUsage(r, sub).values()].map((t) => ({
      key: t.name.toLowerCase(),
      value: {
        id: tagNameId(sub, t.name),
        tagName: t.name,
        count: { type: "Total", value: t.count },
        values: [...t.values].map(([v, n]) => renderTagValue(sub, t.name, v, n)),
      },
    }));
    return { status: 200, body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize) };
  }
  checkTagName(name);
  const used = tagUsage(r, sub).get(name.toLowerCase());
  const record = predefined(r, sub, name);
  if (value === undefined) {
    switch (r.method) {
      case "PUT": {
        if (!record) {
          store.predefinedTags.set(`${sub}/${name}`.toLowerCase(), { subscriptionId: sub, name, values: [] });
          store.changed();
        }
        const existed = record !== undefined || used !== undefined;
        const shown = used?.name ?? record?.name ?? name;
        return {
          status: existed ? 200 : 201,
          body: {
            id: tagNameId(sub, shown),
            tagName: shown,
            count: { type: "Total", value: used?.count ?? 0 },
          },
        };
      }
      case "DELETE": {
        if (used && used.count > 0) {
          throw new ArmError(
            409,
            "TagNameInUse",
            `The tag name '${name}' cannot be deleted because it is being referenced by ${used.count} resource(s) or resource group(s).`,
          );
        }
        if (!record) return { status: 204 };
        store.predefinedTags.delete(`${sub}/${name}`.toLowerCase());
        store.changed();
        return { status: 200 };
      }
      default:
        throw methodNotAllowed(r.method);
    }
  }
  switch (r.method) {
    case "PUT": {
      const existed = used?.values.has(value) === true;
      const tag = record ?? { subscriptionId: sub, name, values: [] };
      if (!tag.values.includes(value)) tag.values.push(value);
      store.predefinedTags.set(`${sub}/${tag.name}`.toLowerCase(), tag);
      store.changed();
      return {
        status: existed ? 200 : 201,
        body: renderTagValue(sub, tag.name, value, used?.values.get(value) ?? 0),
      };
    }
    case "DELETE": {
      if (!record?.values.includes(value)) return { status: 204 };
      record.values = record.values.filter((v) => v !== value);
      store.changed();
      return { status: 200 };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/** Reads and writes the tags of whatever a `{scope}` names: a subscription, a group or a resource. */
interface TagTarget {
  get(): Tags;
  set(tags: Tags): void;
}

function tagTarget(r: ArmRequest, scope: string[]): TagTarget {
  const { store } = r.ctx;
  const lower = scope.map((s) => s.toLowerCase());
  const sub = r.ctx.options.subscriptionId;
  if (lower[0] !== "subscriptions" || lower[1] !== sub.toLowerCase()) throw notServed(r);
  if (scope.length === 2) {
    return {
      get: () => store.subscriptionTags.get(sub.toLowerCase()) ?? {},
      set: (tags) => {
        store.subscriptionTags.set(sub.toLowerCase(), tags);
        store.changed();
      },
    };
  }
  if (lower[2] !== "resourcegroups" || scope.length < 4) throw notServed(r);
  const group = store.getGroup(sub, scope[3]!);
  if (!group) throw resourceGroupNotFound(scope[3]!);
  if (scope.length === 4) {
    return {
      get: () => group.tags ?? {},
      set: (tags) => {
        group.tags = tags;
        store.putGroup(group);
      },
    };
  }
  if (lower[4] !== "providers" || scope.length < 8 || scope.length % 2 !== 0) throw notServed(r);
  const record = store.getResource(`/${scope.join("/")}`);
  if (!record) {
    const types = scope.slice(6).filter((_, i) => i % 2 === 0);
    const names = scope.slice(6).filter((_, i) => i % 2 === 1);
    throw resourceNotFound([scope[5], ...types].join("/"), names.join("/"), group.name);
  }
  return {
    get: () => record.tags ?? {},
    set: (tags) => {
      record.tags = tags;
      record.systemData = systemDataFor(r.caller, record.systemData);
      if (record.etag) record.etag = `W/"${randomUUID()}"`;
      store.putResource(record);
    },
  };
}

/** `/{scope}/providers/Microsoft.Resources/tags/default`: Tags_{Get,CreateOrUpdate,Update,Delete}AtScope. */
export function handleTagsAtScope(r: ArmRequest, scope: string[]): ArmResponse {
  const target = tagTarget(r, scope);
  const render = () => ({
    id: `/${scope.join("/")}/providers/Microsoft.Resources/tags/default`,
    name: "default",
    type: "Microsoft.Resources/tags",
    properties: { tags: target.get() },
  });
  switch (r.method) {
    case "GET":
      return { status: 200, body: render() };
    case "PUT": {
      assertValid(specData.schemas.TagsResource, r.body);
      target.set({ ...(bodyObject(bodyObject(r.body).properties).tags as Tags | undefined) });
      return { status: 200, body: render() };
    }
    case "PATCH": {
      assertValid(specData.schemas.TagsPatchResource, r.body);
      const body = bodyObject(r.body);
      const given = (bodyObject(body.properties).tags ?? {}) as Tags;
      const operation = String(body.operation ?? "");
      const current = target.get();
      switch (operation.toLowerCase()) {
        case "replace":
          target.set({ ...given });
          break;
        case "merge":
          target.set({ ...current, ...given });
          break;
        case "delete":
          // Deletes the named tags whose value matches (or any value, when the value given is empty).
          target.set(
            Object.fromEntries(
              Object.entries(current).filter(
                ([k, v]) => !(k in given && (given[k] === "" || given[k] === v)),
              ),
            ),
          );
          break;
        default:
          throw new ArmError(
            400,
            "InvalidRequestContent",
            `The value '${operation}' of 'operation' is not valid. It must be one of 'Replace', 'Merge', 'Delete'.`,
          );
      }
      return { status: 200, body: render() };
    }
    case "DELETE":
      target.set({});
      return { status: 200 };
    default:
      throw methodNotAllowed(r.method);
  }
}
