/**
 * Parse the State Council's yearly holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知) as pasted
 * by the liaison office into the year's off days and make-up workdays (调休上班).
 *
 * Pure: no I/O, no clock. Only the numbered holiday lines ("一、元旦：…", "1. 元旦: …") are read;
 * the title, preamble, closing paragraph, signature and date are ignored, except that the notice's
 * year is taken from the title or preamble ("2026年部分节假日安排", "现将2026年…").
 *
 * Every date is checked: a real calendar date, a weekday note that matches ("（周四）", "（星期四）",
 * "（农历腊月二十八、周日）"), "共N天" / "放假N天" equal to the holiday's off days so far, no day named
 * twice, no day both off and make-up. Errors are NoticeParseError, zh-CN first, then English after " / ".
 *
 * Dates without a year are in the notice's year; a date in the year before must be written with its
 * year ("2018年12月30日至2019年1月1日"), as the notices do. A range end without a month ("至3日") is in
 * the start's month. A holiday line wrapped onto the following line(s) is read as one line. A notice
 * that does not say its year takes options.year; with neither, field 'year'. The 2024 sentence
 * "鼓励各单位……安排职工在除夕（2月9日）休息" (an encouragement, not a day off) is skipped.
 */
import { addDays, isLocalDate } from './period';

export interface NoticeHoliday {
  /** e.g. '元旦', '春节', '国庆节、中秋节' as written */
  name: string;
  /** 1-based line number in the pasted text */
  line: number;
  /** every day of the holiday's range(s), YYYY-MM-DD, sorted (weekend days inside the range included) */
  offDays: string[];
  /** the make-up workdays (调休上班) named with this holiday, sorted */
  makeupWorkdays: string[];
}

export interface ParsedNotice {
  /** the notice's year (from its title/body, e.g. "2026年") */
  year: number;
  holidays: NoticeHoliday[];
  /** union, sorted, unique */
  offDays: string[];
  /** union, sorted, unique */
  makeupWorkdays: string[];
  /** day -> holiday name, for both kinds (to explain a day) */
  names: Record<string, string>;
}

export class NoticeParseError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'NoticeParseError';
  }
}

/** The holidays of the 全国年节及纪念日放假办法 that a notice lists. */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const NAME_ALTERNATIVES = HOLIDAY_NAMES.join('|');

/** "一、" "十二、" "1." "1、" "1)" "(一)" "(1)" — after full-width forms are folded to ASCII. */
const NUMBERING = String.raw`(?:[一二三四五六七八九十]+\s*[、.]|\d{1,2}\s*[.、)]|\(\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*\))`;
const HOLIDAY_LINE = new RegExp(
  String.raw`^\s*${NUMBERING}\s*((?:${NAME_ALTERNATIVES})(?:\s*[、和及]\s*(?:${NAME_ALTERNATIVES}))*)\s*:\s*(.*)$`,
);
/** A numbered line with a date ("二、妇女节：3月8日……") that is not a holiday line. */
const NUMBERED_DATED_LINE = new RegExp(String.raw`^\s*${NUMBERING}\s*(.*\d{1,2}\s*月\s*\d{1,2}\s*日.*)$`);
const STARTS_NUMBERED = new RegExp(String.raw`^\s*${NUMBERING}`);
/** A holiday line wrapped onto the next line(s): text that still speaks of days off or at work. */
const CONTINUATION = /放假|补休|上班|调休|共\s*\d+\s*天|\d{1,2}\s*月\s*\d{1,2}\s*日/;
/** The date under the signature ("2025年11月4日"): never a continuation. */
const SIGNATURE_DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;

