import type { DemoUnit, Portfolio } from '@giaoviec/shared';
import type { DocumentKind, TaskPriority } from '../task/task-history';

/**
 * The Vietnamese wording of the demo data: leaders, topics per unit, title templates, and the
 * notes and reasons of the events. All text is NFC (checked by the generator's tests).
 */

export { DEMO_LEADERS, type Leader, type Portfolio } from '@giaoviec/shared';

/** Which leader's portfolio a Lạng Sơn unit falls in; units not listed get one by their code. */
const UNIT_PORTFOLIOS: Readonly<Record<string, Portfolio>> = {
  'VP-UBND': 'NC',
  SNV: 'NC',
  STP: 'NC',
  TTT: 'NC',
  SNGV: 'NC',
  SKHDT: 'KTTH',
  STC: 'KTTH',
  SCT: 'KTTH',
  BQLKKTCK: 'KTTH',
  SNNPTNT: 'KTN',
  SXD: 'KTN',
  SGTVT: 'KTN',
  STNMT: 'KTN',
  STTTT: 'KGVX',
  SLDTBXH: 'KGVX',
  SVHTTDL: 'KGVX',
  SKHCN: 'KGVX',
  SGDDT: 'KGVX',
  SYT: 'KGVX',
  BDT: 'KGVX',
};

const PORTFOLIOS: readonly Portfolio[] = ['KTTH', 'KTN', 'KGVX', 'NC'];

const { imul } = Math; // a module binding: global lookups are slow under Jest's sandbox

/** A small stable hash of a string (FNV-1a, 32 bits). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The portfolio of a unit; null for districts and communes, which every leader directs. */
export function portfolioOf(unit: DemoUnit): Portfolio | null {
  if (unit.kind === 'DISTRICT' || unit.kind === 'COMMUNE') return null;
  return UNIT_PORTFOLIOS[unit.code] ?? PORTFOLIOS[hashString(unit.code) % PORTFOLIOS.length]!;
}

