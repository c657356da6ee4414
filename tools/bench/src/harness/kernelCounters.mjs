// What the kernel did for this process, on Linux: read and write system calls, page faults and
// context switches. Each measurement carries their difference over its timed part (plus the few
// reads of /proc itself), so a round whose system CPU jumps can be told apart from one that did more
// work: downloadToFile's slow rounds (2026-12-04) made the same ~4,700 reads and ~1,500 writes as
// its fast ones, and spent the extra time in the kernel's copy into the page cache.
import { readFileSync } from "node:fs";

/** @typedef {{ reads: number, writes: number, minorFaults: number, majorFaults: number, waits: number, preemptions: number }} KernelCounters */

/** @returns {KernelCounters | undefined} undefined where /proc is not Linux's */
export function readKernelCounters() {
  try {
    const io = readFileSync("/proc/self/io", "utf8");
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = readFileSync("/proc/self/status", "utf8");
    return {
      reads: field(io, "syscr"),
      writes: field(io, "syscw"),
      minorFaults: Number(fields[7]),
      majorFaults: Number(fields[9]),
      waits: field(status, "voluntary_ctxt_switches"),
      preemptions: field(status, "nonvoluntary_ctxt_switches"),
    };
  } catch {
    return undefined;
  }
}

/**
 * The counters since `before`, as measurement fields (`kernelReads`, `kernelWaits`, ...); none when
 * either reading is missing.
 * @param {KernelCounters | undefined} before
 * @returns {Record<string, number>}
 */
export function kernelCountersSince(before) {
  const after = readKernelCounters();
  if (before === undefined || after === undefined) return {};
  /** @type {Record<string, number>} */
  const fields = {};
  for (const [name, value] of Object.entries(after)) {
    fields[`kernel${name[0].toUpperCase()}${name.slice(1)}`] =
      value - before[/** @type {keyof KernelCounters} */ (name)];
  }
  return fields;
}

/** The number after `name:` on its own line of a /proc key-value file. */
function field(text, name) {
  const match = new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text);
  if (match === null) throw new Error(`no ${name} in /proc`);
  return Number(match[1]);
}
