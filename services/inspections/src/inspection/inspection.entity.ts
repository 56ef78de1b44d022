import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The unit's figures as they stood when an inspection was recorded. */
export interface RecordedFigures {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  inProgressWithinDeadline: number;
  inProgressOverdue: number;
  withoutDeadline: number;
  asOf: CalendarDate;
}

/** A row of `inspections.inspection`. */
@Entity({ schema: 'inspections', name: 'inspection' })
export class InspectionRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('varchar') team: string;
  /** The team's name as search compares it (no diacritics, lower case). */
  @Column({ name: 'team_search', type: 'text' }) teamSearch: string;
  @Column({ name: 'team_leader', type: 'varchar', nullable: true }) teamLeader: string | null;
  @Column({ name: 'inspected_on', type: 'date' }) inspectedOn: CalendarDate;
  @Column({ name: 'period_from', type: 'date' }) periodFrom: CalendarDate;
  @Column({ name: 'period_to', type: 'date' }) periodTo: CalendarDate;
  @Column({ type: 'text', nullable: true }) findings: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'recorded_figures', type: 'jsonb', nullable: true }) recordedFigures: RecordedFigures | null;
}

/** A row of `inspections.conclusion` (kết luận). */
@Entity({ schema: 'inspections', name: 'conclusion' })
export class ConclusionRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId: string;
  @Column('smallint') position: number;
  @Column('text') text: string;
}

/** A row of `inspections.recommendation` (kiến nghị). */
@Entity({ schema: 'inspections', name: 'recommendation' })
export class RecommendationRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId: string;
  @Column('smallint') position: number;
  @Column('text') text: string;
  @Column({ type: 'text', nullable: true }) response: string | null;
  @Column({ name: 'responded_on', type: 'date', nullable: true }) respondedOn: CalendarDate | null;
}