/** What each Lạng Sơn unit is assigned work about (noun phrases that fit the title templates). */
const UNIT_TOPICS: Readonly<Record<string, readonly string[]>> = {
  'VP-UBND': [
    'chương trình công tác năm của UBND tỉnh',
    'hệ thống quản lý văn bản và điều hành',
    'tiếp nhận và trả kết quả giải quyết thủ tục hành chính',
    'kiểm soát thủ tục hành chính',
    'tổ chức phiên họp thường kỳ của UBND tỉnh',
    'theo dõi, đôn đốc việc thực hiện nhiệm vụ UBND tỉnh giao',
    'cổng thông tin điện tử của tỉnh',
  ],
  SNV: [
    'sắp xếp, kiện toàn tổ chức bộ máy các cơ quan chuyên môn',
    'tinh giản biên chế',
    'cải cách hành chính',
    'thi đua, khen thưởng',
    'đào tạo, bồi dưỡng cán bộ, công chức',
    'tuyển dụng viên chức',
    'quản lý nhà nước về tôn giáo',
    'chỉ số cải cách hành chính của tỉnh',
  ],
  STP: [
    'rà soát, hệ thống hóa văn bản quy phạm pháp luật',
    'phổ biến, giáo dục pháp luật',
    'đăng ký và quản lý hộ tịch',
    'trợ giúp pháp lý cho người nghèo và đồng bào dân tộc thiểu số',
    'theo dõi thi hành pháp luật về xử lý vi phạm hành chính',
    'thẩm định dự thảo văn bản quy phạm pháp luật',
  ],
  SKHDT: [
    'giải ngân vốn đầu tư công',
    'kế hoạch đầu tư công trung hạn giai đoạn 2016-2020',
    'cải thiện chỉ số năng lực cạnh tranh cấp tỉnh',
    'thu hút đầu tư',
    'hỗ trợ doanh nghiệp nhỏ và vừa',
    'quản lý các dự án sử dụng vốn ODA',
    'kế hoạch phát triển kinh tế - xã hội',
  ],
  STC: [
    'dự toán ngân sách nhà nước',
    'quyết toán dự án hoàn thành',
    'quản lý, sử dụng tài sản công',
    'thu, chi ngân sách địa phương',
    'thực hành tiết kiệm, chống lãng phí',
    'xác định giá đất cụ thể',
    'sắp xếp, đổi mới doanh nghiệp nhà nước',
  ],
  SCT: [
    'chống buôn lậu, gian lận thương mại và hàng giả',
    'phát triển thương mại biên giới',
    'phát triển và quản lý chợ',
    'cấp điện cho các thôn, bản chưa có điện lưới',
    'khuyến công',
    'xúc tiến thương mại',
    'quản lý an toàn vật liệu nổ công nghiệp',
  ],
  SNNPTNT: [
    'xây dựng nông thôn mới',
    'phòng cháy, chữa cháy rừng',
    'phòng, chống dịch bệnh gia súc, gia cầm',
    'phòng, chống thiên tai',
    'trồng rừng và bảo vệ rừng',
    'phát triển vùng trồng hồi, na',
    'bảo đảm an toàn hồ, đập thủy lợi',
    'tái cơ cấu ngành nông nghiệp',
  ],
  SGTVT: [
    'bảo đảm trật tự an toàn giao thông',
    'bảo trì hệ thống đường tỉnh',
    'dự án đường cao tốc Bắc Giang - Lạng Sơn',
    'quản lý vận tải hành khách bằng xe ô tô',
    'chống lấn chiếm hành lang an toàn đường bộ',
    'cải tạo, nâng cấp quốc lộ 4B',
  ],
  SXD: [
    'quản lý quy hoạch đô thị',
    'cấp giấy phép xây dựng',
    'quản lý chất lượng công trình xây dựng',
    'phát triển nhà ở xã hội',
    'quản lý trật tự xây dựng',
    'điều chỉnh quy hoạch chung thành phố Lạng Sơn',
    'quản lý vật liệu xây dựng',
    'thẩm định thiết kế cơ sở',
    'quản lý giá xây dựng công trình',
    'chương trình phát triển đô thị',
  ],
  STNMT: [
    'cấp giấy chứng nhận quyền sử dụng đất',
    'bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất',
    'quản lý hoạt động khai thác khoáng sản',
    'bảo vệ môi trường',
    'thu gom, xử lý chất thải rắn sinh hoạt',
    'kế hoạch sử dụng đất',
    'xây dựng cơ sở dữ liệu đất đai',
  ],
  STTTT: [
    'ứng dụng công nghệ thông tin trong cơ quan nhà nước',
    'cung cấp dịch vụ công trực tuyến',
    'bảo đảm an toàn thông tin mạng',
    'quản lý thông tin trên mạng',
    'phát triển hạ tầng viễn thông thụ động',
    'thông tin, tuyên truyền về biển, đảo và biên giới',
  ],
  SLDTBXH: [
    'giảm nghèo bền vững',
    'giải quyết việc làm',
    'đào tạo nghề cho lao động nông thôn',
    'thực hiện chính sách đối với người có công',
    'bảo vệ, chăm sóc trẻ em',
    'phòng, chống tệ nạn xã hội',
    'an toàn, vệ sinh lao động',
  ],
  SVHTTDL: [
    'phát triển du lịch',
    'bảo tồn, phát huy giá trị di tích lịch sử - văn hóa',
    'quản lý và tổ chức lễ hội',
    'phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa',
    'phát triển thể dục, thể thao quần chúng',
    'quảng bá du lịch Lạng Sơn',
  ],
  SKHCN: [
    'nhiệm vụ khoa học và công nghệ cấp tỉnh',
    'quản lý tiêu chuẩn, đo lường, chất lượng',
    'áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2008',
    'bảo hộ quyền sở hữu trí tuệ',
    'xây dựng nhãn hiệu tập thể cho đặc sản địa phương',
  ],
  SGDDT: [
    'xây dựng trường chuẩn quốc gia',
    'kỳ thi trung học phổ thông quốc gia',
    'kiên cố hóa trường, lớp học',
    'phổ cập giáo dục, xóa mù chữ',
    'tuyển sinh đầu cấp',
    'sắp xếp mạng lưới trường, lớp',
  ],
  SYT: [
    'phòng, chống dịch bệnh',
    'bảo đảm an toàn thực phẩm',
    'bảo hiểm y tế toàn dân',
    'nâng cao chất lượng khám bệnh, chữa bệnh',
    'tiêm chủng mở rộng',
    'quản lý hành nghề y, dược tư nhân',
  ],
  SNGV: [
    'công tác biên giới',
    'hợp tác với Khu tự trị dân tộc Choang Quảng Tây',
    'quản lý đoàn ra, đoàn vào',
    'công tác người Việt Nam ở nước ngoài',
    'thông tin đối ngoại',
  ],
  TTT: [
    'giải quyết khiếu nại, tố cáo',
    'tiếp công dân',
    'phòng, chống tham nhũng',
    'thanh tra trách nhiệm thủ trưởng cơ quan',
    'thanh tra kinh tế - xã hội',
    'xử lý sau thanh tra',
  ],
  BDT: [
    'thực hiện chính sách dân tộc',
    'Chương trình 135',
    'hỗ trợ đất ở, nhà ở, nước sinh hoạt cho hộ đồng bào dân tộc thiểu số nghèo',
    'chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số',
    'định canh, định cư',
  ],
  BQLKKTCK: [
    'quản lý hoạt động xuất nhập khẩu tại các cửa khẩu',
    'giải quyết ùn tắc hàng hóa tại cửa khẩu Tân Thanh',
    'đầu tư hạ tầng Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn',
    'quản lý các khu công nghiệp',
    'xúc tiến đầu tư vào Khu kinh tế cửa khẩu',
  ],
};

