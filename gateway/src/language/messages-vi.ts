/**
 * The Vietnamese text of every error message the API sends, by the English message's pattern
 * (the subgraphs write English; the gateway translates for clients that ask, accept-language.ts).
 * `extensions.code` and `extensions.field` never change. A message no pattern knows still gets a
 * Vietnamese sentence for its code, with the English detail after it.
 */

type Translation = [pattern: RegExp, vietnamese: (...groups: string[]) => string];

const f = (name: string) => `\`${name}\``;

/** The field names a message may begin with ("from must not be after to"). */
const FIELD = '([A-Za-z.]+)';

const TRANSLATIONS: Translation[] = [
  // Authentication and roles.
  [/^A valid bearer token is required$/, () => 'Cần một mã truy cập (bearer token) hợp lệ'],
  [/^Send `Authorization: Bearer <token>`$/, () => 'Hãy gửi kèm `Authorization: Bearer <mã truy cập>`'],
  [/^The Authorization header is not `Bearer <JWT>`$/, () => 'Tiêu đề Authorization không có dạng `Bearer <JWT>`'],
  [/^The token has expired$/, () => 'Mã truy cập đã hết hạn'],
  [/^The token is not valid yet$/, () => 'Mã truy cập chưa đến thời điểm có hiệu lực'],
  [/^The token is not valid$/, () => 'Mã truy cập không hợp lệ'],
  [/^The token’s `(\w+)` must be (.+)$/, (claim) => `Trường \`${claim}\` của mã truy cập không đúng định dạng`],
  [/^A UNIT token must name its organisation \(`org`\)$/, () => 'Mã truy cập vai trò UNIT phải ghi đơn vị (`org`)'],
  [
    /^The token carries no role of the role table \((.+)\)$/,
    (roles) => `Mã truy cập không mang vai trò nào trong bảng vai trò (${roles})`,
  ],
  [
    /^This service answers only requests sent through the gateway$/,
    () => 'Dịch vụ này chỉ trả lời các yêu cầu gửi qua cổng API',
  ],
  [/^Your role does not allow this$/, () => 'Vai trò của bạn không được phép thực hiện thao tác này'],
  [/^This needs one of the roles (.+)$/, (roles) => `Thao tác này cần một trong các vai trò ${roles}`],
  [
    /^A unit user may only see its own unit's (.+)$/,
    (what) => `Người dùng của đơn vị chỉ được xem ${what} của đơn vị mình`,
  ],
  [/^A unit user must belong to a unit$/, () => 'Người dùng của đơn vị phải thuộc một đơn vị'],
  [/^Only the lead unit of a task reports on it$/, () => 'Chỉ đơn vị chủ trì mới được báo cáo về nhiệm vụ'],
  [/^Only the assigning side of a task decides on it$/, () => 'Chỉ bên giao nhiệm vụ mới được quyết định về nhiệm vụ'],
  [
    /^Only a coordinating unit of a task contributes to it$/,
    () => 'Chỉ đơn vị phối hợp của nhiệm vụ mới được gửi ý kiến phối hợp',
  ],
  [/^Only the lead unit of a task delegates it$/, () => 'Chỉ đơn vị chủ trì mới được giao nhiệm vụ cho phòng, ban'],
  [
    /^A division is assigned tasks only by delegation from its unit$/,
    () => 'Phòng, ban chỉ nhận nhiệm vụ do đơn vị của mình giao lại',
  ],
  // Webhooks, the inbox and e-mail (the notifications subgraph).
  [/^contactEmail is not an e-mail address$/, () => '`contactEmail` không phải là địa chỉ thư điện tử'],
  [/^Give either ids or all: true$/, () => 'Hãy gửi `ids` hoặc `all: true`'],
  [/^ids must name 1 to 100$/, () => '`ids` phải có từ 1 đến 100 mã'],
  [/^ids holds an id that is no notification$/, () => '`ids` có mã không phải của thông báo nào'],
  [/^ids holds a notification not in your inbox$/, () => '`ids` có thông báo không thuộc hộp thư của bạn'],
  [/^url is not an absolute URL$/, () => '`url` không phải là địa chỉ URL đầy đủ'],
  [/^url must not carry credentials$/, () => '`url` không được chứa thông tin đăng nhập'],
  [/^url has no host$/, () => '`url` không có tên máy chủ'],
  [/^url must name a public address$/, () => '`url` phải trỏ tới một địa chỉ công khai'],
  [/^url must name a public host$/, () => '`url` phải trỏ tới một máy chủ công khai'],
  [/^eventTypes must name 1 to 30 kinds of event$/, () => '`eventTypes` phải có từ 1 đến 30 loại sự kiện'],
  [/^Your roles let you read no events$/, () => 'Vai trò của bạn không cho phép đọc sự kiện nào'],
  [/^A READER may receive FIGURES_CHANGED only$/, () => 'Vai trò READER chỉ được nhận FIGURES_CHANGED'],
  [/^organisationIds must name 1 to 100 units$/, () => '`organisationIds` phải có từ 1 đến 100 đơn vị'],
  // Coordination, reminders and explanations.
  [/^This unit has already contributed to the task$/, () => 'Đơn vị này đã gửi ý kiến phối hợp cho nhiệm vụ'],
  [/^The task changed lead unit meanwhile$/, () => 'Nhiệm vụ vừa được chuyển sang đơn vị chủ trì khác'],
  [/^This request for explanation is already answered$/, () => 'Yêu cầu giải trình này đã được trả lời'],
  [
    /^Only a task open today is reminded \(not completed, withdrawn or awaiting confirmation\)$/,
    () => 'Chỉ đôn đốc nhiệm vụ đang thực hiện (chưa hoàn thành, chưa rút, không chờ xác nhận)',
  ],
  // Not found.
  [/^No task has id (.+)$/, (id) => `Không có nhiệm vụ nào có mã ${id}`],
  [/^No organisation has id (.+)$/, (id) => `Không có đơn vị nào có mã ${id}`],
  [/^No official has id (.+)$/, (id) => `Không có cán bộ nào có mã ${id}`],
  [/^No extension request has id (.+)$/, (id) => `Không có đề nghị gia hạn nào có mã ${id}`],
  [/^No recommendation has id (.+)$/, (id) => `Không có kiến nghị nào có mã ${id}`],
  [/^No inspection conclusion has id (.+)$/, (id) => `Không có kết luận kiểm tra nào có mã ${id}`],
  [/^No term of office has id (.+)$/, (id) => `Không có nhiệm kỳ nào có mã ${id}`],
  // The workflow of a task.
  [/^The task was changed by another request meanwhile$/, () => 'Nhiệm vụ vừa được một yêu cầu khác thay đổi'],
  [
    /^This idempotency key was already used for another request$/,
    () => 'Khóa chống lặp (idempotency key) này đã được dùng cho một yêu cầu khác',
  ],
  [/^A withdrawn task accepts no further change$/, () => 'Nhiệm vụ đã rút không nhận thêm thay đổi nào'],
  [/^The task is already completed$/, () => 'Nhiệm vụ đã hoàn thành'],
  [/^A task with no deadline cannot be extended$/, () => 'Nhiệm vụ không có thời hạn thì không thể gia hạn'],
  [
    /^An extension must be requested on or before the deadline in force that day \((.+)\)$/,
    (day) => `Phải đề nghị gia hạn trước hoặc đúng hạn đang có hiệu lực vào ngày đó (${day})`,
  ],
  [
    /^An extension request of this task is already waiting for a decision$/,
    () => 'Nhiệm vụ đã có một đề nghị gia hạn đang chờ quyết định',
  ],
  [/^This extension request is not waiting for a decision$/, () => 'Đề nghị gia hạn này không còn chờ quyết định'],
  [
    /^A completion report of this task is already waiting for confirmation$/,
    () => 'Nhiệm vụ đã có một báo cáo hoàn thành đang chờ xác nhận',
  ],
  [
    /^No completion report of this task is waiting for a decision$/,
    () => 'Nhiệm vụ không có báo cáo hoàn thành nào đang chờ xác nhận',
  ],
  [/^a history starts with ASSIGNED$/, () => 'Lịch sử một nhiệm vụ phải bắt đầu bằng bước giao (ASSIGNED)'],
  [/^assigned twice$/, () => 'Nhiệm vụ được giao hai lần'],
  [/^Unknown step$/, () => 'Bước không xác định'],
  [
    /^the (\w+) step recorded on (\S+) would break the rules with the corrected deadline: (.+)$/,
    (step, on, why) => `Bước ${step} ghi ngày ${on} sẽ trái quy tắc với thời hạn đã đính chính: ${translate(why)}`,
  ],
  // Corrections and restructurings.
  [/^The correction changes nothing$/, () => 'Nội dung đính chính không thay đổi gì'],
  [
    /^The task has extension requests: its deadline cannot be removed$/,
    () => 'Nhiệm vụ đã có đề nghị gia hạn: không thể bỏ thời hạn',
  ],
  [
    /^the source document cannot be issued after the assignment date$/,
    () => 'Văn bản giao nhiệm vụ không thể ban hành sau ngày giao',
  ],
  [
    /^the source document \(issued (\S+)\) cannot be issued after the assignment date \((\S+)\)$/,
    (issued, assigned) =>
      `Văn bản giao nhiệm vụ (ban hành ngày ${issued}) không thể ban hành sau ngày giao (${assigned})`,
  ],
  [
    /^the deadline \((\S+)\) must not be before the assignment date \((\S+)\)$/,
    (due, assigned) => `Thời hạn (${due}) không được trước ngày giao (${assigned})`,
  ],
  [
    /^assignedOn must not be (on or )?after the (\w+) step recorded on (\S+)$/,
    (onOr, step, day) => `\`assignedOn\` không được ${onOr ? 'trùng hoặc ' : ''}sau bước ${step} đã ghi ngày ${day}`,
  ],
  [
    /^An organisation cannot be placed under itself or one of its descendants$/,
    () => 'Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó',
  ],
  [
    /^code must be 1 to 32 characters: .*$/,
    () => '`code` phải dài 1 đến 32 ký tự: chữ A-Z, chữ số, ".", "_" hoặc "-", bắt đầu bằng chữ hoặc số',
  ],
  [
    /^toOrganisationId is not a successor of fromOrganisationId: record the restructuring first$/,
    () => '`toOrganisationId` không phải đơn vị kế tục của `fromOrganisationId`: hãy ghi nhận việc sắp xếp lại trước',
  ],
  // "<field> must ..." (the lifecycle's and the inputs' checks).
  [
    new RegExp(`^${FIELD} must not be in the future \\(today is (\\S+)\\)$`),
    (field, today) => `${f(field)} không được là ngày trong tương lai (hôm nay là ${today})`,
  ],
  [
    new RegExp(`^${FIELD} must not be before the assignment date$`),
    (field) => `${f(field)} không được trước ngày giao`,
  ],
  [
    new RegExp(`^${FIELD} must not be before the assignment(?: \\((\\S+)\\))?$`),
    (field, day) => `${f(field)} không được trước ngày giao${day ? ` (${day})` : ''}`,
  ],
  [new RegExp(`^${FIELD} must not be before completedOn$`), (field) => `${f(field)} không được trước \`completedOn\``],
  [
    new RegExp(`^${FIELD} must not be before the report \\((\\S+)\\)$`),
    (field, day) => `${f(field)} không được trước ngày báo cáo (${day})`,
  ],
  [
    new RegExp(`^${FIELD} must not be before the request \\((\\S+)\\)$`),
    (field, day) => `${f(field)} không được trước ngày đề nghị (${day})`,
  ],
  [
    new RegExp(`^${FIELD} must be after the deadline in force \\((\\S+)\\)$`),
    (field, day) => `${f(field)} phải sau thời hạn đang có hiệu lực (${day})`,
  ],
  [
    new RegExp(`^${FIELD} must be between (-?\\d+) and (-?\\d+)$`),
    (field, min, max) => `${f(field)} phải từ ${min} đến ${max}`,
  ],
  [new RegExp(`^${FIELD} must be (\\d+) to (\\d+)$`), (field, min, max) => `${f(field)} phải từ ${min} đến ${max}`],
  [
    new RegExp(`^${FIELD} must have at least (\\d+) items?$`),
    (field, min) => `${f(field)} phải có ít nhất ${min} phần tử`,
  ],
  [new RegExp(`^${FIELD} must have at most (\\d+) items$`), (field, max) => `${f(field)} có nhiều nhất ${max} phần tử`],
  [
    new RegExp(`^${FIELD} must have at most (\\d+) characters$`),
    (field, max) => `${f(field)} dài nhiều nhất ${max} ký tự`,
  ],
  [new RegExp(`^${FIELD} must be a single line$`), (field) => `${f(field)} phải nằm trên một dòng`],
  [
    new RegExp(`^${FIELD} must not contain control characters$`),
    (field) => `${f(field)} không được chứa ký tự điều khiển`,
  ],
  [new RegExp(`^${FIELD} must not be after ${FIELD}$`), (a, b) => `${f(a)} không được sau ${f(b)}`],
  [new RegExp(`^${FIELD} must not be before ${FIELD}$`), (a, b) => `${f(a)} không được trước ${f(b)}`],
  [
    new RegExp(`^${FIELD} must not be before the end of the inspected period$`),
    (field) => `${f(field)} không được trước ngày cuối của kỳ được kiểm tra`,
  ],
  [new RegExp(`^${FIELD} must not be before the inspection$`), (field) => `${f(field)} không được trước ngày kiểm tra`],
  [new RegExp(`^${FIELD} must not be in the future$`), (field) => `${f(field)} không được là ngày trong tương lai`],
  [
    new RegExp(`^${FIELD} cannot be removed, only corrected$`),
    (field) => `${f(field)} không thể xóa, chỉ có thể đính chính`,
  ],
  [
    /^idempotencyKey must be 1 to 200 letters, digits or \. _ : -$/,
    () => '`idempotencyKey` phải gồm 1 đến 200 chữ cái, chữ số hoặc . _ : -',
  ],
  [
    /^a deadline in working days must be between (\d+) and (\d+)$/,
    (min, max) => `Thời hạn tính theo ngày làm việc phải từ ${min} đến ${max} ngày`,
  ],
  [
    /^give dueOn or deadlineInWorkingDays, not both$/,
    () => 'Chỉ nhập `dueOn` hoặc `deadlineInWorkingDays`, không nhập cả hai',
  ],
  [/^give exactly one of intoId and newUnit$/, () => 'Nhập đúng một trong hai: `intoId` hoặc `newUnit`'],
  [/^the lead unit cannot also coordinate$/, () => 'Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp'],
  [/^at most (\d+) coordinating units$/, (max) => `Nhiều nhất ${max} đơn vị phối hợp`],
  [/^a unit is listed twice$/, () => 'Một đơn vị được kê hai lần'],
  [/^a unit cannot transfer tasks to itself$/, () => 'Một đơn vị không thể chuyển nhiệm vụ cho chính mình'],
  [/^a split needs at least two units$/, () => 'Chia tách cần ít nhất hai đơn vị'],
  [/^at least one unit to merge$/, () => 'Cần ít nhất một đơn vị để hợp nhất'],
  [
    /^unit (.+) cannot be its own predecessor or successor$/,
    (unit) => `Đơn vị ${unit} không thể là tiền thân hay kế tục của chính mình`,
  ],
  [/^(\S+) already bears that name$/, (unit) => `${unit} đã mang tên đó`],
  [/^(\S+) already ended on (\S+)$/, (unit, day) => `${unit} đã kết thúc vào ngày ${day}`],
  [/^(\S+) begins on (\S+), after (\S+)$/, (unit, day, on) => `${unit} bắt đầu từ ngày ${day}, sau ngày ${on}`],
  [/^(\S+) did not exist on (\S+)$/, (unit, day) => `${unit} chưa tồn tại vào ngày ${day}`],
  [/^(\S+) ended on (\S+), before (\S+)$/, (unit, day, on) => `${unit} đã kết thúc vào ngày ${day}, trước ngày ${on}`],
  [/^(\S+) was last renamed on (\S+)$/, (unit, day) => `${unit} được đổi tên lần cuối vào ngày ${day}`],
  [/^(\S+) is a weekend day already$/, (day) => `${day} đã là ngày cuối tuần`],
  [/^(\S+) is listed twice$/, (day) => `${day} được kê hai lần`],
  [/^(\S+) is not in (\d+)$/, (day, year) => `${day} không thuộc năm ${year}`],
  // Reports and breakdowns.
  [/^by must name one or two dimensions$/, () => '`by` phải nêu một hoặc hai chiều phân tổ'],
  [/^by names the same dimension twice$/, () => '`by` nêu một chiều phân tổ hai lần'],
  [/^(\w+) needs an index$/, (cycle) => `Kỳ ${cycle} cần chỉ số kỳ (\`index\`)`],
  [/^(\w+) takes no index$/, (cycle) => `Kỳ ${cycle} không có chỉ số kỳ (\`index\`)`],
  // Pages, feeds and limits.
  [/^after is not a cursor this (?:API|feed) gave(?: you)?$/, () => '`after` không phải con trỏ do API này cấp'],
  [
    /^after is older than the (\d+) days the feed keeps: re-synchronise, then follow from the first page$/,
    (days) => `\`after\` cũ hơn ${days} ngày mà luồng sự kiện lưu giữ: hãy đồng bộ lại, rồi theo dõi từ trang đầu`,
  ],
  [
    /^Cost limit of (\d+) exceeded: this request costs (\d+) \(GRAPHQL_MAX_COST\)\. .*$/,
    (max, cost) =>
      `Vượt giới hạn chi phí ${max}: yêu cầu này tốn ${cost} (GRAPHQL_MAX_COST). Hãy lấy ít phần tử mỗi trang hoặc ít trường hơn.`,
  ],
  [
    /^The answer is too large: its subgraph data passed (\d+) bytes .*$/,
    (bytes) =>
      `Kết quả quá lớn: dữ liệu từ các dịch vụ vượt ${bytes} byte (GRAPHQL_MAX_SUBGRAPH_BYTES). Hãy lấy ít phần tử hơn hoặc chia trang.`,
  ],
  [/^This operation is not in the list this API runs$/, () => 'Thao tác này không có trong danh sách API cho phép'],
  [
    /^The (\w+) service is unavailable; the fields it serves are missing$/,
    (name) => `Dịch vụ ${name} đang không hoạt động; thiếu các trường do dịch vụ này cung cấp`,
  ],
  [/^Internal server error$/, () => 'Lỗi máy chủ'],
  [
    /^Date must be a calendar date YYYY-MM-DD \(or a timestamp with its zone\), got (.+)$/,
    (value) => `Ngày phải có dạng YYYY-MM-DD (hoặc một thời điểm kèm múi giờ), nhận được ${value}`,
  ],
];

