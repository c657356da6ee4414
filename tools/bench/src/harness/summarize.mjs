// Turns the rounds of one scenario into one table row per metric: the median of each side, the median
// of the per-round azkit/peer ratios and their range, the best raw client ("limit") and the median
// per-round azkit/limit.
import { median, ratio } from "./stats.mjs";

/**
 * @param {import("./runScenario.mjs").Scenario} scenario
 * @param {import("./metrics.mjs").Metric} metric
 * @param {Record<string, import("./runScenario.mjs").SideStatus>} status
 * @param {Record<string, Record<string, number>>[]} rounds
 */
export function summarizeMetric(scenario, metric, status, rounds) {
  const value = (key, round) => (round[key] ? metric.of(round[key]) : undefined);
  const better = (a, b) => (metric.better === "higher" ? a > b : a < b);
  const sideKeys = (role) => scenario.sides.filter((s) => s.role === role).map((s) => s.key);
  const medianOf = (key) => median(rounds.map((round) => value(key, round)).filter((v) => v !== undefined));
  const cell = (key) => {
    if (!key) return { value: undefined, note: "—" };
    const s = status[key];
    const v = medianOf(key);
    if (v !== undefined) return { value: v };
    if (s.status === "ok") return { value: undefined, note: "no data" };
    return { value: undefined, note: s.status === "n/a" ? `n/a (${s.reason})` : "error" };
  };
  const azkitKey = sideKeys("azkit")[0];
  const peerKey = sideKeys("peer")[0];
  const limitKeys = sideKeys("limit");
  let bestLimit;
  for (const key of limitKeys) {
    const v = medianOf(key);
    if (v !== undefined && (bestLimit === undefined || better(v, bestLimit.value))) {
      bestLimit = { key, value: v };
    }
  }
  const bestLimitInRound = (round) => {
    let best;
    for (const key of limitKeys) {
      const v = value(key, round);
      if (v !== undefined && (best === undefined || better(v, best))) best = v;
    }
    return best;
  };
  const perRound = (pick) => median(rounds.map(pick).filter((v) => v !== undefined));
  const ratios = rounds
    .map((round) => ratio(value(azkitKey, round), value(peerKey, round)))
    .filter((v) => v !== undefined);
  const row = {
    scenario: scenario.title,
    metric: metric.label,
    better: metric.better,
    decimals: metric.decimals,
    azkit: cell(azkitKey),
    peer: cell(peerKey),
    ratio: median(ratios),
    // How far one round's ratio strays: a target inside this range can go either way in another run.
    ratioRange: ratios.length > 1 ? { min: Math.min(...ratios), max: Math.max(...ratios) } : undefined,
    limit: bestLimit
      ? { value: bestLimit.value, label: status[bestLimit.key].label }
      : limitKeys.length
        ? cell(limitKeys[0])
        : { value: undefined, note: "—" },
    azkitOverLimit: perRound((round) => ratio(value(azkitKey, round), bestLimitInRound(round))),
    azkitMinusPeer: perRound((round) => {
      const a = value(azkitKey, round);
      const p = value(peerKey, round);
      return a === undefined || p === undefined ? undefined : a - p;
    }),
  };
  return { ...row, target: metric.target, targetMet: targetMet(metric.target, row) };
}

/** True/false when the data decides it, undefined when a needed side is missing. */
function targetMet(target, row) {
  if (!target) return undefined;
  let decided = false;
  for (const clause of target) {
    const r =
      clause.vs === "peer" ? row.ratio : clause.vs === "peerDelta" ? row.azkitMinusPeer : row.azkitOverLimit;
    if (r === undefined) continue;
    decided = true;
    if (clause.op === ">=" ? r >= clause.value : r <= clause.value) return true;
  }
  return decided ? false : undefined;
}