const DISTRICT_TOPICS: readonly string[] = [
  'xây dựng nông thôn mới',
  'bồi thường, giải phóng mặt bằng',
  'thu ngân sách',
  'giải quyết khiếu nại, tố cáo',
  'phòng cháy, chữa cháy rừng',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'giảm nghèo bền vững',
  'cải cách hành chính',
  'phòng, chống dịch bệnh gia súc, gia cầm',
  'bảo đảm trật tự an toàn giao thông',
  'quản lý trật tự xây dựng',
];

const UNIT_EXTRA_TOPICS: Readonly<Record<string, readonly string[]>> = {
  'TP-LS': ['chỉnh trang đô thị', 'quản lý trật tự đô thị', 'thu gom, xử lý rác thải đô thị'],
  'H-TD': ['quản lý biên giới', 'chống buôn lậu qua biên giới'],
  'H-VL': ['quản lý biên giới', 'phát triển kinh tế cửa khẩu Tân Thanh'],
  'H-CLO': ['quản lý biên giới', 'giải phóng mặt bằng Khu kinh tế cửa khẩu'],
  'H-LB': ['quản lý biên giới', 'chống buôn lậu qua biên giới'],
  'H-DL': ['quản lý biên giới', 'trồng rừng và bảo vệ rừng'],
  'H-CL': ['phát triển vùng trồng na', 'tiêu thụ na Chi Lăng'],
  'H-HL': ['phát triển vùng trồng cây ăn quả', 'quản lý khai thác khoáng sản'],
  'H-BS': ['phát triển du lịch cộng đồng', 'bảo tồn di tích Khởi nghĩa Bắc Sơn'],
  'H-BG': ['trồng rừng và bảo vệ rừng', 'hỗ trợ đồng bào dân tộc thiểu số'],
  'H-VQ': ['phát triển vùng trồng hồi', 'bảo đảm an toàn hồ, đập thủy lợi'],
};

const GENERAL_TOPICS: readonly string[] = [
  'cải cách hành chính',
  'thực hành tiết kiệm, chống lãng phí',
  'ứng dụng công nghệ thông tin',
  'phòng, chống tham nhũng',
  'giải quyết kiến nghị của doanh nghiệp',
  'thực hiện nhiệm vụ chuyên môn năm',
];

