// Child process entry: runs one side of one scenario once, in a fresh process, and reports the
// measurement plus the process's peak RSS (the kernel's high-water mark, so nothing between samples is missed)
// and its RSS before any scenario code loaded (the bare Node process).
import { readFileSync } from "node:fs";
import { isNotAvailable } from "./notAvailable.mjs";
import { measureFresh } from "./measure.mjs";

const baselineRssMiB = process.memoryUsage().rss / 1024 / 1024;

/**
 * This process's own RSS high-water mark. Not process.resourceUsage().maxRSS: Linux carries the
 * parent's RSS at fork into the child's maxrss across exec, so a child of a big parent would report
 * the parent. VmHWM belongs to the address space exec created. Elsewhere, sampled every 10 ms; not
 * on Linux, where the sampler's wake-ups alone cost 0.02-0.03 s of the measured CPU of a 256 MiB
 * transfer (charged to every side alike, so it pulled each CPU ratio toward 1).
 */
function kernelPeakRssMiB() {
  try {
    const kib = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
    return kib ? Number(kib[1]) / 1024 : undefined;
  } catch {
    return undefined; // not Linux
  }
}

let sampledPeak = process.memoryUsage.rss();
if (kernelPeakRssMiB() === undefined) {
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 10);
  sampler.unref();
}

function peakRssMiB() {
  return kernelPeakRssMiB() ?? Math.max(sampledPeak, process.memoryUsage.rss()) / 1024 / 1024;
}

process.once("message", async (/** @type {any} */ message) => {
  const { scenarioId, sideKey, ctx } = message;
  let reply;
  try {
    const { scenarios } = await import("../scenarios/index.mjs");
    const scenario = scenarios.find((s) => s.id === scenarioId);
    const side = scenario?.sides.find((s) => s.key === sideKey);
    if (!side) throw new Error(`unknown side ${scenarioId}/${sideKey}`);
    const measurement = await measureFresh(side, ctx, (m) => ({
      ...m,
      peakRssMiB: peakRssMiB(),
      baselineRssMiB,
    }));
    reply = { measurement };
  } catch (e) {
    reply = isNotAvailable(e)
      ? { notAvailable: e.message }
      : { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  process.send?.(reply, () => process.exit(0));
});
