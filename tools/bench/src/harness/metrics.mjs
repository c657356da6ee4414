// Metric builders. A metric turns one measurement of one side into a number, and optionally carries the
// issue's target for it. A measurement is what the side's run() returned plus what the harness measured
// around it: { elapsedMs, cpuMs, peakRssMiB? (isolated sides only), ...runResult }.

/**
 * @typedef {{ vs: "peer" | "limit" | "peerDelta", op: ">=" | "<=", value: number }} TargetClause
 * (`peerDelta`: azkit − peer in the metric's own unit, for overheads such as µs per call)
 * @typedef {{
 *   key: string, label: string, better: "higher" | "lower", decimals?: number,
 *   of: (m: Record<string, number>) => number | undefined,
 *   target?: TargetClause[],
 * }} Metric
 */

const MB = 1e6;

/** Operations per second; the run returns `{ count }`. @param {string} unit e.g. "ops/s" */
export function perSecond(unit, target) {
  return {
    key: "perSecond",
    label: unit,
    better: "higher",
    of: (m) => (m.count && m.elapsedMs ? (m.count * 1000) / m.elapsedMs : undefined),
    target,
  };
}

/** Client CPU (user + system) per item, in ms. @param {string} item e.g. "op" */
export function cpuPer(item, target, per = 1) {
  return {
    key: "cpuPer",
    label: per === 1 ? `CPU ms/${item}` : `CPU ms/${per} ${item}s`,
    better: "lower",
    decimals: 3,
    of: (m) => (m.count && m.cpuMs !== undefined ? (m.cpuMs * per) / m.count : undefined),
    target,
  };
}

/** Megabytes (10^6 bytes) per second; the run returns `{ bytes }`. */
export function megabytesPerSecond(target) {
  return {
    key: "mbPerSecond",
    label: "MB/s",
    better: "higher",
    of: (m) => (m.bytes && m.elapsedMs ? m.bytes / MB / (m.elapsedMs / 1000) : undefined),
    target,
  };
}

/** Total client CPU of the timed part, in seconds. */
export function cpuSeconds(target) {
  return {
    key: "cpuSeconds",
    label: "client CPU s",
    better: "lower",
    decimals: 2,
    of: (m) => (m.cpuMs === undefined ? undefined : m.cpuMs / 1000),
    target,
  };
}

/**
 * Peak RSS of the child process that ran the side, above the bare Node process it started as, minus
 * any buffer the scenario itself holds (`heldBytes`: the source of uploadData, the destination of
 * downloadToBuffer). What is left is the SDK: its code, its buffers, its sockets.
 */
export function peakRss(target) {
  return {
    key: "peakRss",
    label: "peak RSS MiB over bare node (excl. data buffer)",
    better: "lower",
    of: (m) =>
      m.peakRssMiB === undefined
        ? undefined
        : m.peakRssMiB - (m.baselineRssMiB ?? 0) - (m.heldBytes ?? 0) / 1024 / 1024,
    target,
  };
}

/**
 * A value the run measured itself (cold start timings, footprint sizes).
 * @param {string} key field of the run result @param {string} label @param {"higher"|"lower"} better
 */
export function reported(key, label, better, target, decimals) {
  return { key, label, better, decimals, of: (m) => m[key], target };
}