function topicsOf(unit: DemoUnit): readonly string[] {
  const own = UNIT_TOPICS[unit.code];
  if (own) return own;
  if (unit.kind === 'DISTRICT' || unit.kind === 'COMMUNE') {
    const extra = UNIT_EXTRA_TOPICS[unit.code];
    return extra ? [...DISTRICT_TOPICS, ...extra] : DISTRICT_TOPICS;
  }
  return GENERAL_TOPICS;
}

/** Where a unit works, as a title ends: "trên địa bàn tỉnh", "trên địa bàn huyện"… */
function placeOf(unit: DemoUnit): string {
  if (unit.kind === 'DISTRICT')
    return unit.name.startsWith('Thành phố') ? 'trên địa bàn thành phố' : 'trên địa bàn huyện';
  if (unit.kind === 'COMMUNE') return 'trên địa bàn xã';
  return 'trên địa bàn tỉnh';
}

/** A unit named inside a sentence: "Sở Tài chính", "UBND huyện Cao Lộc". */
function inSentence(unit: DemoUnit): string {
  if (unit.kind === 'DISTRICT' || unit.kind === 'COMMUNE') {
    return `UBND ${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}`;
  }
  return unit.name;
}

/** How a unit's tasks are worded; worked out once per unit. */
export interface UnitWording {
  /** What it is assigned work about (noun phrases that fit the title templates). */
  topics: readonly string[];
  place: string;
  /** The unit named inside a sentence. */
  inSentence: string;
  templates: Templates;
}

export function wordingOf(unit: DemoUnit): UnitWording {
  const local = unit.kind === 'DISTRICT' || unit.kind === 'COMMUNE';
  return {
    topics: topicsOf(unit),
    place: placeOf(unit),
    inSentence: inSentence(unit),
    templates: local ? LOCAL_TEMPLATES : PROVINCIAL_TEMPLATES,
  };
}

/**
 * Title templates. {t}: topic, {p}: place, {r}: reporting period, {yc}: the year of the
 * assignment, {y}: the year the work is planned for (the next one from September), {y1}: the next
 * year, {ye}: the end of a plan's span (a year ending in 0 or 5).
 */
type Template = readonly string[]; // text, key, text, key, …, text
type Templates = Readonly<Record<TaskPriority, readonly Template[]>>;

const compile = (templates: Readonly<Record<TaskPriority, readonly string[]>>): Templates => ({
  KEY: templates.KEY.map((text) => text.split(/\{(\w+)\}/)),
  ROUTINE: templates.ROUTINE.map((text) => text.split(/\{(\w+)\}/)),
  AD_HOC: templates.AD_HOC.map((text) => text.split(/\{(\w+)\}/)),
});

const PROVINCIAL_TEMPLATES: Templates = compile({
  ROUTINE: [
    'Tham mưu UBND tỉnh ban hành kế hoạch triển khai {t} năm {y}',
    'Báo cáo tình hình, kết quả {t} {r}',
    'Rà soát, đề xuất giải pháp tháo gỡ khó khăn, vướng mắc trong {t}',
    'Hướng dẫn UBND các huyện, thành phố triển khai {t}',
    'Chủ trì, phối hợp kiểm tra việc thực hiện {t} {p}',
    'Tham mưu UBND tỉnh ban hành quy định về {t}',
    'Tổng hợp, báo cáo các Bộ, ngành Trung ương về {t}',
    'Chuẩn bị nội dung làm việc với đoàn công tác Trung ương về {t}',
  ],
  KEY: [
    'Tập trung chỉ đạo, đẩy nhanh tiến độ {t}',
    'Xây dựng đề án nâng cao hiệu quả {t} giai đoạn {y}-{ye}',
    'Tham mưu UBND tỉnh ban hành quy định về {t}',
    'Đánh giá tình hình thực hiện {t}, đề xuất nhiệm vụ, giải pháp năm {y1}',
  ],
  AD_HOC: [
    'Khẩn trương kiểm tra, xử lý phản ánh của báo chí liên quan đến {t}',
    'Giải quyết kiến nghị của cử tri liên quan đến {t}',
    'Xác minh, báo cáo vụ việc phát sinh trong {t}',
    'Tham gia ý kiến dự thảo văn bản của Bộ, ngành Trung ương về {t}',
  ],
});

