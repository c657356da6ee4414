// Renders results as the markdown table the issue asks for (scenario, azkit, peer, ratio, limit,
// azkit/limit), a targets list, and JSON with every round's raw measurements.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderRatioChart } from "./chart.mjs";

/** @param {number | undefined} v @param {number} [decimals] */
export function formatNumber(v, decimals) {
  if (v === undefined || !Number.isFinite(v)) return "—";
  const d = decimals ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

const formatRatio = (r) => (r === undefined ? "—" : `${r.toFixed(2)}x`);
const formatRange = (range) => `${range.min.toFixed(2)}-${range.max.toFixed(2)}`;
const ratioWithRange = (row) =>
  row.ratio === undefined || row.ratioRange === undefined
    ? formatRatio(row.ratio)
    : `${formatRatio(row.ratio)} (${formatRange(row.ratioRange)})`;

/** After a verdict on azkit ÷ peer: the rounds' range of that ratio, and whether the target lies inside it. */
function spreadNote(row) {
  const range = row.ratioRange;
  const onPeer = row.target.filter((c) => c.vs === "peer");
  if (range === undefined || onPeer.length === 0) return "";
  const inside = onPeer.some((c) => c.value >= range.min && c.value <= range.max);
  return ` (rounds ${formatRange(range)}${inside ? ": the target is inside them" : ""})`;
}
const formatCell = (c, decimals) => (c.value === undefined ? c.note : formatNumber(c.value, decimals));
const arrow = (better) => (better === "higher" ? "↑" : "↓");

function describeTarget(target) {
  return target
    .map((c) =>
      c.vs === "peerDelta"
        ? `azkit − peer ${c.op} ${Number(c.value.toFixed(2))}`
        : `${c.op} ${Number(c.value.toFixed(2))}x ${c.vs}`,
    )
    .join(" or ");
}

function describeSizes(s) {
  if (!s) return "";
  const MiB = 1024 * 1024;
  return (
    `Sizes: small ops ${s.smallOps} per round, pipeline ${s.pipelineRequests} requests, transfers ` +
    `${s.transferBytes / MiB} MiB (blocks ${s.transferBlockSize / MiB} MiB × ${s.transferConcurrency}, ` +
    `${s.transferRounds} rounds), list ${s.listBlobs} blobs, cold start ${s.coldStartRuns} processes, ` +
    `LRO ${s.lroOperations} operations, mgmt ${s.mgmtCalls} gets/lists of ${s.mgmtListItems} items and ` +
    `${s.mgmtLros} LROs; ${s.rounds} rounds after ${s.warmup} warm-up.`
  );
}

/** @param {any} results */
export function renderMarkdown(results) {
  const lines = [
    `# azkit bench (${results.mode})`,
    "",
    `${results.startedAt} · Node ${results.node} · ${results.cpus} CPUs · ${results.seconds.toFixed(0)} s · ` +
      "medians of rounds; ratio = median of per-round azkit ÷ peer (lowest-highest round in brackets); " +
      "↑ higher is better, ↓ lower is better",
    "",
    describeSizes(results.sizes),
    "",
    "| scenario | azkit | peer | ratio | limit | azkit/limit |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const targets = [];
  for (const scenario of results.scenarios) {
    for (const row of scenario.rows) {
      const limit =
        row.limit.value === undefined
          ? row.limit.note
          : `${formatNumber(row.limit.value, row.decimals)} (${row.limit.label})`;
      lines.push(
        `| ${row.scenario}: ${row.metric} ${arrow(row.better)} | ${formatCell(row.azkit, row.decimals)} | ` +
          `${formatCell(row.peer, row.decimals)} | ${ratioWithRange(row)} | ${limit} | ${formatRatio(row.azkitOverLimit)} |`,
      );
      if (row.target) {
        const verdict = row.targetMet === undefined ? "not measured" : row.targetMet ? "met" : "MISSED";
        targets.push(
          `- ${row.scenario}: ${row.metric} — target ${describeTarget(row.target)}: **${verdict}**${spreadNote(row)}`,
        );
      }
    }
  }
  if (targets.length) lines.push("", "## Targets", "", ...targets);
  const problems = results.scenarios.flatMap((s) =>
    Object.entries(s.sides)
      .filter(([, side]) => side.status !== "ok")
      .map(([key, side]) => `- ${s.id} / ${key} (${side.label}): ${side.status} — ${side.reason}`),
  );
  if (problems.length) lines.push("", "## Sides that did not run (or stopped)", "", ...problems);
  const skipped = (results.skipped ?? []).map((s) => `- ${s.id}: ${s.reason}`);
  if (skipped.length) lines.push("", "## Scenarios not run", "", ...skipped);
  return `${lines.join("\n")}\n`;
}

/** Writes latest.md and latest.json into `dir`; returns the markdown. */
export function writeResults(dir, results) {
  mkdirSync(dir, { recursive: true });
  const markdown = renderMarkdown(results);
  writeFileSync(join(dir, "latest.md"), markdown);
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, "latest.svg"), renderRatioChart(results));
  return markdown;
}
