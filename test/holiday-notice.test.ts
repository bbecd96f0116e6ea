import chineseDays from 'chinese-days/dist/chinese-days.json';

import { NoticeParseError, parseHolidayNotice, type ParsedNotice } from '../domain/holiday-notice';
import { addDays } from '../domain/period';

// The notices as published (国务院办公厅关于XXXX年部分节假日安排的通知), pasted as the liaison office would.

const NOTICE_2017 = `国务院办公厅关于2017年部分节假日安排的通知
国办发明电〔2016〕14号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2017年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，1月2日（星期一）补休。
二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。
三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。
四、劳动节：5月1日放假，与周末连休。
五、端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。
六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2016年11月30日
`;

const NOTICE_2018 = `国务院办公厅关于2018年部分节假日安排的通知
国办发明电〔2017〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2018年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月15日至21日放假调休，共7天。2月11日（星期日）上班，2月24日（星期六）上班。
三、清明节：4月5日至7日放假调休，共3天。4月8日（星期日）上班。
四、劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。
五、端午节：6月18日放假，与周末连休。
六、中秋节：9月24日放假，与周末连休。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2017年11月30日
`;

/** The 2019 notice as first published (劳动节 was changed in March 2019); used for its 2018 days. */
const NOTICE_2019 = `国务院办公厅关于2019年部分节假日安排的通知
国办发明电〔2018〕15号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2019年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
三、清明节：4月5日放假，与周末连休。
四、劳动节：5月1日放假。
五、端午节：6月7日放假，与周末连休。
六、中秋节：9月13日放假，与周末连休。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2018年12月6日
`;

const NOTICE_2024 = `国务院办公厅关于2024年部分节假日安排的通知
国办发明电〔2023〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2023年10月25日
`;

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2024年11月12日
`;

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2025年11月4日
`;

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

function isWeekday(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

function workingByData(day: string): boolean {
  return day in data.workdays || (isWeekday(day) && !(day in data.holidays));
}

function workingByNotice(offDays: Set<string>, makeup: Set<string>, day: string): boolean {
  return makeup.has(day) || (isWeekday(day) && !offDays.has(day));
}

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(d);
  return days;
}

/** Days of the year where the notice(s) and chinese-days disagree on "working day". */
function disagreements(year: number, ...notices: ParsedNotice[]): string[] {
  const off = new Set(notices.flatMap((n) => n.offDays));
  const makeup = new Set(notices.flatMap((n) => n.makeupWorkdays));
  return daysOf(year).filter((day) => workingByNotice(off, makeup, day) !== workingByData(day));
}

function caught(fn: () => unknown): NoticeParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NoticeParseError) return error;
    throw error;
  }
  throw new Error('expected a NoticeParseError');
}

/** A short notice around some holiday lines (title on line 1, preamble on line 2, holiday lines from line 3). */
function notice(year: number, ...lines: string[]): string {
  return [
    `国务院办公厅关于${year}年部分节假日安排的通知`,
    `经国务院批准，现将${year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。`,
    ...lines,
    '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。',
    '国务院办公厅',
    `${year - 1}年11月4日`,
  ].join('\n');
}

describe('the published notices agree with chinese-days on every day of the year', () => {
  test.each([
    [2017, NOTICE_2017, 6],
    [2018, NOTICE_2018, 7],
    [2024, NOTICE_2024, 7],
    [2025, NOTICE_2025, 6],
    [2026, NOTICE_2026, 7],
  ])('%i', (year, text, holidayCount) => {
    const parsed = parseHolidayNotice(text, { year });
    expect(parsed.year).toBe(year);
    expect(parsed.holidays).toHaveLength(holidayCount);
    // The 2019 notice's 元旦 starts on 2018-12-29 (make-up Saturday) and 2018-12-30/31 (off).
    const following = year === 2018 ? [parseHolidayNotice(NOTICE_2019)] : [];
    expect(daysOf(year)).toHaveLength(year % 4 === 0 ? 366 : 365);
    expect(disagreements(year, parsed, ...following)).toEqual([]);
    // Every make-up workday is a weekend day, every off day is named.
    expect(parsed.makeupWorkdays.filter(isWeekday)).toEqual([]);
    expect(Object.keys(parsed.names).sort()).toEqual([...parsed.offDays, ...parsed.makeupWorkdays].sort());
  });

  test('without the 2019 notice, 2018 differs exactly on the days that notice set', () => {
    expect(disagreements(2018, parseHolidayNotice(NOTICE_2018))).toEqual(['2018-12-29', '2018-12-31']);
  });
});

