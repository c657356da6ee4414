// TypeScript type expressions and runtime schema expressions for the generator's types.

/** The TypeScript type of a type. */
export function tsType(ty, ctx) {
  switch (ty.k) {
    case "scalar":
      switch (ty.type) {
        case "integer":
        case "number":
          return "number";
        case "boolean":
          return "boolean";
        case "date-time":
        case "date-time-rfc1123":
        case "date":
        case "unix-time":
          return "Date";
        case "bytes":
        case "bytes-url":
          return "Uint8Array";
        default:
          return "string";
      }
    case "enum":
      if (ty.name) return ty.name;
      return ty.values.map((v) => JSON.stringify(v)).join(" | ") + (ty.extensible ? ` | ${ty.base}` : "");
    case "array": {
      const inner = tsType(ty.items, ctx);
      return /[|&]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
    }
    case "dict":
      return `Record<string, ${tsType(ty.values, ctx)}>`;
    case "ref":
      return ty.poly ? `${ty.name}Union` : ty.name;
    case "object-any":
      return "Record<string, unknown>";
    case "stream":
      return "NodeJS.ReadableStream";
    default:
      return "unknown";
  }
}

function literal(value) {
  return JSON.stringify(value);
}

/** Writes an object literal from entries whose values are already code. */
function objectCode(entries) {
  return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${v}`).join(", ")} }`;
}

function flagEntries(flags) {
  const out = [];
  if (flags?.required) out.push(["required", "true"]);
  if (flags?.readOnly) out.push(["readOnly", "true"]);
  if (flags?.nullable) out.push(["nullable", "true"]);
  if (flags?.wireName !== undefined) out.push(["wireName", literal(flags.wireName)]);
  return out;
}

/**
 * The runtime schema (core-http serde) of a type, as code. `r` is the registry reference function in
 * scope; `flags` are the property-level facts (required, readOnly, nullable, wireName).
 */
export function schemaCode(ty, flags) {
  const f = flagEntries(flags);
  switch (ty.k) {
    case "scalar": {
      const entries = [];
      switch (ty.type) {
        case "date-time-rfc1123":
          entries.push(["type", '"date-time"'], ["format", '"rfc1123"']);
          break;
        case "bytes":
          entries.push(["type", '"bytes"']);
          break;
        case "bytes-url":
          entries.push(["type", '"bytes"'], ["format", '"base64url"']);
          break;
        default:
          entries.push(["type", literal(ty.type)]);
      }
      for (const [k, v] of Object.entries(ty.constraints ?? {})) entries.push([k, literal(v)]);
      return objectCode([...entries, ...f]);
    }
    case "enum": {
      const entries = [
        ["type", ty.base === "number" ? '"number"' : '"string"'],
        ["enum", literal(ty.values)],
      ];
      if (ty.extensible && ty.base !== "number") entries.push(["extensible", "true"]);
      return objectCode([...entries, ...f]);
    }
    case "array": {
      const entries = [
        ["type", '"array"'],
        ["items", schemaCode(ty.items)],
      ];
      if (ty.minItems !== undefined) entries.push(["minItems", literal(ty.minItems)]);
      if (ty.maxItems !== undefined) entries.push(["maxItems", literal(ty.maxItems)]);
      return objectCode([...entries, ...f]);
    }
    case "dict":
      return objectCode([["type", '"dictionary"'], ["values", schemaCode(ty.values)], ...f]);
    case "ref": {
      const name = ty.poly ? `${ty.name}Union` : ty.name;
      return f.length > 0 ? `r(${literal(name)}, ${objectCode(f)})` : `r(${literal(name)})`;
    }
    default:
      return objectCode([["type", '"any"'], ...f]);
  }
}

/** Whether a type's schema needs the registry (refers to a named model). */
export function needsRegistry(ty) {
  switch (ty.k) {
    case "ref":
      return true;
    case "array":
      return needsRegistry(ty.items);
    case "dict":
      return needsRegistry(ty.values);
    default:
      return false;
  }
}

/** A short description of a type for doc comments (facts only). */
export function typeFacts(ty) {
  switch (ty.k) {
    case "scalar": {
      const facts = [];
      if (ty.format && !["date-time", "byte", "date"].includes(ty.format)) facts.push(`format ${ty.format}`);
      const c = ty.constraints ?? {};
      if (c.pattern !== undefined)
        facts.push(`pattern \`${c.pattern.replace(/\*\//g, "*\\/").replace(/`/g, "'")}\``);
      if (c.minLength !== undefined) facts.push(`min length ${c.minLength}`);
      if (c.maxLength !== undefined) facts.push(`max length ${c.maxLength}`);
      if (c.minimum !== undefined) facts.push(`minimum ${c.minimum}`);
      if (c.maximum !== undefined) facts.push(`maximum ${c.maximum}`);
      return facts;
    }
    case "enum":
      return ty.name ? [] : [`one of ${ty.values.map((v) => JSON.stringify(v)).join(", ")}`];
    default:
      return [];
  }
}
