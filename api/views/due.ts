/** The units not yet met this period as an Excel workbook (GET /api/supervision/due.xlsx). */
import { Workbook } from 'exceljs';
import { LEVEL_NAMES } from '../../domain/org';
import type { UnitDue } from '../../records/due';

/** Names of the ledger's steps, for the export. */
function stepName(step: string): string {
  if (step.startsWith('reminder-')) return `提醒（到期前${step.slice(9)}个工作日） reminder ${step.slice(9)}`;
  if (step === 'overdue') return '逾期通知 overdue';
  return step;
}

const COLUMNS = [
  { header: '单位 Unit', key: 'name', width: 24 },
  { header: '代码 Code', key: 'code', width: 22 },
  { header: '层级 Level', key: 'level', width: 18 },
  { header: '街道 Street', key: 'street', width: 18 },
  { header: '召集人 Convener', key: 'convener', width: 16 },
  { header: '周期 Period', key: 'period', width: 12 },
  { header: '到期日 Due on', key: 'dueOn', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
  { header: '剩余工作日 Working days left', key: 'workingDaysLeft', width: 16 },
  { header: '剩余自然日 Days left', key: 'daysLeft', width: 14 },
  { header: '已开/应开 Held / required', key: 'held', width: 16 },
  { header: '最近提醒 Last reminder', key: 'reminderStep', width: 30 },
  { header: '提醒时间 Sent at', key: 'reminderAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
];

function rowOf(d: UnitDue) {
  return {
    name: d.unit.name,
    code: d.unit.code,
    level: `${LEVEL_NAMES[d.unit.level].zh} ${LEVEL_NAMES[d.unit.level].en}`,
    street: d.streetName ?? '',
    convener: d.convenerName,
    period: d.periodKey,
    dueOn: new Date(`${d.dueOn}T00:00:00Z`),
    workingDaysLeft: d.workingDaysLeft,
    daysLeft: d.daysLeft,
    held: `${d.meetingsHeld} / ${d.minMeetings}`,
    reminderStep: d.lastReminder ? stepName(d.lastReminder.step) : '—',
    // Shown as Shanghai wall time: Excel dates carry no zone.
    reminderAt: d.lastReminder ? new Date(Date.parse(d.lastReminder.sentAt) + 8 * 3_600_000) : null,
  };
}

/** The workbook's bytes; `created` is the workbook's creation time (the service's clock). */
export async function notYetMetWorkbook(items: UnitDue[], created: Date): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'donggang-governance';
  book.created = created;
  const sheet = book.addWorksheet('本期未达标 Not yet met');
  sheet.columns = COLUMNS;
  for (const d of items) sheet.addRow(rowOf(d));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
