import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { kernelCountersSince, readKernelCounters } from "../src/harness/kernelCounters.mjs";
import { NotAvailableError } from "../src/harness/notAvailable.mjs";
import { cpuPer, perSecond } from "../src/harness/metrics.mjs";
import { renderRatioChart } from "../src/harness/chart.mjs";
import { renderMarkdown } from "../src/harness/report.mjs";
import { runScenario } from "../src/harness/runScenario.mjs";
import { median } from "../src/harness/stats.mjs";
import { summarizeMetric } from "../src/harness/summarize.mjs";

const sizes = { name: "test", rounds: 3, warmup: 1 } as never;

function fakeScenario(sides: unknown[]) {
  return {
    id: "fake",
    title: "fake",
    metrics: [perSecond("ops/s", [{ vs: "peer", op: ">=", value: 1 }]), cpuPer("op")],
    sides,
  } as never;
}

describe("median", () => {
  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("summarizeMetric", () => {
  const scenario = fakeScenario([
    { key: "azkit", role: "azkit", label: "a" },
    { key: "peer", role: "peer", label: "p" },
    { key: "raw1", role: "limit", label: "raw one" },
    { key: "raw2", role: "limit", label: "raw two" },
  ]);
  const ok = { role: "x", label: "x", status: "ok" };
  const status = {
    azkit: ok,
    peer: ok,
    raw1: { ...ok, label: "raw one" },
    raw2: { ...ok, label: "raw two" },
  };
  const m = (count: number) => ({ count, elapsedMs: 1000, cpuMs: 10 });
  const rounds = [
    { azkit: m(200), peer: m(100), raw1: m(300), raw2: m(250) },
    { azkit: m(150), peer: m(200), raw1: m(200), raw2: m(400) },
    { azkit: m(100), peer: m(50), raw1: m(100), raw2: m(100) },
  ];

  it("reports the median of per-round ratios, not the ratio of medians", () => {
    const row = summarizeMetric(scenario, perSecond("ops/s"), status as never, rounds);
    expect(row.azkit.value).toBe(150);
    expect(row.peer.value).toBe(100);
    // per-round azkit/peer: 2, 0.75, 2 -> median 2 (the ratio of the medians would be 1.5)
    expect(row.ratio).toBe(2);
  });

  it("gives the spread of the per-round ratios beside their median", () => {
    const row = summarizeMetric(scenario, perSecond("ops/s"), status as never, rounds);
    // per-round azkit/peer: 2, 0.75, 2
    expect(row.ratioRange).toEqual({ min: 0.75, max: 2 });
    const single = summarizeMetric(scenario, perSecond("ops/s"), status as never, [rounds[0]!]);
    expect(single.ratioRange).toBeUndefined();
  });

  it("uses the better raw client as the limit, per round for azkit/limit", () => {
    const row = summarizeMetric(scenario, perSecond("ops/s"), status as never, rounds);
    expect(row.limit.label).toBe("raw two"); // medians: raw one 200, raw two 250
    // per round best limit: 300, 400, 100 -> azkit/limit 0.667, 0.375, 1 -> median 0.667
    expect(row.azkitOverLimit).toBeCloseTo(2 / 3);
  });

  it("decides a target from the ratio and says when it cannot", () => {
    const met = summarizeMetric(
      scenario,
      perSecond("ops/s", [{ vs: "peer", op: ">=", value: 1.4 }]),
      status as never,
      rounds,
    );
    const missed = summarizeMetric(
      scenario,
      perSecond("ops/s", [{ vs: "peer", op: ">=", value: 2.5 }]),
      status as never,
      rounds,
    );
    const undecided = summarizeMetric(
      scenario,
      perSecond("ops/s", [{ vs: "peer", op: ">=", value: 1 }]),
      status as never,
      [{ peer: m(1) }],
    );
    expect([met.targetMet, missed.targetMet, undecided.targetMet]).toEqual([true, false, undefined]);
  });

  it("decides an overhead target from azkit − peer per round", () => {
    const usPerOp = {
      key: "usPerOp",
      label: "wall µs/op",
      better: "lower" as const,
      of: (x: { elapsedMs: number; count: number }) => (x.elapsedMs * 1000) / x.count,
    };
    const at = (limit: number) =>
      summarizeMetric(
        scenario,
        { ...usPerOp, target: [{ vs: "peerDelta", op: "<=", value: limit }] },
        status as never,
        rounds,
      );
    // per round µs/op azkit − peer: 5000 − 10000, 6666.7 − 5000, 10000 − 20000 -> median −5000
    expect(at(50).azkitMinusPeer).toBeCloseTo(-5000);
    expect(at(50).targetMet).toBe(true);
    expect(at(-6000).targetMet).toBe(false);
  });
});

describe("runScenario", () => {
  it("runs warm-up plus rounds, alternating sides, and keeps going when a side is not available or fails", async () => {
    const order: string[] = [];
    const side = (key: string, role: string, run: () => Promise<Record<string, number>>) => ({
      key,
      role,
      label: key,
      run,
    });
    const scenario = fakeScenario([
      side("azkit", "azkit", async () => {
        throw new NotAvailableError("not built");
      }),
      side("peer", "peer", async () => {
        order.push("peer");
        return { count: 10 };
      }),
      side("limit", "limit", async () => {
        order.push("limit");
        if (order.length > 4) throw new Error("limit broke");
        return { count: 20 };
      }),
    ]);
    const result = await runScenario(scenario, { env: {}, sizes }, () => {});
    expect(result.sides.azkit).toMatchObject({ status: "n/a", reason: "not built" });
    expect(result.sides.limit).toMatchObject({ status: "error", reason: "limit broke" });
    // rounds rotate the order: A B L, B L A, L A B, ...
    expect(order.slice(0, 4)).toEqual(["peer", "limit", "peer", "limit"]);
    expect(result.rounds).toBe(3);
    expect(result.rows[0].azkit.note).toBe("n/a (not built)");
    expect(result.rows[0].peer.value).toBeGreaterThan(0);

    const markdown = renderMarkdown({
      mode: "test",
      startedAt: "now",
      node: "20",
      cpus: 2,
      seconds: 1,
      scenarios: [result],
    });
    expect(markdown).toContain("| fake: ops/s ↑ | n/a (not built) |");
    expect(markdown).toContain("- fake / limit (limit): error — limit broke");
  });
});

describe("renderRatioChart", () => {
  const row = (scenario: string, ratio: number | undefined, targetMet: boolean | undefined) => ({
    scenario,
    metric: "ops/s",
    better: "higher",
    ratio,
    targetMet,
    target: targetMet === undefined ? undefined : [{ vs: "peer", op: ">=", value: 1.5 }],
  });
  const results = {
    mode: "quick",
    startedAt: "2026-12-03T00:00:00.000Z",
    node: "20.20.2",
    cpus: 2,
    scenarios: [{ rows: [row("met", 2, true), row("missed", 0.5, false), row("no target", 1.2, undefined)] }],
  };

  it("draws one labelled bar per row with a ratio, coloured by its target, and a tick at each peer target", () => {
    const svg = renderRatioChart(results);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('fill="#2e7d32"'); // met
    expect(svg).toContain('fill="#c62828"'); // missed
    expect(svg).toContain('fill="#9aa0a6"'); // no target
    expect(svg.match(/stroke-width="2"/g)).toHaveLength(2);
    expect(svg).toContain("2.00x");
    expect(svg).toContain("2026-12-03");
  });

  it("spans each row's lowest to highest round with a line, and writes the ratio past it", () => {
    const svg = renderRatioChart({
      ...results,
      scenarios: [{ rows: [{ ...row("spread", 1, true), ratioRange: { min: 0.5, max: 2 } }] }],
    });
    // the axis runs 0.125x..8x over 490 px from x=500: 0.5x at 663.3, 2x at 826.7
    expect(svg).toContain("M663.3 ");
    expect(svg).toContain("H826.7");
    expect(svg).toContain('<text x="830.7" y="70" fill="#333">1.00x</text>');
  });

  it("leaves out rows without a ratio and escapes labels", () => {
    const svg = renderRatioChart({
      ...results,
      scenarios: [{ rows: [row("a <b> & c", 1, undefined), row("not measured", undefined, undefined)] }],
    });
    expect(svg.match(/<rect x=/g)).toHaveLength(1);
    expect(svg).toContain("a &lt;b&gt; &amp; c");
  });
});

describe("renderMarkdown", () => {
  const row = (ratio: number, min: number, max: number, targetValue: number) => ({
    scenario: "small ops: x",
    metric: "CPU ms/op",
    better: "lower",
    azkit: { value: 1 },
    peer: { value: 2 },
    ratio,
    ratioRange: { min, max },
    limit: { value: undefined, note: "—" },
    azkitOverLimit: undefined,
    target: [{ vs: "peer", op: "<=", value: targetValue }],
    targetMet: ratio <= targetValue,
  });
  const render = (r: ReturnType<typeof row>) =>
    renderMarkdown({
      mode: "test",
      startedAt: "now",
      node: "20",
      cpus: 2,
      seconds: 1,
      scenarios: [{ rows: [r], sides: {} }],
    });

  it("shows the rounds' range of the ratio and says when a verdict lies inside it", () => {
    const inside = render(row(0.52, 0.47, 0.58, 0.5));
    expect(inside).toContain("| 0.52x (0.47-0.58) |");
    expect(inside).toContain("**MISSED** (rounds 0.47-0.58: the target is inside them)");
    const outside = render(row(0.4, 0.38, 0.44, 0.5));
    expect(outside).toContain("**met** (rounds 0.38-0.44)");
    expect(outside).not.toContain("inside them");
  });

  it("gives no range after a verdict on another figure than azkit ÷ peer", () => {
    const onLimit = {
      ...row(1.4, 1.3, 1.5, 0.9),
      target: [{ vs: "limit", op: ">=", value: 0.9 }],
      targetMet: true,
    };
    expect(render(onLimit)).toContain("**met**\n");
  });
});

describe("kernelCountersSince", () => {
  it.runIf(process.platform === "linux")(
    "counts this process's reads and page faults between two readings",
    () => {
      const before = readKernelCounters();
      for (let i = 0; i < 5; i++) readFileSync(fileURLToPath(import.meta.url));
      const touched = Buffer.alloc(16 * 1024 * 1024, 1);
      const since = kernelCountersSince(before);
      expect(touched.length).toBeGreaterThan(0);
      expect(since.kernelReads).toBeGreaterThanOrEqual(5);
      expect(since.kernelMinorFaults).toBeGreaterThan(100);
      expect(Object.keys(since).sort()).toEqual([
        "kernelMajorFaults",
        "kernelMinorFaults",
        "kernelPreemptions",
        "kernelReads",
        "kernelWaits",
        "kernelWrites",
      ]);
    },
  );

  it("gives no fields without a first reading", () => {
    expect(kernelCountersSince(undefined)).toEqual({});
  });
});
