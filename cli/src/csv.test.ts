import { csvField, csvRecord, csvRecordCount, neutraliseFormula, restoreFormulaText } from './csv';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\0=1+1', `"'\0=1+1"`],
  ])('a text starting like a formula, %j, gets a leading quote and is quoted', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('quotes every other text as it is, doubling its quotes', () => {
    expect(csvField('Sở Xây dựng')).toBe('"Sở Xây dựng"');
    expect(csvField('Báo cáo "quý I"; 1=1, a\nb')).toBe('"Báo cáo ""quý I""; 1=1, a\nb"');
    expect(csvField("'=already quoted")).toBe(`"'=already quoted"`);
    expect(csvField('')).toBe('""');
  });

  it('leaves numbers as numbers, negative ones too, and nothing as an empty field', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(0.8346)).toBe('0.8346');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('a record: fields joined by commas', () => {
    expect(csvRecord(['=1', 2, null, 'x'])).toBe(`"'=1",2,,"x"`);
  });
});

describe('restoreFormulaText', () => {
  it('takes off the quote neutraliseFormula put, and only that', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-', '@a', '\t', 'plain', "'quoted", "'", '']) {
      expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
    }
    expect(restoreFormulaText("'Ghi chú")).toBe("'Ghi chú");
  });
});

describe('csvRecordCount', () => {
  it('counts line breaks outside quotes, and a last line without one', () => {
    expect(csvRecordCount('')).toBe(0);
    expect(csvRecordCount('a,b')).toBe(1);
    expect(csvRecordCount('a,b\n')).toBe(1);
    expect(csvRecordCount('a,b\r\nc,d\r\n')).toBe(2);
    expect(csvRecordCount('a,"b\nstill b ""\n"" b"\nc\n\n')).toBe(3);
  });
});
