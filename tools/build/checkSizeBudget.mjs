// The size check of DESIGN.md §6: a package's shipped ESM JavaScript must stay within the budget
// in sizeBudgets.json, so a heavy import or a bundled dependency is caught by the build that adds it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const budgets = JSON.parse(readFileSync(resolve(import.meta.dirname, "sizeBudgets.json"), "utf8"));

function shippedBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += shippedBytes(path);
    else if (entry.name.endsWith(".js")) total += statSync(path).size;
  }
  return total;
}

/** Throws when the package's dist/esm exceeds its budget; returns the measured bytes. */
export function checkSizeBudget(packageDir, packageName) {
  const budget = budgets[packageName];
  const bytes = shippedBytes(join(packageDir, "dist/esm"));
  if (budget === undefined) {
    throw new Error(
      `${packageName} has no size budget: add one to tools/build/sizeBudgets.json (now ${bytes} bytes).`,
    );
  }
  if (bytes > budget) {
    throw new Error(
      `${packageName}: dist/esm is ${bytes} bytes, over its budget of ${budget} (tools/build/sizeBudgets.json). ` +
        "Find what grew (a bundled dependency? an eager import?) or raise the budget with a reason.",
    );
  }
  return { bytes, budget };
}
