// Naming rules, as AutoRest's TypeScript generator applies them, so that names match @azure/arm-*.

const RESERVED = new Set([
  "delete",
  "new",
  "function",
  "class",
  "default",
  "in",
  "import",
  "export",
  "package",
]);

/** Splits a name into words: "resourceGroupName" -> resource, Group, Name; "odata.type" -> odata, type. */
function words(name) {
  return String(name)
    .replace(/[^A-Za-z0-9]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** "resource_groups" -> "ResourceGroups"; keeps inner capitals ("ResourceGroups" stays). */
export function pascalCase(name) {
  const parts = String(name)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** "ResourceGroups" -> "resourceGroups", "IPAddress" -> "ipAddress", "odata.type" -> "odataType". */
export function camelCase(name) {
  const pascal = pascalCase(name);
  const leading = /^[A-Z]+(?=[A-Z][a-z]|[0-9]|$)/.exec(pascal);
  if (leading && leading[0].length > 1) return leading[0].toLowerCase() + pascal.slice(leading[0].length);
  return pascal[0].toLowerCase() + pascal.slice(1);
}

/** A property or parameter name usable as an identifier in generated code. */
export function memberName(name) {
  const n = camelCase(name);
  return n === "" ? "_" : n;
}

/** The member name of a value of a `KnownXxx` enum: "Microsoft.Web/sites" -> "MicrosoftWebSites". */
export function enumMemberName(value) {
  const w = words(value);
  if (w.length === 0) return "Empty";
  const name = w.map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return /^[0-9]/.test(name) ? `Num${name}` : name;
}

/** A method name that is not a reserved word of JavaScript. */
export function methodName(name) {
  const n = camelCase(name);
  return RESERVED.has(n) ? n : n;
}

/** Whether `name` can be written as a bare identifier. */
export function isIdentifier(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key as written in an object literal or interface. */
export function propertyKey(name) {
  return isIdentifier(name) ? name : JSON.stringify(name);
}
