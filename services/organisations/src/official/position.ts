import { registerEnumType } from 'type-graphql';

/** A leadership position (chức vụ) in a unit. */
export enum Position {
  CHAIRMAN = 'CHAIRMAN',
  VICE_CHAIRMAN = 'VICE_CHAIRMAN',
  CHIEF_OF_OFFICE = 'CHIEF_OF_OFFICE',
  DEPUTY_CHIEF_OF_OFFICE = 'DEPUTY_CHIEF_OF_OFFICE',
  DIRECTOR = 'DIRECTOR',
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR',
}

registerEnumType(Position, {
  name: 'Position',
  description: 'A leadership position in a unit (chức vụ).',
  valuesConfig: {
    CHAIRMAN: { description: "Chairman of a People's Committee (Chủ tịch UBND)." },
    VICE_CHAIRMAN: { description: "Vice-Chairman of a People's Committee (Phó Chủ tịch UBND)." },
    CHIEF_OF_OFFICE: { description: "Chief of the People's Committee's Office (Chánh Văn phòng)." },
    DEPUTY_CHIEF_OF_OFFICE: { description: 'Deputy Chief of the Office (Phó Chánh Văn phòng).' },
    DIRECTOR: { description: 'Head of a department or agency (Giám đốc sở, Trưởng ban, Chánh Thanh tra).' },
    DEPUTY_DIRECTOR: { description: 'Deputy head of a department or agency (Phó Giám đốc sở, Phó Trưởng ban).' },
  },
});
