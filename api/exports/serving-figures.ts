/**
 * The third entry's figures as an Excel workbook, Chinese headers: one sheet per community with the
 * total, one per street with the total. Figures only — no name, phone or ID of anyone.
 */
import { Workbook, type Worksheet } from 'exceljs';
import type { ServingFiguresView } from '../views/serving-figures';
import { fitColumns } from '../xlsx';

type Counts = ServingFiguresView['total'];

export const SERVING_FIGURE_HEADERS = [
  '报到单位',
  '报到党员',
  '发布需求',
  '已认领需求',
  '已完成需求',
  '服务次数',
  '服务时长（小时）',
  '未达最低次数党员',
] as const;

const countCells = (c: Counts) => [
  c.employers,
  c.members,
  c.needsPublished,
  c.needsClaimed,
  c.needsDone,
  c.services,
  c.hours,
  c.membersBelowMinimum,
];

function sumOf(rows: readonly Counts[]): Counts {
  const sum: Counts = {
    employers: 0,
    members: 0,
    needsPublished: 0,
    needsClaimed: 0,
    needsDone: 0,
    services: 0,
    minutes: 0,
    hours: 0,
    membersBelowMinimum: 0,
  };
  for (const r of rows) {
    for (const k of Object.keys(sum) as (keyof Counts)[]) if (k !== 'hours') sum[k] += r[k];
  }
  sum.hours = Math.round(sum.minutes / 6) / 10;
  return sum;
}

function sheetOf(
  book: Workbook,
  name: string,
  title: string,
  first: readonly string[],
  rows: { names: string[]; counts: Counts }[],
  total: Counts,
): Worksheet {
  const sheet = book.addWorksheet(name);
  sheet.addRow([title]);
  const header = sheet.addRow([...first, ...SERVING_FIGURE_HEADERS]);
  for (const r of rows) sheet.addRow([...r.names, ...countCells(r.counts)]);
  const totalRow = sheet.addRow(['合计', ...first.slice(1).map(() => ''), ...countCells(total)]);
  const hoursCol = first.length + 7;
  for (let r = 3; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(hoursCol).numFmt = '0.0';
  for (const row of [header, totalRow]) row.font = { bold: true };
  fitColumns(sheet, { fromRow: 2, max: 40, freezeBelow: 2 });
  return sheet;
}

/** The workbook's bytes (created at `now`, the one clock). */
export async function servingFiguresWorkbook(f: ServingFiguresView, now: Date): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'donggang-governance';
  book.created = now;
  const title = `在职党员进社区统计 ${f.year}年（截至 ${f.asOf}；参与期间 ${f.participation.period}，最低 ${f.participation.minServices} 次）`;
  sheetOf(
    book,
    '各社区',
    title,
    ['社区', '街道'],
    [
      ...f.communities.map((c) => ({ names: [c.name, c.streetName ?? ''], counts: c })),
      ...(f.employersWithoutCommunity > 0
        ? [{ names: ['（未在社区报到的单位）', ''], counts: { ...sumOf([]), employers: f.employersWithoutCommunity } }]
        : []),
    ],
    f.total,
  );
  const streetTotal = sumOf(f.streets);
  sheetOf(
    book,
    '各街道',
    title,
    ['街道'],
    f.streets.map((s) => ({ names: [s.name], counts: s })),
    streetTotal,
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
