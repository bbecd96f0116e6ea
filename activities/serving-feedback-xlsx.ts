/**
 * The workbook attached to a quarterly feedback mail: sheet "服务记录" (each service of the
 * employer's members in the quarter), sheet "汇总" (the quarter per member), and after Q4 sheet
 * "年度评议" (the year's services and grade of each member, and the employer's grade). Phones masked.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { periodLabel } from '../domain/period-labels';
import { hoursOf, maskTail, SERVICE_GRADE_LABELS, type ServiceGrade } from '../domain/serving';

export interface FeedbackSheetRecord {
  name: string;
  phone: string;
  servedOn: string;
  minutes: number;
  what: string;
  confirmedBy: string;
}

export interface FeedbackSheetMember {
  name: string;
  phone: string;
  services: number;
  minutes: number;
}

export interface FeedbackEvaluationSheet {
  year: number;
  members: {
    name: string;
    phone: string;
    services: number;
    proposed: ServiceGrade;
    grade: ServiceGrade;
    comment: string | null;
  }[];
  employer: { proposed: ServiceGrade; grade: ServiceGrade; comment: string | null; membersMeetingMinimum: number };
}

export interface FeedbackWorkbookInput {
  communityName: string;
  employerName: string;
  partyOrgName: string;
  periodKey: string;
  records: FeedbackSheetRecord[];
  members: FeedbackSheetMember[];
  evaluation: FeedbackEvaluationSheet | null;
}

export const RECORDS_SHEET = '服务记录';
export const SUMMARY_SHEET = '汇总';
export const EVALUATION_SHEET = '年度评议';

const hours = (minutes: number) => Number(hoursOf(minutes));
const grade = (g: ServiceGrade) => SERVICE_GRADE_LABELS[g].zh;

function header(sheet: Worksheet, titles: string[]): void {
  sheet.addRow(titles).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(10, (titles[i]?.length ?? 4) * 2 + 4);
  });
}

export async function feedbackWorkbook(input: FeedbackWorkbookInput): Promise<Buffer> {
  const book = new Workbook();
  book.creator = input.communityName;

  const records = book.addWorksheet(RECORDS_SHEET);
  header(records, ['姓名', '手机', '服务日期', '时长(小时)', '服务内容', '确认人']);
  for (const r of input.records) {
    records.addRow([r.name, maskTail(r.phone), r.servedOn, hours(r.minutes), r.what, r.confirmedBy]);
  }
  records.getColumn(5).width = 40;

  const summary = book.addWorksheet(SUMMARY_SHEET);
  summary.addRow(['社区', input.communityName]);
  summary.addRow(['单位', input.employerName]);
  summary.addRow(['党组织', input.partyOrgName]);
  summary.addRow(['季度', periodLabel(input.periodKey, 'zh')]);
  summary.addRow(['报到党员', input.members.length]);
  summary.addRow(['服务次数', input.records.length]);
  summary.addRow(['服务时长(小时)', hours(input.records.reduce((s, r) => s + r.minutes, 0))]);
  summary.addRow([]);
  summary.addRow(['姓名', '手机', '服务次数', '时长(小时)']).font = { bold: true };
  for (const m of input.members) summary.addRow([m.name, maskTail(m.phone), m.services, hours(m.minutes)]);
  summary.getColumn(1).width = 16;
  summary.getColumn(2).width = 30;

  if (input.evaluation) {
    const e = input.evaluation;
    const sheet = book.addWorksheet(EVALUATION_SHEET);
    header(sheet, ['姓名', '手机', `${e.year}年服务次数`, '建议等次', '评议等次', '备注']);
    for (const m of e.members) {
      sheet.addRow([m.name, maskTail(m.phone), m.services, grade(m.proposed), grade(m.grade), m.comment ?? '']);
    }
    sheet.addRow([]);
    sheet.addRow([
      `单位：${input.employerName}`,
      `达到最低次数：${e.employer.membersMeetingMinimum}/${e.members.length}`,
      '',
      grade(e.employer.proposed),
      grade(e.employer.grade),
      e.employer.comment ?? '',
    ]).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
