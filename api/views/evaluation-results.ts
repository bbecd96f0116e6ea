/** The evaluation's annual table as an Excel workbook: a summary per department, then each community. */
import { Workbook, type Worksheet } from 'exceljs';
import type { EvaluationResults } from '../../services/evaluation';
import { fitColumns } from '../xlsx';

/** An empty cell for a missing mean or median. */
const blank = (v: number | null) => v ?? null;

function summarySheet(book: Workbook, table: EvaluationResults): Worksheet {
  const summary = book.addWorksheet('汇总 Summary');
  summary.addRow([
    `${table.year}年度结对部门考核评分 / Evaluation of paired departments ${table.year}（截至 as of ${table.asOf}）`,
  ]);
  summary.addRow([
    '部门编码 Code',
    '部门 Department',
    '社区数 Communities',
    '达到规定人数的社区 Communities with quorum',
    '评分人次 Raters',
    '平均分 Mean',
  ]);
  for (const r of table.rows) {
    summary.addRow([
      r.code,
      r.name,
      r.overall.communities,
      r.overall.communitiesQuorumMet,
      r.overall.raters,
      blank(r.overall.mean),
    ]);
  }
  summary.getRow(2).font = { bold: true };
  fitColumns(summary, { fromRow: 2, max: 40, freezeBelow: 2 });
  return summary;
}

function detailSheet(book: Workbook, table: EvaluationResults): Worksheet {
  const detail = book.addWorksheet('各社区 By community');
  detail.addRow([
    '部门编码 Code',
    '部门 Department',
    '社区 Community',
    '评分人数 Raters',
    '平均分 Mean',
    '中位数 Median',
    '规定人数 Quorum',
    '达到规定人数 Quorum met',
  ]);
  for (const r of table.rows) {
    for (const c of r.communities) {
      detail.addRow([
        r.code,
        r.name,
        c.communityName,
        c.count,
        blank(c.mean),
        blank(c.median),
        c.quorum,
        c.quorumMet ? '是 yes' : '否 no',
      ]);
    }
  }
  detail.getRow(1).font = { bold: true };
  fitColumns(detail, { max: 40, freezeBelow: 1 });
  return detail;
}

/** The workbook's bytes; `created` is the workbook's creation time (the service's clock). */
export async function evaluationResultsWorkbook(table: EvaluationResults, created: Date): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'donggang-governance';
  book.created = created;
  summarySheet(book, table);
  detailSheet(book, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}
