/**
 * The workbooks the service writes (the figures ledger, the evaluation results, the co-building
 * summary) as a Chinese office reads them in Excel or WPS: dates are real date cells (sortable,
 * filterable, `yyyy-mm-dd`), instants are Asia/Shanghai date-times (`yyyy-mm-dd hh:mm`; Excel has
 * no time zones, so the cell holds the Shanghai wall time), columns are as wide as their contents
 * (Chinese characters count double; between a minimum and a maximum, long text wraps), and the
 * header row stays in view.
 */
import type { Cell, Worksheet } from 'exceljs';
import { displayWidth } from '../domain/text-width';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** A calendar date — "2026-05-12" or a `@db.Date` value (UTC midnight) — as an Excel date cell's value. */
export function excelDate(date: string | Date): Date {
  const ymd = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  return new Date(`${ymd}T00:00:00Z`);
}

/** An instant as its Asia/Shanghai wall time, the value of an Excel date-time cell. */
export function excelDateTime(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** Give the cells of the columns (1-based) the format, from row `fromRow` on. */
export function formatColumns(sheet: Worksheet, formats: Record<number, string>, fromRow: number): void {
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (const [col, numFmt] of Object.entries(formats)) {
      const cell = row.getCell(Number(col));
      if (cell.value instanceof Date) cell.numFmt = numFmt;
    }
  }
}

function cellWidth(cell: Cell): number {
  const v = cell.value;
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return (cell.numFmt || DATE_FORMAT).replace(/\\|"|;@/g, '').length;
  if (typeof v === 'number') {
    const digits = cell.numFmt?.includes('#,##0') ? v.toLocaleString('en', { minimumFractionDigits: 2 }) : String(v);
    return digits.length;
  }
  const text = typeof v === 'string' ? v : cell.text;
  return Math.max(...text.split('\n').map(displayWidth));
}

/**
 * Column widths from the contents of rows `fromRow`… (a title row above a table is left out: it may
 * run on over empty cells), between `min` and `max` characters; cells wider than `max` wrap.
 * The rows above `freezeBelow` stay in view when scrolling.
 */
export function fitColumns(
  sheet: Worksheet,
  o: { fromRow?: number; min?: number; max?: number; freezeBelow?: number } = {},
): void {
  const { fromRow = 1, min = 8, max = 50 } = o;
  const widths: number[] = [];
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const w = cellWidth(cell);
      widths[col] = Math.max(widths[col] ?? 0, w);
      if (w > max || (typeof cell.value === 'string' && cell.value.includes('\n'))) {
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      }
    });
  }
  for (let col = 1; col < widths.length; col++) {
    sheet.getColumn(col).width = Math.min(max, Math.max(min, (widths[col] ?? 0) + 2));
  }
  if (o.freezeBelow) sheet.views = [{ state: 'frozen', ySplit: o.freezeBelow }];
}
