import { ArmError } from "./armError.js";
import { specOperations } from "./generated/specOperations.js";

/** Path parameters that span several segments (`x-ms-skip-url-encoding` ids and scopes). */
const MULTI_SEGMENT = new Set(["resourceId", "scope", "parentResourcePath"]);

let compiled: Array<{ operationId: string; method: string; pattern: RegExp; literals: number }> | undefined;

/** Template -> regex, built on first use (no work at startup). Most specific templates first. */
function operations() {
  compiled ??= specOperations
    .filter(([, , template]) => !/^\/\{[^}]+\}$/.test(template))
    .map(([operationId, method, template]) => {
      const parts = template.split("/").filter(Boolean);
      const source = parts
        .map((part) => {
          const param = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (param) return MULTI_SEGMENT.has(param) ? "/.+" : "/[^/]+";
          return `/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
        })
        .join("");
      const literals = parts.filter((p) => !p.startsWith("{")).length;
      return { operationId, method, pattern: new RegExp(`^${source}/?$`, "i"), literals };
    })
    .sort((a, b) => b.literals - a.literals);
  return compiled;
}

/** The spec operation a request is an instance of, if any. */
export function specOperationOf(method: string, pathname: string): string | undefined {
  return operations().find((o) => o.method === method && o.pattern.test(pathname))?.operationId;
}

/**
 * The answer to a request the emulator does not serve: 501 NotImplemented naming the spec operation
 * when the request is one, or the method and type when a provider the emulator implements owns the
 * path (`providerType`), so a test never mistakes it for success or for a missing resource; else ARM's
 * 404 for a path no provider serves.
 */
export function notServed(r: { method: string; url: URL }, providerType?: string): ArmError {
  const operationId = specOperationOf(r.method, r.url.pathname);
  if (operationId || providerType) {
    // Without a vendored spec for it (e.g. managed HSMs), the operation is named by method and type.
    const what = operationId ? `the operation '${operationId}'` : `'${r.method}' on '${providerType}'`;
    return new ArmError(
      501,
      "NotImplemented",
      `The arm-emulator does not implement ${what} (${r.method} ${r.url.pathname}); see tools/arm-emulator/README.md for what it serves.`,
      { origin: "gateway" },
    );
  }
  return new ArmError(
    404,
    "NotFound",
    `The arm-emulator does not serve '${r.method} ${r.url.pathname}' (see tools/arm-emulator/README.md).`,
    { origin: "gateway" },
  );
}
