/** The figures and the register of every item of a period as an Excel workbook (GET /api/supervision/figures.xlsx). */
import { Workbook, type Worksheet } from 'exceljs';
import { DATE_FORMAT, DATETIME_FORMAT, excelDate, excelDateTime, fitColumns, formatColumns } from '../xlsx';
import { FIGURE_COLUMNS, FIGURE_NAMES } from '../../domain/figures';
import { shanghaiDateOf, type Period } from '../../domain/period';
import { LEVEL_NAMES } from '../../domain/org';
import { isOverdue, localDate } from '../../records/agenda-items';
import type { loadFigureRows, loadPeriodItems } from '../../records/figures';

const STATE_NAMES: Record<string, string> = {
  open: '待研究 open',
  resolved: '本级解决 resolved',
  escalated: '已上移 escalated',
  taken_up: '上级已列入会议 taken up',
  answered: '已答复待确认 answered',
  disputed: '有异议 disputed',
  confirmed: '已办结 confirmed',
};

export interface FiguresBook {
  period: Period;
  today: string;
  overdueBefore: string;
  rows: Awaited<ReturnType<typeof loadFigureRows>>;
  items: Awaited<ReturnType<typeof loadPeriodItems>>;
  /** Unit names by id. */
  units: Map<string, string>;
  created: Date;
}

function figuresSheet(book: Workbook, { period, today, rows }: FiguresBook): Worksheet {
  const figures = book.addWorksheet('统计 Figures');
  figures.addRow([
    `一轴三联三进 议题统计 / Figures ${period.key}（${period.firstDay} – ${period.lastDay}，截至 as of ${today}）`,
  ]);
  figures.addRow(['层级 Level', ...FIGURE_COLUMNS.map((c) => `${FIGURE_NAMES[c].zh} ${FIGURE_NAMES[c].en}`)]);
  for (const r of rows) {
    const name = r.level === 'total' ? '合计 Total' : `${LEVEL_NAMES[r.level].zh} ${LEVEL_NAMES[r.level].en}`;
    figures.addRow([name, ...FIGURE_COLUMNS.map((c) => r[c])]);
  }
  figures.getRow(2).font = { bold: true };
  fitColumns(figures, { fromRow: 2, max: 24, freezeBelow: 2 });
  return figures;
}

const LEDGER_HEADER = [
  '单位 Unit',
  '层级 Level',
  '会议日期 Meeting',
  '议题 Title',
  '提出人 Raised by',
  '类别 Category',
  '状态 State',
  '本级解决 Resolution',
  '上移经过 Escalations',
  '答复期限 Answer by',
  '逾期 Overdue',
  '答复 Answer',
  '确认 Response',
  '最近上移时间 Last escalated at',
];

function ledgerRow(i: FiguresBook['items'][number], { units, overdueBefore }: FiguresBook) {
  const top = i.escalations.at(-1);
  const answer = i.feedback.at(-1);
  return [
    i.unit.name,
    `${LEVEL_NAMES[i.unit.level].zh} ${i.unit.level}`,
    excelDate(localDate(i.meeting.heldOn)),
    i.title,
    i.raisedBy,
    i.category ?? '',
    STATE_NAMES[i.state] ?? i.state,
    i.resolution ?? '',
    i.escalations
      .map(
        (e) =>
          `${e.hop}. ${units.get(e.fromUnitId) ?? ''} → ${units.get(e.toUnitId) ?? ''} ${shanghaiDateOf(e.escalatedAt)}`,
      )
      .join('\n'),
    top ? excelDate(localDate(top.answerBy)) : '',
    top && isOverdue(top, overdueBefore) ? '是 yes' : '',
    answer ? `${answer.outcome}: ${answer.text}` : '',
    answer?.response ? `${answer.response}${answer.responseReason ? `: ${answer.responseReason}` : ''}` : '',
    top ? excelDateTime(top.escalatedAt) : '',
  ];
}

export function figuresWorkbook(data: FiguresBook): Workbook {
  const book = new Workbook();
  book.creator = 'donggang-governance';
  book.created = data.created;
  figuresSheet(book, data);
  const ledger = book.addWorksheet('议题台账 Ledger');
  ledger.addRow(LEDGER_HEADER);
  for (const i of data.items) ledger.addRow(ledgerRow(i, data));
  ledger.getRow(1).font = { bold: true };
  formatColumns(ledger, { 3: DATE_FORMAT, 10: DATE_FORMAT, 14: DATETIME_FORMAT }, 2);
  fitColumns(ledger, { max: 40, freezeBelow: 1 });
  return book;
}
