// Runs every side of one scenario in rounds, rotating the order each round (A B L, B L A, L A B, ...)
// so no side always goes first; warm-up rounds are run and dropped. A side that cannot run is marked
// "n/a" (NotAvailableError) or "error" and the others go on.
import { isNotAvailable } from "./notAvailable.mjs";
import { measureRun } from "./measure.mjs";
import { runIsolated } from "./runIsolated.mjs";
import { summarizeMetric } from "./summarize.mjs";

/**
 * @typedef {import("./measure.mjs").Side} Side
 * @typedef {import("./measure.mjs").Context} Context
 * @typedef {{
 *   id: string, title: string, needs?: string[], isolate?: boolean,
 *   rounds?: (sizes: Context["sizes"]) => number, warmup?: (sizes: Context["sizes"]) => number,
 *   enabled?: (sizes: Context["sizes"]) => boolean,
 *   setup?: (ctx: Context) => Promise<Record<string, any>>, teardown?: (ctx: Context) => Promise<void>,
 *   metrics: import("./metrics.mjs").Metric[], sides: Side[],
 * }} Scenario
 * @typedef {{ role: string, label: string, status: "ok" | "n/a" | "error", reason?: string }} SideStatus
 */

function describeError(e) {
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/**
 * @param {Scenario} scenario
 * @param {Omit<Context, "shared"> & { waitForBuildMs?: number }} baseCtx
 * @param {(line: string) => void} log
 */
export async function runScenario(scenario, baseCtx, log) {
  const started = performance.now();
  const shared = scenario.setup ? await scenario.setup({ ...baseCtx, shared: {} }) : {};
  /** @type {Context} */
  const ctx = { ...baseCtx, shared };
  const rounds = scenario.rounds?.(ctx.sizes) ?? ctx.sizes.rounds;
  const warmup = scenario.warmup?.(ctx.sizes) ?? ctx.sizes.warmup;
  /** @type {Record<string, SideStatus>} */
  const status = {};
  const states = {};
  for (const side of scenario.sides) {
    status[side.key] = { role: side.role, label: side.label, status: "ok" };
    if (scenario.isolate || !side.prepare) continue;
    try {
      states[side.key] = await retryWhileNotBuilt(() => side.prepare(ctx), baseCtx.waitForBuildMs);
    } catch (e) {
      markFailed(status[side.key], e);
    }
  }
  /** @type {Record<string, Record<string, number>>[]} */
  const measured = [];
  try {
    for (let r = 0; r < warmup + rounds; r++) {
      const round = {};
      const order = rotate(scenario.sides, r);
      for (const side of order) {
        if (status[side.key].status !== "ok") continue;
        try {
          round[side.key] = await retryWhileNotBuilt(
            () =>
              scenario.isolate
                ? runIsolated(scenario.id, side.key, ctx)
                : measureRun(side, states[side.key], ctx),
            baseCtx.waitForBuildMs,
          );
        } catch (e) {
          markFailed(status[side.key], e);
        }
      }
      if (r >= warmup) measured.push(round);
    }
  } finally {
    for (const side of scenario.sides) {
      if (!scenario.isolate && side.key in states)
        await side.cleanup?.(states[side.key], ctx).catch(() => {});
    }
    await scenario.teardown?.(ctx).catch(() => {});
  }
  for (const [key, s] of Object.entries(status)) {
    if (s.status !== "ok") log(`  ${scenario.id} ${key}: ${s.status} ${s.reason ?? ""}`);
  }
  return {
    id: scenario.id,
    title: scenario.title,
    seconds: (performance.now() - started) / 1000,
    rounds: measured.length,
    sides: status,
    rows: scenario.metrics.map((metric) => summarizeMetric(scenario, metric, status, measured)),
    measurements: measured,
  };
}

/**
 * Other people rebuild the azkit packages while the bench runs (dist/ is removed, then rewritten):
 * with a budget, a side that finds its package missing waits for the build instead of dropping out.
 */
async function retryWhileNotBuilt(fn, budgetMs = 0) {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!isNotAvailable(e) || Date.now() + 5000 > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}

function markFailed(s, e) {
  if (isNotAvailable(e)) {
    s.status = "n/a";
    s.reason = e.message;
  } else {
    s.status = "error";
    s.reason = describeError(e);
  }
}

function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}
