// @ts-check
// The reference leadership dashboard: a period and an as-of date, every department and district
// with its figures, two charts, and a unit's overdue tasks and inspections. Only contract queries
// (api.js), only this origin; dates are calendar dates in Asia/Ho_Chi_Minh (dates.js).
import { contractQueries, query, RequestFailed } from './api.js';
import { BUCKETS, stackedBars, TREND_SERIES, trendLines } from './charts.js';
import { daysBetween, formatDate, formatMonth, isCalendarDate, monthsOf, todayInVietnam } from './dates.js';

/**
 * @typedef {import('./api.js').Answers} Answers
 * @typedef {import('./api.js').ApiError} ApiError
 * @typedef {import('./api.js').AwaitingTask} AwaitingTask
 * @typedef {import('./api.js').Buckets} Buckets
 * @typedef {import('./api.js').Coordination} Coordination
 * @typedef {import('./api.js').Figures} Figures
 * @typedef {import('./api.js').FollowUp} FollowUp
 * @typedef {import('./api.js').OverdueTask} OverdueTask
 * @typedef {import('./api.js').Unit} Unit
 * @typedef {import('./charts.js').Series} Series
 * @typedef {{ from: string; to: string; asOf: string; kinds: string[] }} Period
 * @typedef {{ key: string; label: string; value: (unit: Unit) => string | number | null; text?: boolean;
 *   figure?: boolean; rate?: boolean; className?: string }} Column
 * @typedef {Node | string | null | undefined} Child
 */

const TOKEN_KEY = 'giaoviec.dashboard.token';
/** The trend asks one ProvinceCompliance per month: bounded, to stay polite to the API. */
const MAX_TREND_MONTHS = 36;
const OVERDUE_PAGE = 20;
const AWAITING_PAGE = 20;
/** The roles that decide on reports and requests: OFFICE, and UNIT for the sub-tasks it delegated. */
const DECIDING_ROLES = ['OFFICE', 'UNIT'];

/** @type {Record<string, string>} */
const KIND_LABELS = { DEPARTMENT: 'Sở, ban, ngành', DISTRICT: 'Huyện, thành phố' };
const number = new Intl.NumberFormat('vi-VN');
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const collator = new Intl.Collator('vi');

/** A unit's figure, null without figures (a subgraph down). @param {keyof Figures} key */
const figure = (key) => /** @param {Unit} unit */ (unit) => unit.compliance?.[key] ?? null;

/** A unit's record as a coordinator, null without it. @param {keyof Coordination} key */
const coordination = (key) => /** @param {Unit} unit */ (unit) => unit.coordination?.[key] ?? null;

/** The table's columns: how to read, show and sort each. @type {Column[]} */
const COLUMNS = [
  { key: 'name', label: 'Đơn vị', value: (unit) => unit.name, text: true },
  { key: 'kind', label: 'Loại', value: (unit) => KIND_LABELS[unit.kind] ?? unit.kind, text: true },
  { key: 'assigned', label: 'Được giao', figure: true, value: figure('assigned') },
  ...BUCKETS.map(({ key, label, className }) => ({ key, label, figure: true, className, value: figure(key) })),
  { key: 'completionRate', label: 'Tỷ lệ hoàn thành', rate: true, value: figure('completionRate') },
  { key: 'onTimeRate', label: 'Tỷ lệ đúng hạn', rate: true, value: figure('onTimeRate') },
  // Beside its own tasks, how the unit did as a coordinating unit (phối hợp) of others' tasks.
  { key: 'coordinationRequested', label: 'Được đề nghị phối hợp', figure: true, value: coordination('requested') },
  { key: 'contributedOnTime', label: 'Phối hợp đúng hạn', figure: true, value: coordination('contributedOnTime') },
  { key: 'contributedLate', label: 'Phối hợp trễ hạn', figure: true, value: coordination('contributedLate') },
  { key: 'pendingOverdue', label: 'Chưa phối hợp, quá hạn', figure: true, value: coordination('pendingOverdue') },
];

/** @param {string} key */
function columnOf(key) {
  const column = COLUMNS.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column;
}

