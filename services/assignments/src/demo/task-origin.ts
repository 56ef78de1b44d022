import type { CalendarDate, DemoUnit } from '@giaoviec/shared';
import type { AssignerKind, DocumentKind } from '../task/task-history';
import { dateOfDay } from './demo-calendar';
import { DEMO_LEADERS, DOCUMENT_KINDS, vietnameseDate, type Leader, type Portfolio } from './demo-texts';
import type { Dice } from './dice';
import type { Context } from './generation-context';

// Who assigned a task, by which document, in which words. Module binding for the hot path (see `dice.ts`).
const { floor } = Math;

export interface GeneratedDocument {
  number: string;
  kind: DocumentKind;
  issuedOn: CalendarDate;
  signer: string;
}

export const PORTFOLIOS: readonly Portfolio[] = ['KTTH', 'KTN', 'KGVX', 'NC'];

export function chooseAssigner(dice: Dice, portfolio: Portfolio): { kind: AssignerKind; leader: Leader | null } {
  const roll = dice.next();
  if (roll < 0.3) return { kind: 'PEOPLES_COMMITTEE', leader: null };
  if (roll < 0.48 || (portfolio === 'NC' && roll < 0.6)) return { kind: 'CHAIRMAN', leader: DEMO_LEADERS.chairman };
  const own = DEMO_LEADERS.viceChairmen.find((leader) => leader.portfolio === portfolio);
  const leader = own && dice.chance(0.8) ? own : dice.pick(DEMO_LEADERS.viceChairmen);
  return { kind: 'VICE_CHAIRMAN', leader };
}

const COMMITTEE_DOCUMENTS: ReadonlyArray<readonly [DocumentKind, number]> = [
  ['DECISION', 0.35],
  ['PLAN', 0.22],
  ['OFFICIAL_LETTER', 0.3],
  ['NOTICE', 0.08],
  ['DIRECTIVE', 0.05],
];
const LEADER_DOCUMENTS: ReadonlyArray<readonly [DocumentKind | null, number]> = [
  [null, 0.12], // given orally, at a meeting
  ['CONCLUSION_NOTICE', 0.36],
  ['OFFICIAL_LETTER', 0.36],
  ['NOTICE', 0.1],
  ['OTHER', 0.06],
];

export function chooseDocument(
  dice: Dice,
  ctx: Context,
  assignedOn: number,
  assigner: { kind: AssignerKind; leader: Leader | null },
  portfolio: Portfolio,
): GeneratedDocument | null {
  const kind = assigner.leader === null ? dice.weighted(COMMITTEE_DOCUMENTS) : dice.weighted(LEADER_DOCUMENTS);
  if (kind === null) return null;
  const issued = dice.chance(0.75) ? assignedOn : ctx.calendar.onOrBefore(assignedOn - dice.int(1, 4), assignedOn - 10);
  const issuedOn = dateOfDay(issued);
  // Numbers run through the year in each series, at the series' pace.
  const series = DOCUMENT_KINDS[kind];
  const dayOfYear = issued - (issued >= ctx.yearStart ? ctx.yearStart : ctx.previousYearStart);
  const number = 1 + floor((dayOfYear + dice.next()) * series.perWorkingDay * (5 / 7));
  const division = dice.chance(0.15) ? 'TH' : portfolio;
  let signer: string;
  if (kind === 'CONCLUSION_NOTICE') signer = dice.pick(DEMO_LEADERS.officeSigners);
  else if (assigner.leader) signer = assigner.leader.name;
  else {
    const own = DEMO_LEADERS.viceChairmen.find((leader) => leader.portfolio === portfolio);
    signer = dice.chance(0.35) || !own ? DEMO_LEADERS.chairman.name : own.name;
  }
  return { number: `${number}/${series.suffix(division)}`, kind, issuedOn, signer };
}

export function chooseCoordinators(dice: Dice, ctx: Context, lead: DemoUnit): string[] {
  const wanted = dice.weighted<number>([
    [0, 0.35],
    [1, 0.3],
    [2, 0.25],
    [3, 0.1],
  ]);
  const codes: string[] = [];
  for (let tries = 0; codes.length < wanted && tries < wanted * 8; tries++) {
    const pool = ctx.agencies.length > 0 && dice.chance(0.7) ? ctx.agencies : ctx.leads;
    const unit = dice.pick(pool);
    if (unit.code !== lead.code && !codes.includes(unit.code)) codes.push(unit.code);
  }
  return codes;
}

function assignerTitle(assigner: { kind: AssignerKind; leader: Leader | null }): string {
  if (assigner.kind === 'CHAIRMAN') return 'Chủ tịch UBND tỉnh';
  if (assigner.kind === 'VICE_CHAIRMAN') return `Phó Chủ tịch UBND tỉnh ${assigner.leader!.name}`;
  return 'UBND tỉnh';
}

export function describeTask(
  ctx: Context,
  lead: DemoUnit,
  coordinatingCodes: readonly string[],
  document: GeneratedDocument | null,
  assigner: { kind: AssignerKind; leader: Leader | null },
  assignedOn: number,
  dueOn: number | null,
): string {
  let source: string;
  if (document === null) {
    source = `Thực hiện ý kiến chỉ đạo của ${assignerTitle(assigner)} tại cuộc họp ngày ${vietnameseDate(dateOfDay(assignedOn))}`;
  } else {
    const named = `${DOCUMENT_KINDS[document.kind].name} số ${document.number} ngày ${vietnameseDate(document.issuedOn)}`;
    source =
      document.kind === 'CONCLUSION_NOTICE'
        ? `Thực hiện ${named} của Văn phòng UBND tỉnh thông báo kết luận của ${assignerTitle(assigner)}`
        : `Thực hiện ${named} của UBND tỉnh`;
  }
  const partners = coordinatingCodes.map((code) => ctx.wordings.get(code)!.inSentence);
  const together = partners.length > 0 ? `, phối hợp với ${partners.join(', ')}` : '';
  const report =
    dueOn === null
      ? 'báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh)'
      : `báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày ${vietnameseDate(dateOfDay(dueOn))}`;
  return `${source}: ${ctx.wordings.get(lead.code)!.inSentence} chủ trì${together} thực hiện, ${report}.`;
}
