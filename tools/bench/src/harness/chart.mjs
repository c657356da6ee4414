// Renders the azkit ÷ peer ratio of every row as an SVG bar chart with the target lines, so the
// README can show where azkit stands at a glance. Bars grow from 1x on a log scale (0.125x .. 8x);
// a bar is green when its target is met, red when missed, grey when the row has no peer target; a
// thin line across it spans the lowest to the highest round's ratio.

const WIDTH = 1060;
const LABEL_WIDTH = 500;
const ROW_HEIGHT = 22;
const TOP = 56;
const MIN_RATIO = 1 / 8;
const MAX_RATIO = 8;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 70;

const escapeXml = (text) =>
  String(text).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);

/** x position of a ratio on the log axis. */
function xOf(ratio) {
  const clamped = Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
  const span = Math.log2(MAX_RATIO) - Math.log2(MIN_RATIO);
  return LABEL_WIDTH + ((Math.log2(clamped) - Math.log2(MIN_RATIO)) / span) * PLOT_WIDTH;
}

function barColor(row) {
  if (!row.target || row.targetMet === undefined) return "#9aa0a6";
  return row.targetMet ? "#2e7d32" : "#c62828";
}

/** @param {any} results the object `writeResults` saves as latest.json */
export function renderRatioChart(results) {
  const rows = results.scenarios
    .flatMap((scenario) => scenario.rows)
    .filter((row) => row.ratio !== undefined);
  const height = TOP + rows.length * ROW_HEIGHT + 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">azkit ÷ @azure peer (${escapeXml(results.mode)} run)</text>`,
    `<text x="10" y="38" fill="#555">${escapeXml(results.startedAt)} · Node ${escapeXml(results.node)} · ${results.cpus} CPUs · ↑ rows: right of 1x is better; ↓ rows: left of 1x is better; black tick = target</text>`,
  ];
  for (const ratio of [0.125, 0.25, 0.5, 1, 2, 4, 8]) {
    const x = xOf(ratio).toFixed(1);
    const stroke = ratio === 1 ? "#000" : "#ddd";
    parts.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 30}" stroke="${stroke}"/>`);
    parts.push(`<text x="${x}" y="${height - 14}" text-anchor="middle" fill="#555">${ratio}x</text>`);
  }
  rows.forEach((row, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const full = `${row.scenario}: ${row.metric}`;
    const label = `${full.length > 78 ? `${full.slice(0, 77)}…` : full} ${row.better === "higher" ? "↑" : "↓"}`;
    const from = xOf(1);
    const to = xOf(row.ratio);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(label)}</text>`);
    parts.push(
      `<rect x="${Math.min(from, to).toFixed(1)}" y="${y + 4}" width="${Math.max(1, Math.abs(to - from)).toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${barColor(row)}"/>`,
    );
    let textFrom = Math.max(from, to);
    if (row.ratioRange) {
      const low = xOf(row.ratioRange.min).toFixed(1);
      const high = xOf(row.ratioRange.max).toFixed(1);
      const mid = y + ROW_HEIGHT / 2;
      parts.push(
        `<path d="M${low} ${mid - 3}V${mid + 3}M${low} ${mid}H${high}M${high} ${mid - 3}V${mid + 3}" stroke="#333" fill="none"/>`,
      );
      textFrom = Math.max(textFrom, xOf(row.ratioRange.max));
    }
    parts.push(
      `<text x="${(textFrom + 4).toFixed(1)}" y="${y + 14}" fill="#333">${row.ratio.toFixed(2)}x</text>`,
    );
    for (const clause of row.target ?? []) {
      if (clause.vs !== "peer") continue;
      const x = xOf(clause.value).toFixed(1);
      parts.push(
        `<line x1="${x}" y1="${y + 1}" x2="${x}" y2="${y + ROW_HEIGHT - 1}" stroke="#000" stroke-width="2"/>`,
      );
    }
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