describe('what the notices say, day by day', () => {
  test('2017: 元旦 on a Sunday with 1月2日（星期一）补休, 春节 across a month with two make-up days', () => {
    const parsed = parseHolidayNotice(NOTICE_2017);
    expect(parsed.holidays[0]).toEqual({
      name: '元旦',
      line: 6,
      offDays: ['2017-01-01', '2017-01-02'],
      makeupWorkdays: [],
    });
    expect(parsed.holidays[1]).toEqual({
      name: '春节',
      line: 7,
      offDays: ['2017-01-27', '2017-01-28', '2017-01-29', '2017-01-30', '2017-01-31', '2017-02-01', '2017-02-02'],
      makeupWorkdays: ['2017-01-22', '2017-02-04'],
    });
    expect(parsed.holidays[5]?.name).toBe('中秋节、国庆节');
    expect(parsed.names['2017-10-04']).toBe('中秋节、国庆节');
    expect(parsed.names['2017-09-30']).toBe('中秋节、国庆节');
    expect(parsed.offDays).toHaveLength(2 + 7 + 3 + 1 + 3 + 8);
    expect(parsed.makeupWorkdays).toEqual(['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30']);
  });

  test('2025: 端午 crosses into June, 国庆节、中秋节 8 days with two make-up days', () => {
    const parsed = parseHolidayNotice(NOTICE_2025, { year: 2025 });
    const byName = Object.fromEntries(parsed.holidays.map((h) => [h.name, h]));
    expect(byName['元旦']).toEqual({ name: '元旦', line: 6, offDays: ['2025-01-01'], makeupWorkdays: [] });
    expect(byName['春节']?.offDays).toHaveLength(8);
    expect(byName['春节']?.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08']);
    expect(byName['劳动节']).toEqual({
      name: '劳动节',
      line: 9,
      offDays: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      makeupWorkdays: ['2025-04-27'],
    });
    expect(byName['端午节']?.offDays).toEqual(['2025-05-31', '2025-06-01', '2025-06-02']);
    expect(byName['国庆节、中秋节']?.offDays).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(byName['国庆节、中秋节']?.makeupWorkdays).toEqual(['2025-09-28', '2025-10-11']);
    expect(parsed.names['2025-10-11']).toBe('国庆节、中秋节');
  });

  test('2026: a 9-day 春节 with make-up Saturdays 2月14日 and 2月28日', () => {
    const parsed = parseHolidayNotice(NOTICE_2026);
    const spring = parsed.holidays.find((h) => h.name === '春节');
    expect(spring?.line).toBe(7);
    expect(spring?.offDays).toEqual(daysOf(2026).filter((d) => d >= '2026-02-15' && d <= '2026-02-23'));
    expect(spring?.offDays).toHaveLength(9);
    expect(spring?.makeupWorkdays).toEqual(['2026-02-14', '2026-02-28']);
    expect(parsed.makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(parsed.names['2026-02-14']).toBe('春节');
    expect(parsed.names['2026-01-03']).toBe('元旦');
  });

  test('2019: 元旦 from 2018年12月30日, its days kept in 2018', () => {
    const parsed = parseHolidayNotice(NOTICE_2019, { year: 2019 });
    expect(parsed.holidays[0]).toEqual({
      name: '元旦',
      line: 6,
      offDays: ['2018-12-30', '2018-12-31', '2019-01-01'],
      makeupWorkdays: ['2018-12-29'],
    });
    expect(parsed.offDays[0]).toBe('2018-12-30');
    expect(parsed.makeupWorkdays[0]).toBe('2018-12-29');
  });

  test('2024: the 除夕 encouragement (鼓励……在除夕（2月9日）休息) is not a day off', () => {
    const parsed = parseHolidayNotice(NOTICE_2024);
    expect(parsed.offDays).not.toContain('2024-02-09');
    expect(parsed.names['2024-02-09']).toBeUndefined();
    expect(parsed.holidays[1]?.makeupWorkdays).toEqual(['2024-02-04', '2024-02-18']);
  });

  test('Windows line ends and full-width digits are read the same', () => {
    const crlf = NOTICE_2026.replace(/\n/g, '\r\n').replace(/1月1日（周四）/, '１月１日（周四）');
    expect(parseHolidayNotice(crlf)).toEqual(parseHolidayNotice(NOTICE_2026));
  });
});

describe('phrase forms', () => {
  test.each<[string, string, string, string[], string[]]>([
    ['放假 + 补休 (星期)', '一、元旦：1月1日放假，1月2日（星期一）补休。', '元旦', ['2017-01-01', '2017-01-02'], []],
    ['single day 放假，与周末连休', '四、劳动节：5月1日放假，与周末连休。', '劳动节', ['2017-05-01'], []],
    ['single day 放假1天，不调休 (周)', '一、元旦：1月2日（周一）放假1天，不调休。', '元旦', ['2017-01-02'], []],
    [
      '至N日 shorthand, 共N天, 上班 (星期)',
      '三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。',
      '清明节',
      ['2017-04-02', '2017-04-03', '2017-04-04'],
      ['2017-04-01'],
    ],
    [
      'range across a month',
      '四、劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期五）上班。',
      '劳动节',
      ['2017-04-29', '2017-04-30', '2017-05-01'],
      ['2017-04-28'],
    ],
    [
      'weekday notes at both ends, 农历 inside the parentheses',
      '二、春节：1月27日（农历除夕、周五）至2月2日（农历正月初六、周四）放假调休，共7天。1月22日（周日）、2月4日（周六）上班。',
      '春节',
      ['2017-01-27', '2017-01-28', '2017-01-29', '2017-01-30', '2017-01-31', '2017-02-01', '2017-02-02'],
      ['2017-01-22', '2017-02-04'],
    ],
    [
      'two 上班 clauses',
      '二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）上班，2月4日（星期六）上班。',
      '春节',
      ['2017-01-27', '2017-01-28', '2017-01-29', '2017-01-30', '2017-01-31', '2017-02-01', '2017-02-02'],
      ['2017-01-22', '2017-02-04'],
    ],
    [
      'ASCII numbering, colon and parentheses',
      '1. 中秋节、国庆节: 10月1日(周日)至8日(周日)放假调休,共8天。9月30日(周六)上班。',
      '中秋节、国庆节',
      ['2017-10-01', '2017-10-02', '2017-10-03', '2017-10-04', '2017-10-05', '2017-10-06', '2017-10-07', '2017-10-08'],
      ['2017-09-30'],
    ],
    [
      'full-width parentheses around the number, 礼拜',
      '（五）端午节：5月28日（礼拜天）至30日放假调休，共3天。5月27日（礼拜六）上班。',
      '端午节',
      ['2017-05-28', '2017-05-29', '2017-05-30'],
      ['2017-05-27'],
    ],
    [
      'explicit years, the start in the year before',
      '一、元旦：2016年12月31日至2017年1月2日放假调休，共3天。2016年12月25日（星期日）上班。',
      '元旦',
      ['2016-12-31', '2017-01-01', '2017-01-02'],
      ['2016-12-25'],
    ],
  ])('%s', (_label, line, name, offDays, makeupWorkdays) => {
    const parsed = parseHolidayNotice(notice(2017, line));
    expect(parsed.holidays).toEqual([{ name, line: 3, offDays, makeupWorkdays }]);
    expect(parsed.offDays).toEqual(offDays);
    expect(parsed.makeupWorkdays).toEqual(makeupWorkdays);
  });

  test('the cross-year 元旦 written with years (2017年12月30日至2018年1月1日)', () => {
    const parsed = parseHolidayNotice(notice(2018, '一、元旦：2017年12月30日至2018年1月1日放假，共3天。'));
    expect(parsed.offDays).toEqual(['2017-12-30', '2017-12-31', '2018-01-01']);
    expect(parsed.names['2017-12-30']).toBe('元旦');
  });

  test('a holiday line wrapped onto the next lines is read as one', () => {
    const parsed = parseHolidayNotice(
      notice(
        2026,
        '二、春节：2月15日（农历腊月二十八、周日）至23日（农历',
        '正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日',
        '（周六）上班。',
        '三、清明节：4月4日（周六）至6日（周一）放假，共3天。',
      ),
    );
    expect(parsed.holidays.map((h) => [h.name, h.line, h.offDays.length, h.makeupWorkdays])).toEqual([
      ['春节', 3, 9, ['2026-02-14', '2026-02-28']],
      ['清明节', 6, 3, []],
    ]);
  });

  test('the signature date right under the last holiday line is not read as part of it', () => {
    const text = [
      '国务院办公厅关于2026年部分节假日安排的通知',
      '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
      '2025年11月4日',
    ].join('\n');
    expect(parseHolidayNotice(text).offDays).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  test('the year from the preamble when the title is missing, or from options', () => {
    const lines = notice(2026, '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。').split(
      '\n',
    );
    expect(parseHolidayNotice(lines.slice(1).join('\n')).year).toBe(2026);
    expect(parseHolidayNotice(lines.slice(2).join('\n'), { year: 2026 }).offDays).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
  });
});

describe('errors (nothing returned)', () => {
  test.each<[string, string, string, number | undefined, RegExp]>([
    ['empty text', '', 'text', undefined, /^不是节假日安排通知/],
    [
      'not a notice',
      '关于召开2026年第一季度联席会议的通知\n一、时间：1月5日上午9时\n二、地点：区政府三楼会议室',
      'text',
      undefined,
      /^不是节假日安排通知：.* \/ not a holiday notice: no numbered holiday lines/,
    ],
    [
      'only a title and closing',
      '国务院办公厅关于2026年部分节假日安排的通知\n国务院办公厅\n2025年11月4日',
      'text',
      undefined,
      /^不是节假日安排通知.* \/ not a holiday notice/,
    ],
    [
      'weekday note contradicts the date (周)',
      notice(2026, '二、春节：2月15日至23日放假调休，共9天。2月14日（周日）、2月28日（周六）上班。'),
      'text',
      3,
      /^第3行：2月14日是星期六，通知写的是周日 \/ line 3: 2026-02-14 is a Saturday, the notice says Sunday$/,
    ],
    [
      'weekday note contradicts the date (星期, ASCII parentheses)',
      notice(2017, '一、元旦：1月1日放假，1月2日(星期二)补休。'),
      'text',
      3,
      /^第3行：1月2日是星期一，通知写的是星期二 \/ line 3: 2017-01-02 is a Monday, the notice says Tuesday$/,
    ],
    [
      'weekday note beside 农历 contradicts the date',
      notice(2026, '二、春节：2月15日（农历腊月二十八、周六）至23日放假调休，共9天。'),
      'text',
      3,
      /第3行：2月15日是星期日，通知写的是周六/,
    ],
    [
      '共N天 disagrees with the range',
      notice(2026, '一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。1月4日（周日）上班。'),
      'text',
      3,
      /^第3行：通知写"共4天"，但放假日期共3天 \/ line 3: the notice says 4 days off/,
    ],
    ['放假N天 disagrees', notice(2025, '一、元旦：1月1日（周三）放假2天，不调休。'), 'text', 3, /^第3行：.*放假2天/],
    [
      'a day listed twice on one line',
      notice(2026, '二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月14日（周六）上班。'),
      'text',
      3,
      /^第3行：2026-02-14写了两次 \/ line 3: 2026-02-14 is listed twice$/,
    ],
    [
      'a day on two holiday lines',
      notice(2026, '六、中秋节：9月25日至27日放假，共3天。', '七、国庆节：9月27日至10月7日放假调休，共11天。'),
      'text',
      4,
      /^第4行：2026-09-27写了两次（第3行已放假） \/ line 4: 2026-09-27 is listed twice \(line 3 has it off\)$/,
    ],
    [
      'a day both off and make-up',
      notice(2026, '四、劳动节：5月1日至5日放假调休，共5天。5月5日（周二）上班。'),
      'text',
      3,
      /^第3行：2026-05-05既放假又上班 \/ line 3: 2026-05-05 is both a day off and a make-up workday$/,
    ],
    [
      'off on one line, make-up on another',
      notice(
        2026,
        '三、清明节：4月4日至6日放假，共3天。',
        '四、劳动节：5月1日至5日放假调休，共5天。4月4日（周六）上班。',
      ),
      'text',
      4,
      /^第4行：2026-04-04既放假又上班（第3行已放假）/,
    ],
    [
      'impossible date',
      notice(2026, '二、春节：2月30日放假。'),
      'text',
      3,
      /^第3行：2月30日不是有效日期 \/ line 3: 2026-02-30 is not a calendar date$/,
    ],
    ['impossible month', notice(2026, '二、春节：13月1日放假。'), 'text', 3, /^第3行：13月1日不是有效日期/],
    [
      'range that ends before it starts',
      notice(2026, '二、春节：2月23日至15日放假调休。'),
      'text',
      3,
      /^第3行：2月23日至15日：结束早于开始 \/ line 3: 2026-02-23 to 2026-02-15 ends before it starts$/,
    ],
    ['a day without a month', notice(2026, '一、元旦：1日放假。'), 'text', 3, /^第3行："1日"没有写月份/],
    [
      'a date that is neither 放假 nor 上班',
      notice(2026, '一、元旦：1月1日至3日，共3天。'),
      'text',
      3,
      /^第3行：看不出1月1日是放假还是上班/,
    ],
    ['a holiday line without dates', notice(2026, '一、元旦：放假调休。'), 'text', 3, /^第3行：节日行没有日期/],
    ['only make-up days', notice(2026, '一、元旦：1月4日（周日）上班。'), 'text', 3, /^第3行：节日行没有放假日期/],
    [
      '不调休 with a make-up day',
      notice(2026, '一、元旦：1月1日（周四）放假1天，不调休。1月4日（周日）上班。'),
      'text',
      3,
      /^第3行：写了"不调休"/,
    ],
    [
      'an explicit year far from the notice',
      notice(2026, '一、元旦：2024年1月1日放假。'),
      'text',
      3,
      /^第3行：2024年1月1日不在2026年的通知范围内/,
    ],
    [
      'an unknown holiday name',
      notice(2026, '一、元旦：1月1日放假。', '二、妇女节：3月8日放假半天。'),
      'text',
      4,
      /^第4行：不认识的节日"妇女节"/,
    ],
    [
      'two different years in title and preamble',
      `国务院办公厅关于2026年部分节假日安排的通知\n经国务院批准，现将2025年元旦放假日期通知如下。\n一、元旦：1月1日放假。`,
      'year',
      2,
      /^第2行：通知的年份前后不一致（2026年和2025年）/,
    ],
    [
      'a numbered line with dates but no holiday name',
      notice(2026, '一、元旦：1月1日放假。', '二、2月15日至23日放假调休。'),
      'text',
      4,
      /^第4行：编号行有日期，但没有"节日名称：" \/ line 4: a numbered line with dates/,
    ],
    ['no year anywhere', '一、元旦：1月1日放假。', 'year', undefined, /^找不到通知的年份/],
  ])('%s', (_label, text, field, line, message) => {
    const error = caught(() => parseHolidayNotice(text));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NoticeParseError');
    expect(error.field).toBe(field);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  test('options.year different from the notice year → field year, naming the title line', () => {
    const error = caught(() => parseHolidayNotice(NOTICE_2026, { year: 2025 }));
    expect(error.field).toBe('year');
    expect(error.line).toBe(1);
    expect(error.message).toBe('第1行：这是2026年的通知，要的是2025年 / line 1: the notice is for 2026, expected 2025');
  });

  test('a year mismatch is reported even when the notice has other errors later', () => {
    const text = notice(2026, '二、春节：2月30日放假。');
    expect(caught(() => parseHolidayNotice(text, { year: 2027 })).field).toBe('year');
  });
});