/** A Vietnamese sentence for each code, for a message no pattern knows. */
const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'Chưa xác thực',
  FORBIDDEN: 'Không có quyền',
  BAD_USER_INPUT: 'Dữ liệu nhập không hợp lệ',
  NOT_FOUND: 'Không tìm thấy',
  CONFLICT: 'Xung đột với trạng thái hiện tại',
  INTERNAL_SERVER_ERROR: 'Lỗi máy chủ',
  SUBGRAPH_UNAVAILABLE: 'Một dịch vụ đang không hoạt động',
  OPERATION_NOT_ALLOWED: 'Thao tác không được phép',
  PERSISTED_QUERY_NOT_FOUND: 'Không tìm thấy truy vấn đã lưu',
  CURSOR_EXPIRED: 'Con trỏ đã hết hạn',
  RESPONSE_TOO_LARGE: 'Kết quả quá lớn',
  BAD_REQUEST: 'Yêu cầu không hợp lệ',
  GRAPHQL_VALIDATION_FAILED: 'Thao tác không hợp lệ theo lược đồ của API',
  GRAPHQL_PARSE_FAILED: 'Không đọc được thao tác GraphQL',
};

/** The Vietnamese of a known message; null when no pattern knows it. */
export function knownVietnamese(message: string): string | null {
  for (const [pattern, vietnamese] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return vietnamese(...match.slice(1).map((group) => group ?? ''));
  }
  return null;
}

function translate(message: string): string {
  return knownVietnamese(message) ?? message;
}

/** The Vietnamese text of an error message: its translation, else its code's sentence and the English detail. */
export function vietnameseMessage(message: string, code: string | undefined): string {
  return knownVietnamese(message) ?? `${BY_CODE[code ?? ''] ?? 'Lỗi'}: ${message}`;
}
