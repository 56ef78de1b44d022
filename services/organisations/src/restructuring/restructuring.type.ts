import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RestructuringKindEnum {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RENAME = 'RENAME',
  ABOLISH = 'ABOLISH',
}

registerEnumType(RestructuringKindEnum, {
  name: 'RestructuringKind',
  description: 'What a restructuring did (hình thức sắp xếp, tổ chức lại).',
  valuesConfig: {
    MERGE: { description: 'Units merged (hợp nhất, sáp nhập) into an existing or a new unit.' },
    SPLIT: { description: 'A unit split (chia tách) into several.' },
    RENAME: { description: 'A unit renamed (đổi tên); it stays the same unit.' },
    ABOLISH: { description: 'A unit abolished (giải thể, kết thúc hoạt động); its work passes to its successors.' },
  },
});

@ObjectType('RestructuringEvent', {
  description:
    'A recorded change of the structure, effective on a date, with its legal basis. Units it ends have `validTo` the day before.',
})
export class RestructuringEvent {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field(() => RestructuringKindEnum, { description: 'What the change did.' })
  kind: RestructuringKindEnum;

  @Field(() => DateScalar, { description: 'The day the change took effect (ngày có hiệu lực).' })
  effectiveOn: CalendarDate;

  @Field({ description: 'The legal basis (căn cứ pháp lý), e.g. the number of the resolution or decision.' })
  legalBasis: string;

  @Field(() => String, { nullable: true, description: 'Free remarks.' })
  note: string | null;
}

@ObjectType('FormerName', { description: 'A name a unit bore before a rename (tên cũ).' })
export class FormerName {
  @Field({ description: 'The name.' })
  name: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day it was used; null: since the records begin.' })
  usedFrom: CalendarDate | null;

  @Field(() => DateScalar, { description: 'Last day it was used.' })
  usedTo: CalendarDate;
}
