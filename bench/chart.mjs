// `npm run bench -- --chart`: latency versus scale, from bench/results/*.json, as an SVG drawn by
// hand (bench/results/latency.svg): p50 of rows 1 to 4 against the tasks loaded, both axes
// logarithmic, so that linear growth is a line of slope 1 and sub-linear growth is flatter.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the chart reads of a bench/results/<scale>.json (bench.mjs writes it).
 * @typedef {{ name: string; p50: number; p95: number; p99: number; rps: number;
 *   statementsPerRequest?: Record<string, number>; failedAnswers?: number }} ResultRow
 * @typedef {{ scale: string; tasks: number; results: ResultRow[] }} BenchRun
 */

const SERIES = [
  { prefix: '1.', label: '1. floor: compliance SQL alone', colour: '#4d4d4d' },
  { prefix: '2.', label: '2. assignments subgraph, _entities', colour: '#1f77b4' },
  { prefix: '3.', label: '3. our gateway, LeadershipCompliance', colour: '#d62728' },
  { prefix: '4.', label: '4. Hive Gateway (peer), LeadershipCompliance', colour: '#2ca02c' },
];
const WIDTH = 760;
const HEIGHT = 480;
const MARGIN = { left: 70, right: 40, top: 48, bottom: 60 };

/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Powers of ten and their 2x and 5x between `low` and `high`, for a logarithmic axis. @param {number} low @param {number} high */
function logTicks(low, high) {
  const ticks = [];
  for (let decade = 10 ** Math.floor(Math.log10(low)); decade <= high; decade *= 10)
    for (const step of [1, 2, 5]) if (decade * step >= low && decade * step <= high) ticks.push(decade * step);
  return ticks;
}

/** @param {number} value */
const tickLabel = (value) => (value >= 1e6 ? `${value / 1e6}M` : value >= 1e3 ? `${value / 1e3}k` : String(value));

/** The SVG text of the chart for the given results (one object per scale, as bench.mjs writes them). @param {BenchRun[]} results */
export function latencyChart(results) {
  const runs = [...results].sort((a, b) => a.tasks - b.tasks);
  const points = SERIES.map((series) => ({
    ...series,
    points: runs.flatMap((run) => {
      const row = run.results.find((result) => result.name.startsWith(series.prefix));
      return row ? [{ x: run.tasks, y: row.p50, scale: run.scale }] : [];
    }),
  }));
  const all = points.flatMap((series) => series.points);
  const xLow = 10 ** Math.floor(Math.log10(Math.min(...all.map((p) => p.x))));
  const xHigh = 10 ** Math.ceil(Math.log10(Math.max(...all.map((p) => p.x))));
  const yLow = 10 ** Math.floor(Math.log10(Math.min(...all.map((p) => p.y))));
  const yHigh = 10 ** Math.ceil(Math.log10(Math.max(...all.map((p) => p.y))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  /** @param {number} value */
  const x = (value) => MARGIN.left + (Math.log10(value / xLow) / Math.log10(xHigh / xLow)) * plotWidth;
  /** @param {number} value */
  const y = (value) => MARGIN.top + plotHeight - (Math.log10(value / yLow) / Math.log10(yHigh / yLow)) * plotHeight;
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">Compliance figures for all units, one year: p50 latency versus tasks loaded</text>`,
  );
  for (const tick of logTicks(xLow, xHigh)) {
    out.push(
      `<line x1="${x(tick)}" y1="${MARGIN.top}" x2="${x(tick)}" y2="${MARGIN.top + plotHeight}" stroke="#e5e5e5"/>`,
      `<text x="${x(tick)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${tickLabel(tick)}</text>`,
    );
  }
  for (const tick of logTicks(yLow, yHigh)) {
    out.push(
      `<line x1="${MARGIN.left}" y1="${y(tick)}" x2="${MARGIN.left + plotWidth}" y2="${y(tick)}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tickLabel(tick)}</text>`,
    );
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">tasks loaded (log scale)</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">p50 latency, ms (log scale)</text>`,
  );
  for (const run of runs)
    out.push(
      `<text x="${x(run.tasks)}" y="${MARGIN.top + plotHeight + 34}" text-anchor="middle" fill="#666">${escape(run.scale)}</text>`,
    );
  for (const series of points) {
    if (series.points.length === 0) continue;
    const path = series.points.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${path}" fill="none" stroke="${series.colour}" stroke-width="2"/>`);
    for (const p of series.points)
      out.push(
        `<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="4" fill="${series.colour}"><title>${escape(`${series.label}, ${p.scale}: ${p.y} ms`)}</title></circle>`,
      );
  }
  // Legend, top left inside the plot, with a reference slope: what linear growth would look like.
  const shown = points.filter((series) => series.points.length > 0);
  shown.forEach((series, index) => {
    const top = MARGIN.top + 14 + index * 18;
    out.push(
      `<line x1="${MARGIN.left + 12}" y1="${top}" x2="${MARGIN.left + 36}" y2="${top}" stroke="${series.colour}" stroke-width="2"/>`,
      `<text x="${MARGIN.left + 42}" y="${top + 4}">${escape(series.label)}</text>`,
    );
  });
  const top = MARGIN.top + 14 + shown.length * 18;
  out.push(
    `<line x1="${MARGIN.left + 12}" y1="${top}" x2="${MARGIN.left + 36}" y2="${top}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${MARGIN.left + 42}" y="${top + 4}">linear in the tasks (slope 1), from the floor's first point</text>`,
  );
  const from = points[0]?.points[0];
  if (from) {
    const toX = Math.max(...all.map((p) => p.x));
    const toY = Math.min(yHigh, from.y * (toX / from.x));
    const endX = from.x * (toY / from.y);
    out.push(
      `<line x1="${x(from.x).toFixed(1)}" y1="${y(from.y).toFixed(1)}" x2="${x(endX).toFixed(1)}" y2="${y(toY).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Reads every bench/results/<scale>.json in `folder` and writes `latency.svg` beside them. @param {string} folder */
export function writeLatencyChart(folder) {
  const results = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      /** @type {unknown} */
      const run = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      return /** @type {BenchRun} */ (run);
    });
  const file = join(folder, 'latency.svg');
  writeFileSync(file, latencyChart(results));
  return file;
}
