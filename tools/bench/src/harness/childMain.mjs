// Child process entry: runs one side of one scenario once, in a fresh process, and reports the
// measurement plus the process's peak RSS (kernel high-water mark, so nothing between samples is missed)
// and its RSS before any scenario code loaded (the bare Node process).
import { isNotAvailable } from "./notAvailable.mjs";
import { measureFresh } from "./measure.mjs";

const baselineRssMiB = process.memoryUsage().rss / 1024 / 1024;

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
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
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