/** An element of the page's own markup (index.html). @param {string} selector */
function $(selector) {
  const element = document.querySelector(selector);
  if (!(element instanceof HTMLElement)) throw new Error(`the page has no ${selector}`);
  return element;
}

/** A form field of the page, for its value. @param {string} selector */
function field(selector) {
  const element = $(selector);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement))
    throw new Error(`${selector} is not a form field`);
  return element;
}

/**
 * An element: attributes (functions become event listeners, `on` + the event's name) and children.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>} [attributes]
 * @param {...(Child | Child[])} children
 */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(
    ...children
      .flat()
      .filter(/** @returns {child is Node | string} */ (child) => child !== null && child !== undefined),
  );
  return element;
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * @type {{ token: string; period: Period | null; units: Unit[];
 *   sort: { key: string; direction: 'ascending' | 'descending' }; selected: Unit | null; generation: number;
 *   periodChosen: boolean }}
 */
const state = {
  token: '',
  period: null,
  units: [],
  sort: { key: 'name', direction: 'ascending' },
  selected: null,
  /** Each load has a number; answers of an older load are dropped. */
  generation: 0,
  /** Whether the user set the period: until then the page picks one with data (`firstLook`). */
  periodChosen: false,
};

// ---------------------------------------------------------------- errors and status

/** @param {ApiError[]} errors @param {string} [context] */
function showErrors(errors, context) {
  const box = $('#errors');
  box.hidden = false;
  box.append(
    ...errors.map((error) => {
      const code = error.extensions?.code ?? 'UNKNOWN';
      const requestId = error.extensions?.requestId;
      return h(
        'p',
        { class: 'error', 'data-code': code },
        h('strong', {}, context ? `${context}: ` : ''),
        error.message,
        ' ',
        h('code', {}, code),
        requestId ? h('span', { class: 'request-id' }, ` · mã yêu cầu ${requestId}`) : null,
      );
    }),
  );
}

function clearErrors() {
  $('#errors').replaceChildren();
  $('#errors').hidden = true;
}

/** @param {unknown} error @returns {ApiError[]} */
function failure(error) {
  return error instanceof RequestFailed
    ? error.errors
    : [{ message: messageOf(error), extensions: { code: 'CLIENT_ERROR' } }];
}

/** @param {string} text */
function setStatus(text, busy = false) {
  $('#status').textContent = text;
  $('#main').setAttribute('aria-busy', String(busy));
}

// ---------------------------------------------------------------- token

function readToken() {
  // `#token=...` (development convenience): kept for the session, then removed from the address bar.
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  field('#token').value = state.token;
  $('#token-state').textContent = state.token ? 'Đã có mã truy cập' : 'Chưa có mã truy cập';
}

// ---------------------------------------------------------------- loading

/** @returns {Period} */
function readPeriod() {
  const period = {
    from: field('#from').value,
    to: field('#to').value,
    asOf: field('#as-of').value,
    kinds: field('#kinds').value.split(','),
  };
  if (![period.from, period.to, period.asOf].every(isCalendarDate))
    throw new Error('Hãy chọn đủ ngày bắt đầu, ngày kết thúc và ngày tính đến.');
  if (period.from > period.to) throw new Error('Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.');
  return period;
}

/**
 * The period of the form once errors are cleared, when it is valid and a token is there; else
 * null, with the reason shown.
 * @returns {Period | null}
 */
function readyPeriod() {
  clearErrors();
  let period;
  try {
    period = readPeriod();
  } catch (error) {
    showErrors([{ message: messageOf(error), extensions: { code: 'BAD_PERIOD' } }]);
    return null;
  }
  if (!state.token) {
    showErrors([{ message: 'Hãy nhập mã truy cập (token) trước.', extensions: { code: 'UNAUTHENTICATED' } }]);
    return null;
  }
  return period;
}

