/** The co-building totals as an Excel workbook (台账): the totals and communities, then every thing done. */
import { Workbook, type Worksheet } from 'exceljs';
import type { CoBuildingSummaryView } from '../views/co-building';
import { DATE_FORMAT, DATETIME_FORMAT, excelDate, excelDateTime, fitColumns, formatColumns } from '../xlsx';

const MONEY = '#,##0.00';

/** The first sheet: the totals, then one row per community and the total row. */
function totalsSheet(book: Workbook, { summary }: CoBuildingSummaryView, year: number | undefined): void {
  const sheet = book.addWorksheet('联建统计 Totals');
  sheet.addRow([`社区联建统计 / Co-building ${year ?? '（全部年份 all years）'}（截至 as of ${summary.asOf}）`]);
  sheet.addRow(['指标 Measure', '数值 Value']);
  const t = summary.totals;
  const measures: [string, number, boolean][] = [
    ['联建共同体 Co-building bodies', t.bodies, false],
    ['成员单位 Member units', t.memberUnits, false],
    ['承诺书 Commitment letters', t.commitments, false],
    ['承诺金额（元） Pledged (yuan)', t.pledgedYuan, true],
    ['办实事 Practical things done', t.thingsDone, false],
    ['实事价值（元） Value of things done (yuan)', t.valueYuan, true],
  ];
  for (const [name, value, isMoney] of measures) {
    const row = sheet.addRow([name, value]);
    if (isMoney) row.getCell(2).numFmt = MONEY;
  }
  sheet.addRow([]);
  const header = sheet.addRow([
    '社区 Community',
    '街道 Street',
    '联建共同体 Body',
    '成员单位 Member units',
    '承诺书 Commitments',
    '承诺金额（元） Pledged (yuan)',
    '办实事 Things done',
    '实事价值（元） Value (yuan)',
  ]);
  const moneyRow = (values: (string | number)[]) => {
    const row = sheet.addRow(values);
    row.getCell(6).numFmt = MONEY;
    row.getCell(8).numFmt = MONEY;
    return row;
  };
  for (const c of summary.communities) {
    moneyRow([
      c.communityName,
      c.streetName ?? '',
      c.bodyName,
      c.memberUnits,
      c.commitments,
      c.pledgedYuan,
      c.thingsDone,
      c.valueYuan,
    ]);
  }
  const totalRow = moneyRow([
    '合计 Total',
    '',
    t.bodies,
    t.memberUnits,
    t.commitments,
    t.pledgedYuan,
    t.thingsDone,
    t.valueYuan,
  ]);
  for (const r of [sheet.getRow(2), header, totalRow]) r.font = { bold: true };
  fitColumns(sheet, { fromRow: 2, max: 40 });
}

/** The second sheet: the ledger of practical things done. */
function ledgerSheet(book: Workbook, { things }: CoBuildingSummaryView): Worksheet {
  const ledger = book.addWorksheet('办实事台账 Things done');
  ledger.addRow([
    '日期 Date',
    '社区 Community',
    '联建共同体 Body',
    '成员单位 Member unit',
    '事项 Description',
    '价值（元） Value (yuan)',
    '记录人 Recorded by',
    '登记时间 Recorded at',
  ]);
  for (const thing of things) {
    const row = ledger.addRow([
      excelDate(thing.doneOn),
      thing.body.community.name,
      thing.body.name,
      thing.memberName ?? '',
      thing.description,
      thing.valueYuan,
      thing.recordedBy,
      excelDateTime(new Date(thing.createdAt)),
    ]);
    row.getCell(6).numFmt = MONEY;
  }
  ledger.getRow(1).font = { bold: true };
  formatColumns(ledger, { 1: DATE_FORMAT, 8: DATETIME_FORMAT }, 2);
  fitColumns(ledger, { max: 48, freezeBelow: 1 });
  return ledger;
}

/** The workbook's bytes (created at `now`, the one clock). */
export async function coBuildingWorkbook(
  view: CoBuildingSummaryView,
  year: number | undefined,
  now: Date,
): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'donggang-governance';
  book.created = now;
  totalsSheet(book, view, year);
  ledgerSheet(book, view);
  return Buffer.from(await book.xlsx.writeBuffer());
}