const LOCAL_TEMPLATES: Templates = compile({
  ROUTINE: [
    'Tổ chức triển khai {t} {p}',
    'Báo cáo tình hình, kết quả {t} {r}',
    'Rà soát, khắc phục tồn tại, hạn chế trong {t}',
    'Xây dựng kế hoạch thực hiện {t} năm {y}',
    'Phối hợp với các sở, ngành tháo gỡ vướng mắc trong {t}',
  ],
  KEY: [
    'Tập trung chỉ đạo, đẩy nhanh tiến độ {t} {p}',
    'Hoàn thành các chỉ tiêu về {t} năm {yc}',
    'Đánh giá tình hình thực hiện {t}, đề xuất nhiệm vụ, giải pháp năm {y1}',
  ],
  AD_HOC: [
    'Kiểm tra, xử lý dứt điểm phản ánh của người dân về {t}',
    'Giải quyết kiến nghị của cử tri liên quan đến {t}',
    'Khẩn trương báo cáo vụ việc phát sinh trong {t} {p}',
  ],
});

/** The reporting period a report asked for in the given month covers. */
function reportingPeriod(year: number, month: number, pick: number): string {
  const choices =
    month <= 3
      ? [`năm ${year - 1}`, `quý I năm ${year}`]
      : month <= 6
        ? [`quý I năm ${year}`, `6 tháng đầu năm ${year}`]
        : month <= 9
          ? [`6 tháng đầu năm ${year}`, `9 tháng năm ${year}`]
          : [`9 tháng năm ${year}`, `năm ${year}`];
  return choices[pick % 2]!;
}

/** A task title. `pickTemplate`, `pickTopic` and `pickPeriod` are random non-negative integers. */
export function composeTitle(
  wording: UnitWording,
  priority: TaskPriority,
  year: number,
  month: number,
  pickTemplate: number,
  pickTopic: number,
  pickPeriod: number,
): string {
  const templates = wording.templates[priority];
  const parts = templates[pickTemplate % templates.length]!;
  const planYear = month >= 9 ? year + 1 : year;
  let title = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    switch (parts[i]) {
      case 't':
        title += wording.topics[pickTopic % wording.topics.length]!;
        break;
      case 'p':
        title += wording.place;
        break;
      case 'r':
        title += reportingPeriod(year, month, pickPeriod);
        break;
      case 'y':
        title += planYear;
        break;
      case 'yc':
        title += year;
        break;
      case 'y1':
        title += year + 1;
        break;
      case 'ye':
        title += Math.ceil((planYear + 1) / 5) * 5;
        break;
      default:
        throw new Error(`unknown placeholder ${parts[i]}`);
    }
    title += parts[i + 1]!;
  }
  return title;
}

/** How a document kind is named in a sentence, and the series its number belongs to. */
export const DOCUMENT_KINDS: Readonly<
  Record<DocumentKind, { name: string; suffix: (division: string) => string; perWorkingDay: number }>
> = {
  DECISION: { name: 'Quyết định', suffix: () => 'QĐ-UBND', perWorkingDay: 9 },
  PLAN: { name: 'Kế hoạch', suffix: () => 'KH-UBND', perWorkingDay: 0.9 },
  NOTICE: { name: 'Thông báo', suffix: () => 'TB-UBND', perWorkingDay: 2 },
  CONCLUSION_NOTICE: { name: 'Thông báo', suffix: () => 'TB-VP', perWorkingDay: 2.5 },
  OFFICIAL_LETTER: { name: 'Công văn', suffix: (division) => `UBND-${division}`, perWorkingDay: 6 },
  DIRECTIVE: { name: 'Chỉ thị', suffix: () => 'CT-UBND', perWorkingDay: 0.12 },
  OTHER: { name: 'Công điện', suffix: () => 'CĐ-UBND', perWorkingDay: 0.08 },
};

