import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from './organisation-kind';

/** A unit of the provincial administration (đơn vị) that can be assigned tasks and be inspected. */
@Directive('@key(fields: "id")')
@ObjectType('Organisation', {
  description:
    "A unit of the province's administration (đơn vị): the People's Committee, its Office, a department, a district or a commune.",
})
export class Organisation {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field({
    description: 'Short code, unique in the province, upper case (e.g. `SXD` for the Department of Construction).',
  })
  code: string;

  @Field({ description: 'Official name in Vietnamese (e.g. "Sở Xây dựng").' })
  name: string;

  @Field(() => OrganisationKind, { description: 'What kind of unit this is.' })
  kind: OrganisationKind;

  /** Not in the schema: `parent` resolves it. */
  parentId: string | null;
}
