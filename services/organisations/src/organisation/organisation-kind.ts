import { registerEnumType } from 'type-graphql';

/** What kind of unit an organisation is (loại đơn vị). */
export enum OrganisationKind {
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  OFFICE = 'OFFICE',
  DEPARTMENT = 'DEPARTMENT',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  OTHER = 'OTHER',
  DIVISION = 'DIVISION',
}

/** The order in which lists show kinds: the province first, communes last. */
export const KIND_ORDER: readonly OrganisationKind[] = Object.values(OrganisationKind);

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of unit an organisation is (loại đơn vị).',
  valuesConfig: {
    PEOPLES_COMMITTEE: { description: "A People's Committee (Ủy ban nhân dân), e.g. of the province." },
    OFFICE: { description: "The Office of a People's Committee (Văn phòng UBND), which advises and coordinates." },
    DEPARTMENT: { description: 'A department or department-level agency of the province (Sở, ban, ngành).' },
    DISTRICT: { description: 'A district-level unit: district, town or provincial city (huyện, thị xã, thành phố).' },
    COMMUNE: { description: 'A commune-level unit: commune, ward or township (xã, phường, thị trấn).' },
    OTHER: { description: 'Any other unit that can be assigned tasks.' },
    DIVISION: {
      description:
        'A division of a unit (phòng, ban), under a department, a district, a commune or the Office: it leads only the tasks its unit delegates to it.',
    },
  },
});