export const PROGRESS_NOTES: readonly string[] = [
  'Đã tổ chức họp với các đơn vị liên quan, thống nhất phương án triển khai.',
  'Đang lấy ý kiến góp ý của các sở, ngành và UBND các huyện, thành phố.',
  'Đã hoàn thành khảo sát thực tế, đang tổng hợp số liệu.',
  'Đang hoàn thiện dự thảo, dự kiến trình UBND tỉnh trong tháng.',
  'Đã ban hành văn bản hướng dẫn các đơn vị thực hiện.',
  'Đang phối hợp với các đơn vị liên quan xử lý vướng mắc phát sinh.',
  'Đã thành lập tổ công tác, đang kiểm tra tại cơ sở.',
  'Đang chờ ý kiến thẩm định của cơ quan chuyên môn.',
];

export const EXTENSION_REASONS: readonly string[] = [
  'Nội dung phức tạp, cần thêm thời gian lấy ý kiến các sở, ngành liên quan.',
  'Chờ hướng dẫn của Bộ, ngành Trung ương.',
  'Cần khảo sát bổ sung tại một số địa phương.',
  'Các đơn vị phối hợp chưa gửi đủ số liệu để tổng hợp.',
  'Phải chỉnh sửa dự thảo theo ý kiến thẩm định.',
  'Thời tiết bất lợi, ảnh hưởng đến tiến độ kiểm tra thực địa.',
];

export const EXTENSION_APPROVAL_NOTES: readonly string[] = [
  'Đồng ý gia hạn; yêu cầu đơn vị hoàn thành đúng thời hạn mới.',
  'Đồng ý gia hạn theo đề nghị của đơn vị.',
];

export const EXTENSION_REJECTION_NOTES: readonly string[] = [
  'Không đồng ý gia hạn; đề nghị đơn vị khẩn trương hoàn thành nhiệm vụ.',
  'Không đồng ý gia hạn do nhiệm vụ cần hoàn thành theo yêu cầu của Trung ương.',
];

export const COMPLETION_NOTES: readonly string[] = [
  'Đã hoàn thành, có văn bản báo cáo kết quả gửi UBND tỉnh.',
  'Đã trình UBND tỉnh dự thảo văn bản theo yêu cầu.',
  'Đã tổ chức thực hiện xong, kèm theo báo cáo kết quả.',
  'Đã ban hành văn bản triển khai và báo cáo UBND tỉnh.',
  'Đã hoàn thành việc kiểm tra, có báo cáo kết quả và kiến nghị xử lý.',
];

export const RETURN_REASONS: readonly string[] = [
  'Báo cáo chưa đầy đủ số liệu, đề nghị bổ sung.',
  'Dự thảo chưa tiếp thu đầy đủ ý kiến của các sở, ngành.',
  'Chưa làm rõ trách nhiệm của các đơn vị liên quan, đề nghị hoàn thiện.',
  'Nội dung chưa đáp ứng yêu cầu chỉ đạo, đề nghị rà soát lại.',
];

export const WITHDRAWAL_REASONS: readonly string[] = [
  'Nhiệm vụ đã được điều chỉnh theo văn bản chỉ đạo mới của UBND tỉnh.',
  'Nội dung đã được lồng ghép vào nhiệm vụ khác.',
  'Không còn phù hợp do thay đổi quy định của Trung ương.',
  'Giao nhầm đơn vị chủ trì, đã giao lại cho đơn vị khác.',
];

/** A date as Vietnamese documents write it: 12/3/2017. */
export function vietnameseDate(date: string): string {
  return `${+date.slice(8, 10)}/${+date.slice(5, 7)}/${date.slice(0, 4)}`;
}
