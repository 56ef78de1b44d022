// @ts-check
// Plain SVG charts: no library, nothing fetched. Every mark carries its figures in data-*
// attributes and a <title>, for screen readers, tooltips and tests.

const SVG = 'http://www.w3.org/2000/svg';

/**
 * @typedef {import('./api.js').Buckets} Buckets
 * @typedef {import('./api.js').Unit} Unit
 * @typedef {{ key: keyof Buckets; label: string; className: string }} Series
 */

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {...(Node | string)} children
 */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** @param {string} text */
const title = (text) => svg('title', {}, text);

/** The four buckets of RULES.md, in the order they stack. @type {Series[]} */
export const BUCKETS = [
  { key: 'completedOnTime', label: 'Hoàn thành đúng hạn', className: 'on-time' },
  { key: 'completedLate', label: 'Hoàn thành trễ hạn', className: 'late' },
  { key: 'inProgressWithinDeadline', label: 'Đang thực hiện trong hạn', className: 'in-progress' },
  { key: 'inProgressOverdue', label: 'Quá hạn', className: 'overdue' },
];

const number = new Intl.NumberFormat('vi-VN');

/** A round upper bound for an axis and its step: 134 → 150 by 25. @param {number} max */
function niceScale(max, ticks = 5) {
  if (max <= 0) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // 10 × magnitude is always at least `raw`.
  const step =
    [1, 2, 2.5, 5].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

/** The values of an axis from 0 to `max` by `step`. @param {number} max @param {number} step */
function ticks(max, step) {
  return Array.from({ length: Math.round(max / step) + 1 }, (_, index) => index * step);
}

/**
 * An empty chart of `width` × `height` units that scales to its container.
 * @param {number} width
 * @param {number} height
 * @param {string} className
 * @param {string} label
 */
function frame(width, height, className, label) {
  return svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: `chart ${className}`,
    role: 'img',
    'aria-label': label,
  });
}

/**
 * One stacked horizontal bar per unit: its four buckets, to a common scale. `units` are
 * `{ id, code, name, compliance }` in the order to draw; `onSelect(unit)` on click or Enter.
 * @param {Unit[]} units
 * @param {(unit: Unit) => void} onSelect
 */
export function stackedBars(units, onSelect) {
  const labelWidth = 230;
  const barWidth = 560;
  const row = 24;
  const top = 28;
  const width = labelWidth + barWidth + 60;
  const drawn = units.filter(
    /** @returns {unit is Unit & { compliance: Buckets }} */ (unit) => unit.compliance !== null,
  );
  const height = top + drawn.length * row + 8;
  const { top: max, step } = niceScale(
    Math.max(1, ...drawn.map(({ compliance }) => BUCKETS.reduce((sum, { key }) => sum + compliance[key], 0))),
  );
  /** @param {number} value */
  const x = (value) => (value / max) * barWidth;
  const chart = frame(width, height, 'bars', 'Cơ cấu nhiệm vụ theo đơn vị');
  for (const tick of ticks(max, step)) {
    chart.append(
      svg('line', { x1: labelWidth + x(tick), x2: labelWidth + x(tick), y1: top - 6, y2: height - 8, class: 'grid' }),
      svg(
        'text',
        { x: labelWidth + x(tick), y: top - 12, class: 'tick', 'text-anchor': 'middle' },
        number.format(tick),
      ),
    );
  }
  drawn.forEach((unit, index) => {
    const y = top + index * row;
    const group = svg('g', {
      class: 'bar',
      'data-code': unit.code,
      tabindex: 0,
      role: 'button',
      'aria-label': unit.name,
    });
    group.append(
      title(
        `${unit.name}: ${BUCKETS.map(({ key, label }) => `${label} ${number.format(unit.compliance[key])}`).join(', ')}`,
      ),
    );
    group.append(
      svg(
        'text',
        { x: labelWidth - 8, y: y + row / 2 + 4, class: 'label', 'text-anchor': 'end' },
        shorten(unit.name, 34),
      ),
    );
    let offset = labelWidth;
    for (const { key, className } of BUCKETS) {
      const value = unit.compliance[key];
      const length = x(value);
      group.append(
        svg('rect', {
          x: offset,
          y: y + 4,
          width: Math.max(0, length),
          height: row - 8,
          class: `segment ${className}`,
          'data-bucket': key,
          'data-value': value,
        }),
      );
      offset += length;
    }
    group.append(
      svg('text', { x: offset + 6, y: y + row / 2 + 4, class: 'total' }, number.format(unit.compliance.assigned)),
    );
    group.addEventListener('click', () => onSelect(unit));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(unit);
      }
    });
    chart.append(group);
  });
  return chart;
}

/** The series of the trend chart: month by month, as of the same date. @type {Series[]} */
export const TREND_SERIES = [
  { key: 'assigned', label: 'Được giao', className: 'assigned' },
  { key: 'completedOnTime', label: 'Hoàn thành đúng hạn', className: 'on-time' },
  { key: 'completedLate', label: 'Hoàn thành trễ hạn', className: 'late' },
  { key: 'inProgressOverdue', label: 'Quá hạn', className: 'overdue' },
];

/**
 * A line per series over `months` (`{ month, label, figures }`).
 * @param {{ month: string; label: string; figures: Buckets }[]} months
 */
export function trendLines(months) {
  const width = 640;
  const height = 300;
  const margin = { left: 44, right: 32, top: 16, bottom: 36 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const { top: max, step } = niceScale(
    Math.max(1, ...months.flatMap(({ figures }) => TREND_SERIES.map(({ key }) => figures[key]))),
  );
  /** @param {number} index */
  const x = (index) =>
    margin.left + (months.length === 1 ? innerWidth / 2 : (index / (months.length - 1)) * innerWidth);
  /** @param {number} value */
  const y = (value) => margin.top + innerHeight - (value / max) * innerHeight;
  const chart = frame(width, height, 'trend', 'Xu hướng theo tháng giao nhiệm vụ');
  for (const tick of ticks(max, step)) {
    chart.append(
      svg('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: 'grid' }),
      svg('text', { x: margin.left - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, number.format(tick)),
    );
  }
  const every = Math.ceil(months.length / 12);
  months.forEach(({ label }, index) => {
    if (index % every === 0)
      chart.append(
        svg('text', { x: x(index), y: height - margin.bottom + 18, class: 'tick', 'text-anchor': 'middle' }, label),
      );
  });
  for (const { key, label, className } of TREND_SERIES) {
    const points = months.map(({ figures }, index) => `${x(index)},${y(figures[key])}`).join(' ');
    const series = svg('g', { class: `series ${className}`, 'data-series': key });
    series.append(svg('polyline', { points, class: 'line' }));
    months.forEach(({ month, label: monthLabel, figures }, index) => {
      series.append(
        svg(
          'circle',
          {
            cx: x(index),
            cy: y(figures[key]),
            r: 3.5,
            class: 'point',
            'data-month': month,
            'data-value': figures[key],
          },
          title(`${monthLabel} · ${label}: ${number.format(figures[key])}`),
        ),
      );
    });
    chart.append(series);
  }
  return chart;
}

/** @param {string} text @param {number} length */
function shorten(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
