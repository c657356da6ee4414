// Times one run of one side: wall clock and this process's CPU (user + system) around run() only,
// with what the kernel did for it on Linux (kernelCounters.mjs); prepare() and cleanup() are not
// timed. Sides of one scenario share the process (except isolated ones), so a full GC runs before
// each measurement.

import { kernelCountersSince, readKernelCounters } from "./kernelCounters.mjs";

/**
 * @typedef {{ env: Record<string, any>, shared: Record<string, any>, sizes: import("./profiles.mjs").Sizes }} Context
 * @typedef {{
 *   key: string, role: "azkit" | "peer" | "limit", label: string,
 *   prepare?: (ctx: Context) => Promise<any>,
 *   run: (state: any, ctx: Context) => Promise<Record<string, number>>,
 *   cleanup?: (state: any, ctx: Context) => Promise<void>,
 * }} Side
 */

/** @param {Side} side @param {any} state @param {Context} ctx */
export async function measureRun(side, state, ctx) {
  // Collect the previous side's garbage now, so it is not charged to this one (needs --expose-gc).
  globalThis.gc?.();
  const counters = readKernelCounters();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await side.run(state, ctx);
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    ...kernelCountersSince(counters),
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    userMs: cpu.user / 1000,
    systemMs: cpu.system / 1000,
    ...result,
  };
}

/**
 * prepare + run + cleanup, for a side that lives only for one measurement (a child process).
 * `afterRun` sees the measurement before cleanup runs (so cleanup's own work is not in it).
 */
export async function measureFresh(side, ctx, afterRun = (m) => m) {
  const state = side.prepare ? await side.prepare(ctx) : undefined;
  try {
    return afterRun(await measureRun(side, state, ctx));
  } finally {
    await side.cleanup?.(state, ctx);
  }
}
