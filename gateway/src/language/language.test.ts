import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messageLanguage } from './accept-language';
import { knownVietnamese, vietnameseMessage } from './messages-vi';

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['vi', 'vi'],
    ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['fr-FR, vi;q=0.5', 'vi'],
    ['en;q=0.4, vi;q=0.6', 'vi'],
    ['vi;q=0, en', 'en'],
    ['de, fr', 'en'],
  ])('%p gives %s', (header, language) => {
    expect(messageLanguage(header)).toBe(language);
  });
});

/** Every string literal a source file gives an error as its message (templates are sampled below). */
function literalMessages(): string[] {
  const root = resolve(__dirname, '../../..');
  const folders = [
    'shared/src',
    'gateway/src',
    ...['organisations', 'assignments', 'inspections', 'notifications'].map((s) => `services/${s}/src`),
  ];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path);
    }
  };
  folders.forEach((folder) => walk(join(root, folder)));
  const call =
    /(?:new (?:BadUserInputError|ConflictError|ForbiddenError|NotFoundError|UnauthenticatedError)|\bconflict|\bbadInput|\brefuse)\(\s*(?:'[A-Z_]+',\s*)?'(?![A-Z_]+')([^']+)'/g;
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const badInput = (at: number) => text.slice(at, at + 10).startsWith('badInput');
    return [...text.matchAll(call)].map((match) => (badInput(match.index) ? `on ${match[1]}` : match[1]!));
  });
}

describe('Vietnamese messages', () => {
  it('every literal message of the sources has a translation', () => {
    const messages = literalMessages();
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.filter((message) => knownVietnamese(message) === null)).toEqual([]);
  });

  it.each([
    ['from must not be after to', '`from` không được sau `to`'],
    ['year must be between 1901 and 9999', '`year` phải từ 1901 đến 9999'],
    [
      'No task has id 00000000-0000-4000-8000-000000000000',
      'Không có nhiệm vụ nào có mã 00000000-0000-4000-8000-000000000000',
    ],
    [
      'reportedOn must not be before the assignment (2017-01-05)',
      '`reportedOn` không được trước ngày giao (2017-01-05)',
    ],
    [
      'completedOn must not be in the future (today is 2026-01-05)',
      '`completedOn` không được là ngày trong tương lai (hôm nay là 2026-01-05)',
    ],
    ['title must have at most 500 characters', '`title` dài nhiều nhất 500 ký tự'],
    [
      'coordinatingOrganisationIds must have at least 1 item',
      '`coordinatingOrganisationIds` phải có ít nhất 1 phần tử',
    ],
    ['YEAR takes no index', 'Kỳ YEAR không có chỉ số kỳ (`index`)'],
    ['This needs one of the roles OFFICE, LEADER', 'Thao tác này cần một trong các vai trò OFFICE, LEADER'],
    ['SXD ended on 2025-06-30, before 2025-07-01', 'SXD đã kết thúc vào ngày 2025-06-30, trước ngày 2025-07-01'],
    ['2026-01-03 is a weekend day already', '2026-01-03 đã là ngày cuối tuần'],
    [
      'assignedOn must not be on or after the EXTENSION_REQUESTED step recorded on 2017-02-01',
      '`assignedOn` không được trùng hoặc sau bước EXTENSION_REQUESTED đã ghi ngày 2017-02-01',
    ],
    [
      'the COMPLETION_SUBMITTED step recorded on 2017-02-01 would break the rules with the corrected deadline: completedOn must not be before the assignment (2017-03-01)',
      'Bước COMPLETION_SUBMITTED ghi ngày 2017-02-01 sẽ trái quy tắc với thời hạn đã đính chính: `completedOn` không được trước ngày giao (2017-03-01)',
    ],
    [
      'An extension must be requested on or before the deadline in force that day (2017-03-31)',
      'Phải đề nghị gia hạn trước hoặc đúng hạn đang có hiệu lực vào ngày đó (2017-03-31)',
    ],
  ])('%s', (english, vietnamese) => {
    expect(vietnameseMessage(english, 'BAD_USER_INPUT')).toBe(vietnamese);
  });

  it('a message no pattern knows gets its code’s sentence, with the detail', () => {
    expect(vietnameseMessage('Cannot query field "x" on type "Query".', 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Thao tác không hợp lệ theo lược đồ của API: Cannot query field "x" on type "Query".',
    );
  });
});