async function load() {
  const period = readyPeriod();
  if (!period) return;
  const generation = ++state.generation;
  const current = () => generation === state.generation;
  state.period = period;
  state.selected = null;
  $('#detail').hidden = true;
  $('#main').removeAttribute('data-loaded');
  setStatus('Đang tải số liệu…', true);
  const variables = { from: period.from, to: period.to, asOf: period.asOf };
  const [units, structure, totals, trend, coordinated] = await Promise.allSettled([
    query('LeadershipCompliance', { ...variables, kinds: period.kinds }, state.token),
    // The units as they stood at the end of the period, under their names then (history.graphql).
    query('OrganisationsAsOf', { asOf: period.to, kinds: period.kinds }, state.token),
    query('ProvinceCompliance', variables, state.token),
    loadTrend(period),
    query('CoordinationFigures', { ...variables, kinds: period.kinds }, state.token),
  ]);
  if (!current()) return;
  /** @type {Map<string, Coordination | null>} */
  const records = new Map();
  if (coordinated.status === 'fulfilled') {
    if (coordinated.value.errors.length) showErrors(coordinated.value.errors, 'Số liệu phối hợp');
    for (const unit of coordinated.value.data.organisations) records.set(unit.id, unit.coordinationCompliance);
  } else showErrors(failure(coordinated.reason), 'Số liệu phối hợp');
  if (units.status === 'fulfilled') {
    if (units.value.errors.length) showErrors(units.value.errors, 'Số liệu đơn vị');
    state.units = unitsOfPeriod(units.value.data.organisations, structure).map((unit) => ({
      ...unit,
      coordination: records.get(unit.id) ?? null,
    }));
  } else {
    showErrors(failure(units.reason), 'Số liệu đơn vị');
    state.units = [];
  }
  if (totals.status === 'fulfilled') {
    if (totals.value.errors.length) showErrors(totals.value.errors, 'Toàn tỉnh');
    renderTotals(totals.value.data.complianceSummary?.totals ?? null);
  } else {
    showErrors(failure(totals.reason), 'Toàn tỉnh');
    renderTotals(null);
  }
  if (trend.status === 'fulfilled') renderTrend(trend.value);
  else {
    showErrors(failure(trend.reason), 'Xu hướng');
    renderTrend(null);
  }
  renderUnits();
  await loadAwaiting(period, current);
  if (!current()) return;
  $('#period-label').textContent =
    `Kỳ báo cáo ${formatDate(period.from)} – ${formatDate(period.to)}, tính đến ngày ${formatDate(period.asOf)}`;
  setStatus(
    `Cập nhật lúc ${new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', timeStyle: 'short' }).format(new Date())}`,
  );
  $('#main').dataset.loaded = `${period.from}..${period.to}@${period.asOf}`;
}

/**
 * The units of the figures that existed at the end of the period, named as they were then; all of
 * them, with the error shown, when the structure of that day could not be read.
 * @param {Unit[]} units
 * @param {PromiseSettledResult<{ data: Answers['OrganisationsAsOf']; errors: ApiError[] }>} structure
 * @returns {Unit[]}
 */
function unitsOfPeriod(units, structure) {
  if (structure.status === 'rejected') {
    showErrors(failure(structure.reason), 'Cơ cấu đơn vị');
    return units;
  }
  if (structure.value.errors.length) {
    showErrors(structure.value.errors, 'Cơ cấu đơn vị');
    return units;
  }
  const then = new Map(structure.value.data.organisations.map((unit) => [unit.id, unit]));
  return units.flatMap((unit) => {
    const asThen = then.get(unit.id);
    return asThen ? [{ ...unit, name: asThen.name }] : [];
  });
}

/**
 * The month-by-month trend from the contract's ProvinceCompliance, one request per month of the
 * period (the month's part of it), all as of the same date: the tasks assigned in each month, as
 * `complianceSummary.byMonth` counts them, without leaving the contract.
 * @param {Period} period
 * @returns {Promise<Trend>}
 */
async function loadTrend(period) {
  const months = monthsOf(period.from, period.to);
  if (months.length > MAX_TREND_MONTHS) return { tooLong: months.length };
  const answers = await Promise.all(
    months.map(async ({ month, from, to }) => ({
      month,
      answer: await query('ProvinceCompliance', { from, to, asOf: period.asOf }, state.token),
    })),
  );
  const errors = answers.flatMap(({ answer }) => answer.errors);
  if (errors.length) throw new RequestFailed(errors);
  return {
    months: answers.map(({ month, answer }) => ({
      month,
      label: formatMonth(month),
      figures: answer.data.complianceSummary.totals,
    })),
  };
}
/** @typedef {{ tooLong: number } | { months: { month: string; label: string; figures: Figures }[] }} Trend */

