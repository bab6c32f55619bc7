// How a typed report cell reads, the same in markdown, HTML and the terminal (xlsx stores the
// number itself and shows it with the matching number format).
import { pctText, type ColumnType, type ReportCell } from '../reports/report-model.js';

/** Percent 95.7%, money (integer fen) 1,234.50, numbers to two decimals, dates as ISO days. */
export function cellText(v: ReportCell | undefined, type: ColumnType): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  switch (type) {
    case 'percent':
      return pctText(v);
    case 'money': {
      const fen = Math.abs(Math.round(v));
      const yuan = Math.floor(fen / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return `${v < 0 ? '-' : ''}${yuan}.${String(fen % 100).padStart(2, '0')}`;
    }
    case 'number':
      return String(Math.round(v * 100) / 100);
    default:
      return String(v);
  }
}

/** Numbers are right-aligned. */
export const isNumeric = (type: ColumnType): boolean => type === 'int' || type === 'number' || type === 'percent' || type === 'money';
