// Seeded corruptions of valid call arguments, for fuzzing a client's argument checks: every
// corruption makes the arguments invalid (a wrong type, an unknown key next to a real one, null,
// a NaN / negative / fractional / huge number), and records the path it corrupted, so a harness can
// demand a typed error that names that path. Generic: any argument list of plain data, Dates,
// bytes and functions (blob call arguments today; a key vault body once mgmt-keyvault exists).
import { seededRandom } from "fault-proxy";

export { seededRandom };

const pick = (random, items) => items[Math.floor(random() * items.length)];

function isBag(value) {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** Every corruptible spot in `value`: [path array, leaf value] for leaves and bags alike. */
function spots(value, path = [], out = []) {
  out.push([path, value]);
  if (path.length === 0 && Array.isArray(value)) {
    for (const [index, arg] of value.entries()) spots(arg, [index], out);
  } else if (isBag(value))
    for (const [key, child] of Object.entries(value)) spots(child, [...path, key], out);
  return out;
}

/** A value of another type than `value` (never one the same checks would accept). */
function wrongType(random, value) {
  if (typeof value === "string") return pick(random, [42, true, {}, ["x"], Symbol("s")]);
  if (typeof value === "number") return pick(random, ["12", true, {}, [1]]);
  if (typeof value === "boolean") return pick(random, ["true", 1, {}]);
  if (typeof value === "function") return pick(random, [5, "callback", {}]);
  if (value instanceof Date) return pick(random, ["yesterday", 1700000000000, {}]);
  if (value instanceof Uint8Array) return pick(random, ["bytes", 7, [1, 2]]);
  if (isBag(value)) return pick(random, ["bag", 3, [value]]);
  return pick(random, [{ unexpected: true }, 99]);
}

/** A typo of `key`: snake_case, a dropped or doubled letter, wrong case. */
function typo(random, key) {
  const options = [
    key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    key.length > 3 ? key.slice(0, -1) : `${key}x`,
    `${key}${key.at(-1)}`,
    key.toUpperCase(),
    `x${key}`,
  ].filter((k) => k !== key);
  return pick(random, options);
}

function setAt(root, path, update) {
  if (path.length === 0) return update(root);
  const [head, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...root };
  copy[head] = setAt(root[head], rest, update);
  return copy;
}

/**
 * One corruption of `args` (an argument list; bags inside are walked): returns the corrupted copy,
 * the path corrupted (`[argIndex, ...keys]`) and what was done. `wholeNumbers(path)` says where
 * numbers must be whole and non-negative, so NaN, -1 and 1.5 are corruptions there.
 */
export function corrupt(random, args, { wholeNumbers = () => false } = {}) {
  const candidates = spots(args).filter(([path]) => path.length > 0);
  for (;;) {
    const [path, value] = pick(random, candidates);
    const choices = ["wrongType"];
    if (isBag(value)) choices.push("unknownKey", "unknownKey");
    if (value !== undefined && random() < 0.4) choices.push("null");
    if (typeof value === "number" && wholeNumbers(path)) {
      choices.push("badNumber", "badNumber", "badNumber");
    }
    const kind = pick(random, choices);
    if (kind === "unknownKey") {
      const keys = Object.keys(value);
      if (keys.length === 0) continue;
      const key = typo(random, pick(random, keys));
      if (key in value) continue;
      return { args: setAt(args, path, (bag) => ({ ...bag, [key]: 1 })), path: [...path, key], kind };
    }
    if (kind === "null") return { args: setAt(args, path, () => null), path, kind };
    if (kind === "badNumber") {
      return {
        args: setAt(args, path, () => pick(random, [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])),
        path,
        kind,
      };
    }
    if (value === undefined) continue;
    return { args: setAt(args, path, () => wrongType(random, value)), path, kind };
  }
}

/**
 * Runs `runs` seeded corruptions of the cases' valid arguments through their calls. Each call must
 * fail with an error `isTyped` accepts whose message names the corrupted path (the argument's name
 * for a whole argument, else the key path inside it). Returns counts; throws on the first miss.
 */
export async function fuzzArguments({
  seed,
  runs,
  cases,
  isTyped = (e) => e instanceof TypeError || e instanceof RangeError,
}) {
  const random = seededRandom(seed);
  const stats = { tried: 0, rejected: 0, byKind: {}, byCase: {} };
  for (let run = 0; run < runs; run++) {
    const testCase = pick(random, cases);
    const nameOf = ([index, ...keys]) => (keys.length === 0 ? testCase.argNames[index] : keys.join("."));
    const corrupted = corrupt(random, testCase.args(), {
      wholeNumbers: (path) => (testCase.numbers ?? []).includes(nameOf(path)),
    });
    stats.tried++;
    let error;
    let returned = false;
    try {
      await testCase.call(...corrupted.args);
      returned = true;
    } catch (caught) {
      error = caught;
    }
    const [argIndex, ...keys] = corrupted.path;
    const expectedPath = nameOf(corrupted.path);
    const describe = () =>
      `${testCase.name} run ${run} (${corrupted.kind} at ${testCase.argNames[argIndex]}${keys.length ? `.${keys.join(".")}` : ""})`;
    if (returned) throw new Error(`${describe()}: the call accepted corrupted arguments`);
    if (!isTyped(error)) throw new Error(`${describe()}: untyped error ${String(error?.stack ?? error)}`);
    if (!String(error.message).includes(expectedPath)) {
      throw new Error(`${describe()}: the error does not name "${expectedPath}": ${error.message}`);
    }
    stats.rejected++;
    stats.byKind[corrupted.kind] = (stats.byKind[corrupted.kind] ?? 0) + 1;
    stats.byCase[testCase.name] = (stats.byCase[testCase.name] ?? 0) + 1;
  }
  return stats;
}