// ---------------------------------------------------------------- rendering

/** @param {number | null | undefined} value */
function formatFigure(value) {
  return value === null || value === undefined ? '—' : number.format(value);
}

/** @param {number | null | undefined} value */
function formatRate(value) {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** @param {Figures | null} totals */
function renderTotals(totals) {
  /** @type {Series[]} */
  const series = [{ key: 'assigned', label: 'Được giao', className: 'assigned' }, ...BUCKETS];
  const cards = series.map(({ key, label, className }) =>
    h(
      'div',
      { class: `card ${className}`, 'data-figure': key },
      h('span', { class: 'card-label' }, label),
      h('strong', {}, formatFigure(totals?.[key])),
    ),
  );
  cards.push(
    h(
      'div',
      { class: 'card rates', 'data-figure': 'rates' },
      h('span', { class: 'card-label' }, 'Tỷ lệ hoàn thành / đúng hạn'),
      h('strong', {}, `${formatRate(totals?.completionRate)} / ${formatRate(totals?.onTimeRate)}`),
    ),
  );
  $('#totals').replaceChildren(...cards);
}

function sortedUnits() {
  const column = columnOf(state.sort.key);
  const sign = state.sort.direction === 'ascending' ? 1 : -1;
  return [...state.units].sort((a, b) => {
    const [left, right] = [column.value(a), column.value(b)];
    // Units without figures (a subgraph down) or without a rate go last, whatever the direction.
    if (left === null || right === null)
      return left === right ? collator.compare(a.name, b.name) : left === null ? 1 : -1;
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : collator.compare(String(left), String(right));
    return order === 0 ? collator.compare(a.name, b.name) : sign * order;
  });
}

/** @param {string} key */
function sortBy(key) {
  const column = columnOf(key);
  state.sort =
    state.sort.key === key
      ? { key, direction: state.sort.direction === 'ascending' ? 'descending' : 'ascending' }
      : // Names read A→Z; figures read largest first.
        { key, direction: column.text ? 'ascending' : 'descending' };
  renderUnits();
}

function renderUnits() {
  const units = sortedUnits();
  $('#units thead').replaceChildren(
    h(
      'tr',
      {},
      COLUMNS.map(({ key, label, text, className }) =>
        h(
          'th',
          {
            scope: 'col',
            class: text ? 'text' : 'number',
            'aria-sort': state.sort.key === key ? state.sort.direction : 'none',
            'data-key': key,
          },
          h(
            'button',
            { type: 'button', class: 'sort', onclick: () => sortBy(key) },
            className ? h('span', { class: `swatch ${className}`, 'aria-hidden': 'true' }) : null,
            label,
            h('span', { class: 'arrow', 'aria-hidden': 'true' }),
          ),
        ),
      ),
    ),
  );
  $('#units tbody').replaceChildren(
    ...units.map((unit) =>
      h(
        'tr',
        { 'data-id': unit.id, 'data-code': unit.code, class: state.selected?.id === unit.id ? 'selected' : null },
        COLUMNS.map((column) => {
          if (column.key === 'name')
            return h(
              'th',
              { scope: 'row', class: 'text' },
              h('button', { type: 'button', class: 'unit', onclick: () => void selectUnit(unit) }, unit.name),
            );
          const value = column.value(unit);
          return h(
            'td',
            { class: column.text ? 'text' : 'number', 'data-key': column.key },
            // Text columns read strings; the others figures or rates, null without figures.
            typeof value === 'string' ? value : column.rate ? formatRate(value) : formatFigure(value),
          );
        }),
      ),
    ),
  );
  $('#units-count').textContent = `${units.length} đơn vị`;
  $('#bars').replaceChildren(
    units.length
      ? stackedBars(units, (unit) => void selectUnit(unit))
      : h('p', { class: 'empty' }, 'Không có đơn vị nào.'),
  );
}

/** @param {Trend | null} trend */
function renderTrend(trend) {
  if (!trend) return $('#trend').replaceChildren(h('p', { class: 'empty' }, 'Không có số liệu xu hướng.'));
  if ('tooLong' in trend)
    return $('#trend').replaceChildren(
      h(
        'p',
        { class: 'empty' },
        `Kỳ báo cáo dài ${trend.tooLong} tháng: xu hướng chỉ vẽ cho kỳ tối đa ${MAX_TREND_MONTHS} tháng.`,
      ),
    );
  $('#trend').replaceChildren(trendLines(trend.months));
}

// ---------------------------------------------------------------- one unit

/** @param {Unit} unit */
async function selectUnit(unit) {
  // Units are listed once a period is loaded.
  if (!state.period) return;
  state.selected = unit;
  const generation = state.generation;
  const { asOf } = state.period;
  for (const row of $('#units tbody').querySelectorAll('tr'))
    row.classList.toggle('selected', row.dataset.id === unit.id);
  const detail = $('#detail');
  detail.hidden = false;
  detail.removeAttribute('data-loaded');
  $('#detail-title').textContent = unit.name;
  $('#detail-subtitle').textContent =
    `${KIND_LABELS[unit.kind] ?? unit.kind} · mã ${unit.code} · tính đến ngày ${formatDate(asOf)}`;
  $('#overdue').replaceChildren(h('p', { class: 'empty' }, 'Đang tải…'));
  $('#inspections').replaceChildren(h('p', { class: 'empty' }, 'Đang tải…'));
  $('#divisions').replaceChildren(h('p', { class: 'empty' }, 'Đang tải…'));
  $('#follow-up').replaceChildren(h('p', { class: 'empty' }, 'Đang tải…'));
  detail.scrollIntoView({ block: 'nearest' });
  const { from, to } = state.period;
  const [overdue, inspections, divisions, followUp] = await Promise.allSettled([
    query('OverdueTasks', { organisationId: unit.id, asOf, first: OVERDUE_PAGE }, state.token),
    query('UnitInspections', { organisationId: unit.id }, state.token),
    query('InternalCompliance', { id: unit.id, from, to, asOf }, state.token),
    query('FollowUpFigures', { from, to, asOf, kinds: [unit.kind] }, state.token),
  ]);
  if (generation !== state.generation || state.selected !== unit) return;
  renderOverdue(unit, overdue, [], asOf);
  renderInspections(inspections);
  renderDivisions(divisions);
  renderFollowUp(unit, followUp);
  detail.dataset.loaded = unit.id;
}

/**
 * @param {Unit} unit
 * @param {PromiseSettledResult<{ data: Answers['OverdueTasks']; errors: ApiError[] }>} result
 * @param {OverdueTask[]} shown
 * @param {string} asOf
 */
function renderOverdue(unit, result, shown, asOf) {
  if (result.status === 'rejected') {
    showErrors(failure(result.reason), `Nhiệm vụ quá hạn của ${unit.name}`);
    return $('#overdue').replaceChildren(h('p', { class: 'empty' }, 'Không tải được danh sách.'));
  }
  const { data, errors } = result.value;
  if (errors.length) showErrors(errors, `Nhiệm vụ quá hạn của ${unit.name}`);
  const connection = data.tasks;
  const tasks = [...shown, ...(connection?.edges ?? []).map(({ node }) => node)];
  const items = tasks.map((task) =>
    h(
      'li',
      { 'data-id': task.id },
      h('span', { class: 'task-title' }, task.title),
      h(
        'span',
        { class: 'task-due' },
        `Hạn ${formatDate(task.dueOn)} · quá ${number.format(daysBetween(task.dueOn, asOf))} ngày`,
      ),
    ),
  );
  const more = connection?.pageInfo.hasNextPage
    ? h(
        'button',
        {
          type: 'button',
          class: 'more',
          onclick: (event) => {
            /** @type {HTMLButtonElement} */ (event.currentTarget).disabled = true;
            void Promise.allSettled([
              query(
                'OverdueTasks',
                { organisationId: unit.id, asOf, first: OVERDUE_PAGE, after: connection.pageInfo.endCursor },
                state.token,
              ),
            ]).then(([next]) => {
              if (state.selected === unit) renderOverdue(unit, next, tasks, asOf);
            });
          },
        },
        'Xem thêm',
      )
    : null;
  $('#overdue').replaceChildren(
    h(
      'p',
      { class: 'count', 'data-total': connection?.totalCount ?? '' },
      `${formatFigure(connection?.totalCount)} nhiệm vụ quá hạn`,
    ),
    tasks.length ? h('ol', { class: 'tasks' }, items) : h('p', { class: 'empty' }, 'Không có nhiệm vụ quá hạn.'),
    ...(more ? [more] : []),
  );
}

/** @param {PromiseSettledResult<{ data: Answers['UnitInspections']; errors: ApiError[] }>} result */
function renderInspections(result) {
  if (result.status === 'rejected') {
    showErrors(failure(result.reason), 'Các cuộc kiểm tra');
    return $('#inspections').replaceChildren(h('p', { class: 'empty' }, 'Không tải được danh sách.'));
  }
  const { data, errors } = result.value;
  if (errors.length) showErrors(errors, 'Các cuộc kiểm tra');
  const inspections = data.organisation?.inspections ?? [];
  if (!inspections.length)
    return $('#inspections').replaceChildren(h('p', { class: 'empty' }, 'Chưa có cuộc kiểm tra nào.'));
  const table = h(
    'table',
    { class: 'inspections' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Ngày kiểm tra', 'Tổ công tác', 'Kỳ kiểm tra', 'Được giao', 'Đúng hạn', 'Trễ hạn', 'Trong hạn', 'Quá hạn'].map(
          (label) => h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      inspections.map((inspection) =>
        h(
          'tr',
          { 'data-id': inspection.id },
          h('td', {}, formatDate(inspection.inspectedOn)),
          h('td', { class: 'text' }, inspection.team),
          h('td', {}, `${formatDate(inspection.periodFrom)} – ${formatDate(inspection.periodTo)}`),
          /** @type {(keyof Buckets)[]} */ (['assigned', ...BUCKETS.map(({ key }) => key)]).map((key) =>
            h('td', { class: 'number', 'data-key': key }, formatFigure(inspection.compliance?.[key])),
          ),
        ),
      ),
    ),
  );
  $('#inspections').replaceChildren(h('div', { class: 'table-wrap' }, table));
}

/**
 * A unit's divisions (phòng, ban) and their figures for the tasks it delegated to them.
 * @param {PromiseSettledResult<{ data: Answers['InternalCompliance']; errors: ApiError[] }>} result
 */
function renderDivisions(result) {
  if (result.status === 'rejected') {
    showErrors(failure(result.reason), 'Các phòng, ban');
    return $('#divisions').replaceChildren(h('p', { class: 'empty' }, 'Không tải được danh sách.'));
  }
  const { data, errors } = result.value;
  if (errors.length) showErrors(errors, 'Các phòng, ban');
  const divisions = data.organisation?.divisions ?? [];
  if (!divisions.length)
    return $('#divisions').replaceChildren(h('p', { class: 'empty' }, 'Đơn vị không có phòng, ban.'));
  const keys = /** @type {(keyof Buckets)[]} */ (['assigned', ...BUCKETS.map(({ key }) => key)]);
  const table = h(
    'table',
    { class: 'inspections' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Phòng, ban', 'Được giao', ...BUCKETS.map(({ label }) => label)].map((label) =>
          h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      divisions.map((division) =>
        h(
          'tr',
          { 'data-id': division.id, 'data-code': division.code },
          h('td', { class: 'text' }, division.name),
          keys.map((key) => h('td', { class: 'number', 'data-key': key }, formatFigure(division.compliance?.[key]))),
        ),
      ),
    ),
  );
  $('#divisions').replaceChildren(h('div', { class: 'table-wrap' }, table));
}

/**
 * The token's roles, read only to choose what to show: the API checks them on every request.
 * @param {string} token
 * @returns {string[]}
 */
function rolesOf(token) {
  try {
    const payload = token.split('.')[1] ?? '';
    /** @type {unknown} */
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const roles = /** @type {{ roles?: unknown }} */ (claims).roles;
    return Array.isArray(roles) ? roles.filter((role) => typeof role === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * What waits for the user's decision, for those who decide (the page's own AwaitingDecision).
 * @param {Period} period
 * @param {() => boolean} current
 */
async function loadAwaiting(period, current) {
  const panel = $('#awaiting');
  if (!rolesOf(state.token).some((role) => DECIDING_ROLES.includes(role))) {
    panel.hidden = true;
    return;
  }
  const [result] = await Promise.allSettled([
    query('AwaitingDecision', { asOf: period.asOf, first: AWAITING_PAGE }, state.token),
  ]);
  if (!current()) return;
  panel.hidden = false;
  if (result.status === 'rejected') {
    showErrors(failure(result.reason), 'Chờ quyết định');
    return $('#awaiting-list').replaceChildren(h('p', { class: 'empty' }, 'Không tải được danh sách.'));
  }
  const { data, errors } = result.value;
  if (errors.length) showErrors(errors, 'Chờ quyết định');
  const connection = data.tasks;
  const tasks = (connection?.edges ?? []).map(({ node }) => node);
  $('#awaiting-count').textContent = `${formatFigure(connection?.totalCount)} việc`;
  $('#awaiting-count').dataset.total = String(connection?.totalCount ?? '');
  $('#awaiting-list').replaceChildren(
    tasks.length
      ? h(
          'ol',
          { class: 'tasks' },
          tasks.map((task) =>
            h(
              'li',
              { 'data-id': task.id, 'data-status': task.status },
              h('span', { class: 'task-title' }, task.title),
              h(
                'span',
                { class: 'task-due' },
                [
                  task.status === 'COMPLETION_SUBMITTED'
                    ? 'Báo cáo hoàn thành chờ xác nhận'
                    : 'Đề nghị gia hạn chờ quyết định',
                  task.leadOrganisation?.name,
                  task.dueOn ? `hạn ${formatDate(task.dueOn)}` : 'không có hạn',
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'Không có việc nào chờ quyết định.'),
  );
}

/** The unit's reminders and requests for explanation of the period, as `Organisation.followUp` counts them. */
const FOLLOW_UP_ROWS = /** @type {const} */ ([
  ['reminders', 'Lượt đôn đốc (sắp đến hạn, quá hạn, trực tiếp)'],
  ['explanationsRequested', 'Yêu cầu giải trình'],
  ['explanationsAnsweredOnTime', 'Đã trả lời đúng hạn'],
  ['explanationsAnsweredLate', 'Đã trả lời trễ hạn'],
  ['explanationsOverdue', 'Quá hạn chưa trả lời'],
]);

/**
 * @param {Unit} unit
 * @param {PromiseSettledResult<{ data: Answers['FollowUpFigures']; errors: ApiError[] }>} result
 */
function renderFollowUp(unit, result) {
  if (result.status === 'rejected') {
    showErrors(failure(result.reason), `Đôn đốc của ${unit.name}`);
    return $('#follow-up').replaceChildren(h('p', { class: 'empty' }, 'Không tải được số liệu.'));
  }
  const { data, errors } = result.value;
  if (errors.length) showErrors(errors, `Đôn đốc của ${unit.name}`);
  const figures = data.organisations.find((organisation) => organisation.id === unit.id)?.followUp ?? null;
  if (!figures) return $('#follow-up').replaceChildren(h('p', { class: 'empty' }, 'Không có số liệu.'));
  // Requests not answered as of the date: overdue, or still within their answer date.
  const open = figures.explanationsRequested - figures.explanationsAnsweredOnTime - figures.explanationsAnsweredLate;
  $('#follow-up').replaceChildren(
    h(
      'dl',
      { class: 'follow-up' },
      ...FOLLOW_UP_ROWS.flatMap(([key, label]) => [
        h('dt', {}, label),
        h('dd', { 'data-key': key }, formatFigure(figures[key])),
      ]),
      h('dt', {}, 'Đang chờ đơn vị trả lời'),
      h('dd', { 'data-key': 'open' }, formatFigure(open)),
    ),
  );
}

// ---------------------------------------------------------------- start

/**
 * The period's report from the gateway's report route, which calls the API with this same token:
 * fetched with the Authorization header (a link cannot carry it), then saved from a blob.
 * @param {'docx' | 'xlsx'} format
 */
async function download(format) {
  const period = readyPeriod();
  if (!period) return;
  setStatus('Đang lập báo cáo…', true);
  const url = new URL(`report.${format}`, document.baseURI);
  url.search = new URLSearchParams({ from: period.from, to: period.to, asOf: period.asOf }).toString();
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${state.token}`, 'accept-language': 'vi' } });
    if (!response.ok) {
      /** @type {unknown} */
      const answer = await response.json().catch(() => ({}));
      const body = /** @type {{ errors?: ApiError[] }} */ (answer);
      showErrors(body.errors ?? [{ message: `HTTP ${response.status}` }], 'Báo cáo');
      setStatus('');
      return;
    }
    const link = h('a', {
      href: URL.createObjectURL(await response.blob()),
      download: `bao-cao-${period.from}-${period.to}.${format}`,
    });
    link.click();
    URL.revokeObjectURL(link.getAttribute('href') ?? '');
    setStatus('Đã tải báo cáo');
  } catch (error) {
    showErrors(failure(error), 'Báo cáo');
    setStatus('');
  }
}

function legend() {
  return BUCKETS.map(({ label, className }) =>
    h('span', { class: 'legend-item' }, h('span', { class: `swatch ${className}`, 'aria-hidden': 'true' }), label),
  );
}

/** How many years back the first look searches for tasks. */
const FIRST_LOOK_YEARS = 10;

/**
 * A newcomer's first look: this year so far, else the latest earlier year that has tasks (one
 * ProvinceCompliance per year tried), so the page never opens on a table of zeros. Once the user
 * sets the period, the page keeps theirs.
 */
async function firstLook() {
  if (!state.periodChosen) {
    const today = todayInVietnam();
    const thisYear = Number(today.slice(0, 4));
    for (let year = thisYear; year > thisYear - FIRST_LOOK_YEARS; year--) {
      const to = year === thisYear ? today : `${year}-12-31`;
      const variables = { from: `${year}-01-01`, to, asOf: to };
      const answer = await query('ProvinceCompliance', variables, state.token).catch(() => null);
      // Errors are for load() to show; an empty year sends the look one year back.
      if (!answer || answer.errors.length || (answer.data.complianceSummary?.totals.assigned ?? 0) > 0) {
        if (answer && !answer.errors.length) {
          field('#from').value = variables.from;
          field('#to').value = variables.to;
          field('#as-of').value = variables.asOf;
        }
        break;
      }
    }
  }
  await load();
}

function start() {
  const today = todayInVietnam();
  field('#from').value = `${today.slice(0, 4)}-01-01`;
  field('#to').value = today;
  field('#as-of').value = today;
  $('#bars-legend').replaceChildren(...legend());
  $('#trend-legend').replaceChildren(
    ...TREND_SERIES.map(({ label, className }) =>
      h(
        'span',
        { class: 'legend-item' },
        h('span', { class: `swatch line ${className}`, 'aria-hidden': 'true' }),
        label,
      ),
    ),
  );
  readToken();
  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, field('#token').value.trim());
    readToken();
    void firstLook();
  });
  $('#token-clear').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    readToken();
  });
  $('#download-docx').addEventListener('click', () => void download('docx'));
  $('#download-xlsx').addEventListener('click', () => void download('xlsx'));
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  renderUnits();
  // The operations come from the contract: say so at once if they cannot be had.
  contractQueries().catch((error) => showErrors(failure(error), 'Hợp đồng'));
  for (const input of ['#from', '#to', '#as-of'])
    $(input).addEventListener('change', () => {
      state.periodChosen = true;
    });
  if (state.token) void firstLook();
}

start();
