// Writes a scenario once against the @azure/* API and runs it for both SDKs: the body receives the
// loaded module (`@azkit/x` or `@azure/x`) and never knows which one it has.
import { loadPackage } from "./loadPackage.mjs";

/**
 * @template S
 * @typedef {{
 *   prepare: (sdk: Record<string, any>, ctx: import("./measure.mjs").Context, role: "azkit" | "peer") => Promise<S>,
 *   run: (state: S, ctx: import("./measure.mjs").Context) => Promise<Record<string, number>>,
 *   cleanup?: (state: S, ctx: import("./measure.mjs").Context) => Promise<void>,
 * }} SdkBody
 */

/**
 * @template S
 * @param {{ azkit: string, peer: string }} packages e.g. { azkit: "@azkit/storage-blob", peer: "@azure/storage-blob" }
 * @param {SdkBody<S>} body
 * @returns {import("./measure.mjs").Side[]}
 */
export function sdkSides(packages, body) {
  return /** @type {const} */ (["azkit", "peer"]).map((role) => ({
    key: role,
    role,
    label: packages[role],
    prepare: async (ctx) => body.prepare(await loadPackage(packages[role]), ctx, role),
    run: (state, ctx) => body.run(state, ctx),
    cleanup: body.cleanup ? (state, ctx) => body.cleanup(state, ctx) : undefined,
  }));
}

/** The packages of the storage scenarios. */
export const storageBlob = { azkit: "@azkit/storage-blob", peer: "@azure/storage-blob" };
