const MAX_SHOWN_CHARS = 60;

function quote(text: string): string {
  const shown = text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
  return JSON.stringify(shown);
}

/**
 * @internal How an error message names a value that was found: `the string "standard"`,
 * `an array of 3 items`, `nothing`. Secrets are described without their content.
 */
export function describeValue(value: unknown, secret = false): string {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "string":
      if (secret) return `a string of ${value.length} characters (not shown: secret)`;
      return value === "" ? 'the empty string ""' : `the string ${quote(value)}`;
    case "number":
      if (Number.isNaN(value)) return "NaN";
      return `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "bigint":
      return `the bigint ${value}n`;
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    return value.length === 0
      ? "an empty array"
      : `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid Date" : `the Date ${value.toISOString()}`;
  }
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${value.byteLength} bytes`;
  const keys = Object.keys(value as object);
  const ctor = (value as object).constructor;
  const what = ctor && ctor !== Object && ctor.name ? `a ${ctor.name} object` : "an object";
  if (keys.length === 0) return `${what} with no properties`;
  const shown = keys.slice(0, 6).join(", ");
  return `${what} { ${shown}${keys.length > 6 ? ", …" : ""} }`;
}