const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^()]*)\))?/g;
const RANGE_SEPARATOR = /^(?:至|到|-|~|—|–|〜)$/;
const KEYWORD = /放假|补休|上班/g;
const COUNT = /(?:共|放假)\s*(\d{1,3})\s*天/g;
const WEEKDAY_NOTE = /^(周|星期|礼拜)([一二三四五六日天])$/;

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Full-width ASCII forms (（）：，；１２) to ASCII and the ideographic space to a space; 、 and 。 stay. */
function fold(line: string): string {
  return line.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function fail(line: number, zh: string, en: string, field = 'text'): never {
  throw new NoticeParseError(`第${line}行：${zh} / line ${line}: ${en}`, field, line);
}

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function zhDate(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}

/** The notice's year: "2026年部分节假日安排" in the title, or "现将2026年…" in the preamble. */
function noticeYear(lines: string[]): { year: number; line: number } | undefined {
  const patterns = [/(\d{4})\s*年\s*部分节假日/, /现将\s*(\d{4})\s*年/];
  let found: { year: number; line: number } | undefined;
  lines.forEach((text, i) => {
    for (const pattern of patterns) {
      const m = pattern.exec(text);
      if (!m) continue;
      const year = Number(m[1]);
      if (found && found.year !== year) {
        fail(
          i + 1,
          `通知的年份前后不一致（${found.year}年和${year}年）`,
          `the notice names two years (${found.year} and ${year})`,
          'year',
        );
      }
      found ??= { year, line: i + 1 };
    }
  });
  return found;
}

interface DateToken {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day: number;
  note?: string;
}

/** A date as written, checked: a real day, in the notice's year (or the year before, written out). */
function resolve(token: DateToken, month: number | undefined, year: number, noticeYr: number, line: number): string {
  if (month === undefined) fail(line, `"${token.day}日"没有写月份`, `"${token.day}日" has no month`);
  const date = `${year}-${pad(month)}-${pad(token.day)}`;
  if (!isLocalDate(date)) fail(line, `${month}月${token.day}日不是有效日期`, `${date} is not a calendar date`);
  if (year !== noticeYr && year !== noticeYr - 1) {
    fail(
      line,
      `${year}年${month}月${token.day}日不在${noticeYr}年的通知范围内`,
      `${date} does not belong to the ${noticeYr} notice`,
    );
  }
  if (token.note !== undefined) {
    for (const part of token.note.split(/[、,\s]+/)) {
      const m = WEEKDAY_NOTE.exec(part);
      if (!m) continue;
      const said = WEEKDAY_ZH.indexOf(m[2] === '天' ? '日' : (m[2] as string));
      const actual = weekdayOf(date);
      if (said !== actual) {
        fail(
          line,
          `${zhDate(date)}是星期${WEEKDAY_ZH[actual]}，通知写的是${part}`,
          `${date} is a ${WEEKDAY_EN[actual]}, the notice says ${WEEKDAY_EN[said]}`,
        );
      }
    }
  }
  return date;
}

function datesOf(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const m of text.matchAll(DATE)) {
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      year: m[1] === undefined ? undefined : Number(m[1]),
      month: m[2] === undefined ? undefined : Number(m[2]),
      day: Number(m[3]),
      note: m[4],
    });
  }
  return tokens;
}

/** Split at 。 and ; (outside parentheses) into sentences. */
function sentencesOf(body: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of body) {
    if (c === '(') depth += 1;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === '。' || c === ';')) {
      sentences.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  sentences.push(current);
  return sentences.map((s) => s.trim()).filter((s) => s !== '');
}

interface LineDays {
  off: string[];
  makeup: string[];
}

/** The days of one holiday line's text after "名称：". */
function parseBody(body: string, line: number, noticeYr: number): LineDays {
  const off: string[] = [];
  const makeup: string[] = [];
  for (const sentence of sentencesOf(body)) {
    // "鼓励各单位……安排职工在除夕（2月9日）休息" (2024) encourages, it does not give a day off.
    if (sentence.startsWith('鼓励')) continue;
    const tokens = datesOf(sentence);
    const keywords = [...sentence.matchAll(KEYWORD)].map((m) => ({ at: m.index, word: m[0] }));
    let i = 0;
    let previousMonth: number | undefined;
    while (i < tokens.length) {
      const first = tokens[i] as DateToken;
      const startYear = first.year ?? noticeYr;
      const startMonth = first.month ?? previousMonth;
      const start = resolve(first, startMonth, startYear, noticeYr, line);
      let days = [start];
      let last = first;
      const next = tokens[i + 1];
      if (next && RANGE_SEPARATOR.test(sentence.slice(first.end, next.start).trim())) {
        const endMonth = next.month ?? startMonth;
        const end = resolve(
          next,
          endMonth,
          next.year ?? (first.year !== undefined ? startYear : noticeYr),
          noticeYr,
          line,
        );
        if (end <= start) {
          fail(
            line,
            `${sentence.slice(first.start, next.end)}：结束早于开始`,
            `${start} to ${end} ends before it starts`,
          );
        }
        days = [];
        for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
        previousMonth = endMonth;
        last = next;
        i += 2;
      } else {
        previousMonth = startMonth;
        i += 1;
      }
      const keyword = keywords.find((k) => k.at >= last.end);
      if (!keyword) {
        fail(
          line,
          `看不出${zhDate(start)}是放假还是上班（缺"放假""补休"或"上班"）`,
          `${start}: neither off (放假/补休) nor a make-up workday (上班)`,
        );
      }
      (keyword.word === '上班' ? makeup : off).push(...days);
    }
    for (const m of sentence.matchAll(COUNT)) {
      const said = Number(m[1]);
      if (said !== off.length) {
        fail(
          line,
          `通知写"${m[0]}"，但放假日期共${off.length}天`,
          `the notice says ${said} days off ("${m[0]}"), the dates give ${off.length}`,
        );
      }
    }
  }
  if (off.length === 0 && makeup.length === 0) fail(line, '节日行没有日期', 'a holiday line without dates');
  if (off.length === 0) fail(line, '节日行没有放假日期', 'a holiday line without days off');
  if (makeup.length > 0 && /不调休/.test(body)) {
    fail(
      line,
      `写了"不调休"，又有上班日${zhDate(makeup[0] as string)}`,
      `says 不调休 but names make-up workday ${makeup[0]}`,
    );
  }
  return { off, makeup };
}

