import { LANG_SON_DIVISIONS_2017, LANG_SON_UNITS_2017, PROVINCE_CODE, type DemoUnit } from './lang-son-units';

/**
 * The 2025 restructuring of Lạng Sơn, as the demo applies it on top of the 2017 units.
 * Departments merged on 1 March 2025; district-level units were abolished on 1 July 2025 and
 * their work passed to communes and wards. The department merges follow what happened; the
 * successor communes are illustrative (one or a few per district, not the official 65).
 */
export interface DemoMerge {
  sources: readonly string[];
  /** An existing unit that absorbs the sources, or a new one. */
  into: string | DemoUnit;
}

export interface DemoAbolition {
  code: string;
  successors: readonly DemoUnit[];
}

export const DEPARTMENT_MERGE_DATE = '2025-03-01';
export const DEPARTMENT_MERGE_BASIS = 'Nghị quyết của HĐND tỉnh Lạng Sơn về thành lập, tổ chức lại các sở (minh họa)';

const newDepartment = (code: string, name: string): DemoUnit => ({
  code,
  name,
  kind: 'DEPARTMENT',
  parentCode: PROVINCE_CODE,
});

export const DEPARTMENT_MERGES_2025: readonly DemoMerge[] = [
  { sources: ['SKHDT'], into: 'STC' },
  { sources: ['SGTVT'], into: 'SXD' },
  { sources: ['SLDTBXH'], into: 'SNV' },
  { sources: ['STTTT'], into: 'SKHCN' },
  { sources: ['SNNPTNT', 'STNMT'], into: newDepartment('SNNMT', 'Sở Nông nghiệp và Môi trường') },
  { sources: ['BDT'], into: newDepartment('SDTTG', 'Sở Dân tộc và Tôn giáo') },
];

export const DISTRICT_ABOLITION_DATE = '2025-07-01';
export const DISTRICT_ABOLITION_BASIS =
  'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Lạng Sơn năm 2025 (minh họa)';

const commune = (code: string, name: string): DemoUnit => ({ code, name, kind: 'COMMUNE', parentCode: PROVINCE_CODE });

export const DISTRICT_ABOLITIONS_2025: readonly DemoAbolition[] = [
  {
    code: 'TP-LS',
    successors: [
      commune('P-TAMTHANH', 'Phường Tam Thanh'),
      commune('P-LUONGVANTRI', 'Phường Lương Văn Tri'),
      commune('P-DONGKINH', 'Phường Đông Kinh'),
      commune('P-KYLUA', 'Phường Kỳ Lừa'),
    ],
  },
  { code: 'H-TD', successors: [commune('X-THATKHE', 'Xã Thất Khê')] },
  { code: 'H-VL', successors: [commune('X-NASAM', 'Xã Na Sầm')] },
  { code: 'H-VQ', successors: [commune('X-VANQUAN', 'Xã Văn Quan')] },
  { code: 'H-BG', successors: [commune('X-BINHGIA', 'Xã Bình Gia')] },
  { code: 'H-BS', successors: [commune('X-BACSON', 'Xã Bắc Sơn')] },
  { code: 'H-HL', successors: [commune('X-HUULUNG', 'Xã Hữu Lũng')] },
  { code: 'H-CL', successors: [commune('X-CHILANG', 'Xã Chi Lăng')] },
  { code: 'H-CLO', successors: [commune('X-DONGDANG', 'Xã Đồng Đăng'), commune('X-CAOLOC', 'Xã Cao Lộc')] },
  { code: 'H-LB', successors: [commune('X-LOCBINH', 'Xã Lộc Bình')] },
  { code: 'H-DL', successors: [commune('X-DINHLAP', 'Xã Đình Lập')] },
];

/** The units the 2025 restructuring creates. */
export const LANG_SON_UNITS_CREATED_2025: readonly DemoUnit[] = [
  ...DEPARTMENT_MERGES_2025.flatMap((merge) => (typeof merge.into === 'string' ? [] : [merge.into])),
  ...DISTRICT_ABOLITIONS_2025.flatMap((abolition) => abolition.successors),
];

/** Every unit of the demo, current and former. */
export const LANG_SON_DEMO_UNITS: readonly DemoUnit[] = [
  ...LANG_SON_UNITS_2017,
  ...LANG_SON_UNITS_CREATED_2025,
  ...LANG_SON_DIVISIONS_2017,
];

/** The demo units that existed on a day: the 2017 units until the 2025 changes, then their successors. */
export function demoUnitsOn(day: string): DemoUnit[] {
  const ended = new Set<string>();
  const created: DemoUnit[] = [];
  if (day >= DEPARTMENT_MERGE_DATE) {
    for (const merge of DEPARTMENT_MERGES_2025) {
      merge.sources.forEach((code) => ended.add(code));
      if (typeof merge.into !== 'string') created.push(merge.into);
    }
  }
  if (day >= DISTRICT_ABOLITION_DATE) {
    for (const abolition of DISTRICT_ABOLITIONS_2025) {
      ended.add(abolition.code);
      created.push(...abolition.successors);
    }
  }
  return [...LANG_SON_UNITS_2017.filter((unit) => !ended.has(unit.code)), ...created];
}
