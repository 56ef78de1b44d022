import { LANG_SON_DIVISIONS_2017, LANG_SON_UNITS_2017, PROVINCE_CODE, type DemoUnit } from './lang-son-units';

/**
 * The 2025 restructuring of Lạng Sơn, as the demo applies it on top of the 2017 units.
 * Departments merged on 1 March 2025; district-level units were abolished on 1 July 2025 and
 * their work passed to communes and wards. The department merges follow what happened; the
 * communes and wards are the 65 (61 xã, 4 phường) of Resolution 1672/NQ-UBTVQH15 of 16 June 2025,
 * each under the district it was mostly formed from (decision 0040).
 */
export interface DemoMerge {
  sources: readonly string[];
  /** An existing unit that absorbs the sources, or a new one. */
  into: string | DemoUnit;
}

export interface DemoAbolition {
  code: string;
  /** The units it creates; the first takes over its open tasks. */
  successors: readonly DemoUnit[];
  /** Units created by an abolition listed before it that also take in part of its territory. */
  alsoTo?: readonly string[];
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
  'Nghị quyết số 1672/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lạng Sơn năm 2025';

const commune = (code: string, name: string): DemoUnit => ({ code, name, kind: 'COMMUNE', parentCode: PROVINCE_CODE });

export const DISTRICT_ABOLITIONS_2025: readonly DemoAbolition[] = [
  {
    code: 'TP-LS',
    successors: [
      commune('P-TAMTHANH', 'Phường Tam Thanh'),
      commune('P-DONGKINH', 'Phường Đông Kinh'),
      commune('P-LUONGVANTRI', 'Phường Lương Văn Tri'),
      commune('P-KYLUA', 'Phường Kỳ Lừa'),
    ],
  },
  {
    code: 'H-TD',
    successors: [
      commune('X-THATKHE', 'Xã Thất Khê'),
      commune('X-DOANKET', 'Xã Đoàn Kết'),
      commune('X-QUOCKHANH', 'Xã Quốc Khánh'),
      commune('X-TANTIEN', 'Xã Tân Tiến'),
      commune('X-KHANGCHIEN', 'Xã Kháng Chiến'),
      commune('X-TRANGDINH', 'Xã Tràng Định'),
      commune('X-QUOCVIET', 'Xã Quốc Việt'),
    ],
  },
  {
    code: 'H-VL',
    successors: [
      commune('X-NASAM', 'Xã Na Sầm'),
      commune('X-THUYHUNG', 'Xã Thụy Hùng'),
      commune('X-HOIHOAN', 'Xã Hội Hoan'),
      commune('X-VANLANG', 'Xã Văn Lãng'),
      commune('X-HOANGVANTHU', 'Xã Hoàng Văn Thụ'),
    ],
  },
  {
    code: 'H-VQ',
    successors: [
      commune('X-VANQUAN', 'Xã Văn Quan'),
      commune('X-DIEMHE', 'Xã Điềm He'),
      commune('X-KHANHKHE', 'Xã Khánh Khê'),
      commune('X-YENPHUC', 'Xã Yên Phúc'),
      commune('X-TRILE', 'Xã Tri Lễ'),
      commune('X-TANDOAN', 'Xã Tân Đoàn'),
    ],
  },
  {
    code: 'H-BG',
    successors: [
      commune('X-BINHGIA', 'Xã Bình Gia'),
      commune('X-HOATHAM', 'Xã Hoa Thám'),
      commune('X-QUYHOA', 'Xã Quý Hòa'),
      commune('X-HONGPHONG', 'Xã Hồng Phong'),
      commune('X-THIENHOA', 'Xã Thiện Hòa'),
      commune('X-THIENTHUAT', 'Xã Thiện Thuật'),
      commune('X-THIENLONG', 'Xã Thiện Long'),
      commune('X-TANVAN', 'Xã Tân Văn'),
    ],
  },
  {
    code: 'H-BS',
    successors: [
      commune('X-BACSON', 'Xã Bắc Sơn'),
      commune('X-TANTRI', 'Xã Tân Tri'),
      commune('X-HUNGVU', 'Xã Hưng Vũ'),
      commune('X-VULE', 'Xã Vũ Lễ'),
      commune('X-VULANG', 'Xã Vũ Lăng'),
      commune('X-NHATHOA', 'Xã Nhất Hòa'),
    ],
  },
  {
    code: 'H-HL',
    successors: [
      commune('X-HUULUNG', 'Xã Hữu Lũng'),
      commune('X-YENBINH', 'Xã Yên Bình'),
      commune('X-HUULIEN', 'Xã Hữu Liên'),
      commune('X-VANNHAM', 'Xã Vân Nham'),
      commune('X-CAIKINH', 'Xã Cai Kinh'),
      commune('X-THIENTAN', 'Xã Thiện Tân'),
      commune('X-TANTHANH', 'Xã Tân Thành'),
      commune('X-TUANSON', 'Xã Tuấn Sơn'),
    ],
  },
  {
    code: 'H-CL',
    successors: [
      commune('X-CHILANG', 'Xã Chi Lăng'),
      commune('X-BANGMAC', 'Xã Bằng Mạc'),
      commune('X-CHIENTHANG', 'Xã Chiến Thắng'),
      commune('X-NHANLY', 'Xã Nhân Lý'),
      commune('X-VANLINH', 'Xã Vạn Linh'),
      commune('X-QUANSON', 'Xã Quan Sơn'),
    ],
  },
  {
    code: 'H-CLO',
    successors: [
      commune('X-DONGDANG', 'Xã Đồng Đăng'),
      commune('X-BASON', 'Xã Ba Sơn'),
      commune('X-CAOLOC', 'Xã Cao Lộc'),
      commune('X-CONGSON', 'Xã Công Sơn'),
    ],
    alsoTo: ['P-DONGKINH', 'P-KYLUA', 'X-KHANHKHE', 'X-TANDOAN'],
  },
  {
    code: 'H-LB',
    successors: [
      commune('X-LOCBINH', 'Xã Lộc Bình'),
      commune('X-NADUONG', 'Xã Na Dương'),
      commune('X-MAUSON', 'Xã Mẫu Sơn'),
      commune('X-KHUATXA', 'Xã Khuất Xá'),
      commune('X-THONGNHAT', 'Xã Thống Nhất'),
      commune('X-LOIBAC', 'Xã Lợi Bác'),
      commune('X-XUANDUONG', 'Xã Xuân Dương'),
    ],
  },
  {
    code: 'H-DL',
    successors: [
      commune('X-DINHLAP', 'Xã Đình Lập'),
      commune('X-THAIBINH', 'Xã Thái Bình'),
      commune('X-KIENMOC', 'Xã Kiên Mộc'),
      commune('X-CHAUSON', 'Xã Châu Sơn'),
    ],
  },
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
