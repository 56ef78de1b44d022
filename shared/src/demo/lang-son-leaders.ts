import { uuidFromName } from '../ids';

/** The Office's divisions (phòng chuyên môn), which number the official letters: 1234/UBND-KTN. */
export type Portfolio = 'KTTH' | 'KTN' | 'KGVX' | 'NC';

export interface Leader {
  name: string;
  portfolio: Portfolio;
}

/** The leaders of the demo province. Invented names: the demo names no real official. */
export const DEMO_LEADERS = {
  chairman: { name: 'Hoàng Văn Khánh', portfolio: 'NC' } as Leader,
  viceChairmen: [
    { name: 'Nông Đức Toàn', portfolio: 'KTTH' },
    { name: 'Triệu Quang Minh', portfolio: 'KTN' },
    { name: 'Lương Thị Hà', portfolio: 'KGVX' },
    { name: 'Lộc Văn Thành', portfolio: 'NC' },
  ] as readonly Leader[],
  /** Chánh Văn phòng and Phó Chánh Văn phòng, who sign the conclusion notices (TB-VP). */
  officeSigners: ['Vi Thị Ngọc', 'Đinh Công Bằng'] as readonly string[],
};

/** The id of a demo official, the same in every service and on every machine. */
export function demoOfficialId(name: string): string {
  return uuidFromName(`official:${name}`);
}

/** The demo leaders' terms (all from the 2016-2021 term, open-ended in the demo). */
export const DEMO_TERMS_FROM = '2016-07-01';
