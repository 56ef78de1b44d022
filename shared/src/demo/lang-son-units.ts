import { uuidFromName } from '../ids';

/**
 * The units of Lạng Sơn province as they were in 2017: the provincial People's Committee, its
 * Office, its departments and department-level agencies, the city and its ten districts.
 * Every service's demo data refers to them by these codes; ids are derived from the codes.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: 'PEOPLES_COMMITTEE' | 'OFFICE' | 'DEPARTMENT' | 'DISTRICT' | 'COMMUNE' | 'OTHER' | 'DIVISION';
  parentCode: string | null;
}

export const PROVINCE_CODE = 'UBND-LS';

const department = (code: string, name: string): DemoUnit => ({
  code,
  name,
  kind: 'DEPARTMENT',
  parentCode: PROVINCE_CODE,
});
const district = (code: string, name: string): DemoUnit => ({
  code,
  name,
  kind: 'DISTRICT',
  parentCode: PROVINCE_CODE,
});

export const LANG_SON_UNITS_2017: readonly DemoUnit[] = [
  { code: PROVINCE_CODE, name: 'Ủy ban nhân dân tỉnh Lạng Sơn', kind: 'PEOPLES_COMMITTEE', parentCode: null },
  { code: 'VP-UBND', name: 'Văn phòng Ủy ban nhân dân tỉnh', kind: 'OFFICE', parentCode: PROVINCE_CODE },
  department('SNV', 'Sở Nội vụ'),
  department('STP', 'Sở Tư pháp'),
  department('SKHDT', 'Sở Kế hoạch và Đầu tư'),
  department('STC', 'Sở Tài chính'),
  department('SCT', 'Sở Công Thương'),
  department('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'),
  department('SGTVT', 'Sở Giao thông vận tải'),
  department('SXD', 'Sở Xây dựng'),
  department('STNMT', 'Sở Tài nguyên và Môi trường'),
  department('STTTT', 'Sở Thông tin và Truyền thông'),
  department('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'),
  department('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'),
  department('SKHCN', 'Sở Khoa học và Công nghệ'),
  department('SGDDT', 'Sở Giáo dục và Đào tạo'),
  department('SYT', 'Sở Y tế'),
  department('SNGV', 'Sở Ngoại vụ'),
  department('TTT', 'Thanh tra tỉnh'),
  department('BDT', 'Ban Dân tộc'),
  {
    code: 'BQLKKTCK',
    name: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn',
    kind: 'OTHER',
    parentCode: PROVINCE_CODE,
  },
  district('TP-LS', 'Thành phố Lạng Sơn'),
  district('H-TD', 'Huyện Tràng Định'),
  district('H-VL', 'Huyện Văn Lãng'),
  district('H-VQ', 'Huyện Văn Quan'),
  district('H-BG', 'Huyện Bình Gia'),
  district('H-BS', 'Huyện Bắc Sơn'),
  district('H-HL', 'Huyện Hữu Lũng'),
  district('H-CL', 'Huyện Chi Lăng'),
  district('H-CLO', 'Huyện Cao Lộc'),
  district('H-LB', 'Huyện Lộc Bình'),
  district('H-DL', 'Huyện Đình Lập'),
];

/** The divisions (phòng) of the Department of Construction, which its delegated demo tasks go to. */
export const LANG_SON_DIVISIONS_2017: readonly DemoUnit[] = [
  { code: 'SXD-QHKT', name: 'Phòng Quy hoạch - Kiến trúc', kind: 'DIVISION', parentCode: 'SXD' },
  { code: 'SXD-QLXD', name: 'Phòng Quản lý xây dựng', kind: 'DIVISION', parentCode: 'SXD' },
  { code: 'SXD-HTKT', name: 'Phòng Hạ tầng kỹ thuật và Phát triển đô thị', kind: 'DIVISION', parentCode: 'SXD' },
];

/** The id of a demo unit, the same in every service and on every machine. */
export function demoUnitId(code: string): string {
  return uuidFromName(`organisation:${code}`);
}
