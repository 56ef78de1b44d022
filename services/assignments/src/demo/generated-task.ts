import { uuidFromName } from '@giaoviec/shared';
import type { DemoUnit } from '@giaoviec/shared';
import type { AssignerKind, TaskEvent, TaskPriority } from '../task/task-history';
import { dateOfDay } from './demo-calendar';
import { composeTitle, portfolioOf } from './demo-texts';
import type { Dice } from './dice';
import type { Context } from './generation-context';
import { historyOf } from './history-events';
import { planHistory } from './history-plan';
import type { Shape } from './task-shape';
import {
  PORTFOLIOS,
  chooseAssigner,
  chooseCoordinators,
  chooseDocument,
  describeTask,
  type GeneratedDocument,
} from './task-origin';

export interface GeneratedTask {
  /** uuidFromName(`task:${seed}:${leadCode}:${index in the unit's year}`). */
  id: string;
  title: string;
  description: string | null;
  /** The document the task comes from; null for a task given orally (at a meeting). */
  document: GeneratedDocument | null;
  assignerKind: AssignerKind;
  /** The Chairman or Vice-Chairman; null when the People's Committee itself assigned it. */
  assignerName: string | null;
  leadCode: string;
  coordinatingCodes: string[];
  priority: TaskPriority;
  /** Starts with ASSIGNED; chronological; no event after `today`. */
  events: TaskEvent[];
}

/**
 * Pins a unit's figures: the tasks it leads that are assigned in `from..to` get exactly these

/** A task of `lead` from its shape: its history, who assigned it and how, its title and description. */
export function generateTask(
  ctx: Context,
  dice: Dice,
  partners: Dice,
  lead: DemoUnit,
  shape: Shape,
  index: number,
): GeneratedTask {
  const id = uuidFromName(`task:${ctx.seed}:${lead.code}:${index}`);
  const plan = planHistory(dice, ctx.calendar, shape);
  const events = historyOf(dice, plan, id, ctx.today);
  const portfolio = portfolioOf(lead) ?? dice.pick(PORTFOLIOS);
  const assigner = chooseAssigner(dice, portfolio);
  const document = chooseDocument(dice, ctx, shape.assignedOn, assigner, portfolio);
  const coordinatingCodes = chooseCoordinators(partners, ctx, lead);
  const assignedDate = dateOfDay(shape.assignedOn);
  const title = composeTitle(
    ctx.wordings.get(lead.code)!,
    shape.priority,
    +assignedDate.slice(0, 4),
    +assignedDate.slice(5, 7),
    dice.int(0, 1 << 20),
    dice.int(0, 1 << 20),
    dice.int(0, 1),
  );
  const description = partners.chance(0.25)
    ? null
    : describeTask(ctx, lead, coordinatingCodes, document, assigner, shape.assignedOn, shape.dueOn);
  return {
    id,
    title,
    description,
    document,
    assignerKind: assigner.kind,
    assignerName: assigner.leader?.name ?? null,
    leadCode: lead.code,
    coordinatingCodes,
    priority: shape.priority,
    events,
  };
}