/** Throws NoticeParseError (field 'text', or 'year' on a year mismatch) with the offending line. */
export function parseHolidayNotice(text: string, options?: { year?: number }): ParsedNotice {
  const lines = text.split(/\r\n|\r|\n/).map(fold);

  const holidayLines: { name: string; line: number; body: string }[] = [];
  let stray: { text: string; line: number } | undefined;
  /** The holiday line the previous line belonged to, which the next line may continue. */
  let open: { name: string; line: number; body: string } | undefined;
  lines.forEach((content, i) => {
    const m = HOLIDAY_LINE.exec(content);
    if (m) {
      open = { name: (m[1] as string).replace(/\s+/g, ''), line: i + 1, body: m[2] as string };
      holidayLines.push(open);
    } else if (STARTS_NUMBERED.test(content) || content.trim() === '' || SIGNATURE_DATE.test(content)) {
      const dated = NUMBERED_DATED_LINE.exec(content);
      if (dated) stray ??= { text: dated[1] as string, line: i + 1 };
      open = undefined;
    } else if (open && CONTINUATION.test(content)) {
      open.body += content.trim();
    } else {
      open = undefined;
    }
  });
  if (holidayLines.length === 0) {
    throw new NoticeParseError(
      '不是节假日安排通知：没有"一、元旦：1月1日放假……"这样的节日行 / not a holiday notice: no numbered holiday lines ("一、元旦：…")',
      'text',
    );
  }
  // A numbered dated line among holiday lines whose name we do not know is an error, not something to skip.
  if (stray) {
    const name = /^([^:]{1,12}?)\s*:/.exec(stray.text)?.[1]?.trim();
    if (name) fail(stray.line, `不认识的节日"${name}"`, `unknown holiday "${name}"`);
    fail(
      stray.line,
      '编号行有日期，但没有"节日名称："',
      'a numbered line with dates but no "holiday name:" (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节)',
    );
  }

  const found = noticeYear(lines);
  const year = found?.year ?? options?.year;
  if (year === undefined) {
    throw new NoticeParseError(
      '找不到通知的年份（如"2026年部分节假日安排"） / the notice does not say its year (e.g. "2026年部分节假日安排")',
      'year',
    );
  }
  if (options?.year !== undefined && options.year !== year) {
    throw new NoticeParseError(
      `${found ? `第${found.line}行：` : ''}这是${year}年的通知，要的是${options.year}年 / ${
        found ? `line ${found.line}: ` : ''
      }the notice is for ${year}, expected ${options.year}`,
      'year',
      found?.line,
    );
  }

  const names: Record<string, string> = {};
  const seenOn = new Map<string, { line: number; kind: string }>();
  const holidays: NoticeHoliday[] = holidayLines.map(({ name, line, body }) => {
    const { off, makeup } = parseBody(body, line, year);
    for (const [days, kind] of [
      [off, '放假'],
      [makeup, '上班'],
    ] as const) {
      for (const day of days) {
        const seen = seenOn.get(day);
        if (seen) {
          const where = seen.line === line ? '' : `（第${seen.line}行已${seen.kind}）`;
          const whereEn =
            seen.line === line ? '' : ` (line ${seen.line} has it ${seen.kind === '放假' ? 'off' : 'as a workday'})`;
          if (seen.kind === kind) fail(line, `${day}写了两次${where}`, `${day} is listed twice${whereEn}`);
          fail(line, `${day}既放假又上班${where}`, `${day} is both a day off and a make-up workday${whereEn}`);
        }
        seenOn.set(day, { line, kind });
        names[day] = name;
      }
    }
    return { name, line, offDays: [...off].sort(), makeupWorkdays: [...makeup].sort() };
  });

  return {
    year,
    holidays,
    offDays: holidays.flatMap((h) => h.offDays).sort(),
    makeupWorkdays: holidays.flatMap((h) => h.makeupWorkdays).sort(),
    names,
  };
}
