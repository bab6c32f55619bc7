// The 进展报告's model: typed tables, chart series and the timeline, the same for every renderer
// (markdown, HTML, xlsx, docx), so they show the same numbers by construction (DESIGN.md,
// Architecture). The section builders (report-*.ts) fill it from the judgements; this file holds
// only the shapes and the small helpers they share. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Diagnostic, Lang } from '../model/diagnostic.js';
import type { Period } from '../time/periods.js';
import type { Timeline } from './timeline.js';

/**
 * How a column's values are to be shown: percent values are fractions (0.957), money is integer
 * fen, dates ISO days; a status is a short word (逾期, 未达标) kept on one line, never wrapped.
 */
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'date' | 'money' | 'status';
export type ReportCell = string | number | null;

export interface ReportColumn {
  header: string;
  type: ColumnType;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A totals row (合计), same columns. */
  total?: ReportCell[];
  /** Said instead of an empty table. */
  empty: string;
}

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ReportChart {
  id: string;
  title: string;
  /** hbar: one horizontal bar per category (one series); vbar: grouped vertical bars per category. */
  kind: 'hbar' | 'vbar';
  categories: string[];
  series: ChartSeries[];
  valueType: 'int' | 'percent';
}

export interface ReportSection {
  id: 'workplan' | 'quotas' | 'dispatch' | 'referrals' | 'duties' | 'issues';
  title: string;
  /** Sentences above the tables. */
  lines: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export const ITEM_STATUSES = ['已完成', '进行中', '未到期', '未设期限', '逾期', '漏期', '取消'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_EN: Record<ItemStatus, string> = { 已完成: 'done', 进行中: 'in progress', 未到期: 'not yet due', 未设期限: 'no deadline', 逾期: 'overdue', 漏期: 'missed', 取消: 'cancelled' };
/** An item status in the report's language (the model keys counts by the Chinese word). */
export const itemStatusWord = (s: ItemStatus, lang: Lang): string => (lang === 'zh' ? s : ITEM_STATUS_EN[s]);

export interface ProgressReport {
  /** The language of the report's own words. */
  lang: Lang;
  title: string;
  subtitle: string;
  alliance: { id?: string; name: string };
  document?: { number?: string; title?: string };
  period: { key: string; start: string; end: string; label: string };
  asOf: string;
  /** The day stamped into the workbook (the as-of date). */
  date: string;
  /** 概况: one sentence per section. */
  summary: string[];
  /** The plan as a Gantt chart, from the judgements the work-plan table shows. */
  timeline: Timeline;
  sections: ReportSection[];
  /** Headline figures (for the CLI's one-line summary and tests). */
  counts: {
    items: number;
    byStatus: Record<ItemStatus, number>;
    quotaRows: number;
    quotaShortfalls: number;
    people: number;
    membersCovered: number;
    members: number;
    referralsUp: number;
    referralsDown: number;
    /** Rows of the 问题清单 by level: errors (what must be put right), warnings, notes. */
    issues: number;
    warnings: number;
    infos: number;
    /** Rows of the 问题清单 for periods without data (check's quota/no-data, one per quota and period). */
    noData: number;
  };
}

export interface ProgressInput {
  ws: Workspace;
  alliance: AllianceEntry;
  asOf: string;
  period: Period;
  /** The findings as of `asOf` (collectFindings, the workspace's levels applied): the 问题清单. */
  findings: Diagnostic[];
  /** The look-ahead the findings were made with (default 14 days). */
  withinDays?: number;
  /** How the 问题清单 names a finding's file (the CLI makes it workspace-relative); default as is. */
  showFile?: (file: string) => string;
  /** The language of the report's own words (default zh); what the user wrote stays as written. */
  lang?: Lang;
}

// ------------------------------------------------------------------ helpers shared by the sections


/** Picks the report's language: `L('逾期', 'overdue')`. The user's own text is never translated. */
export type L = (zh: string, en: string) => string;
export const chooser = (lang: Lang): L => (zh, en) => (lang === 'zh' ? zh : en);

/** A name for prose and chart labels: whole, or its first clause; never cut inside a word. */
export function shortName(s: string, max = 24): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if ([...text].length <= max) return text;
  const clause = text.split(/[，。；;,：:（(]/)[0]!;
  return clause && [...clause].length <= max ? clause : text;
}

export const overlaps = (a0: string, a1: string, b0: string, b1: string) => a0 <= b1 && b0 <= a1;
export const rate = (met: number, total: number): number | null => (total > 0 ? met / total : null);
/** 0.9565 → 95.7% (the sentences; tables carry the number). */
export const pctText = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function table(id: string, title: string, columns: [string, ColumnType][], rows: ReportCell[][], empty: string, total?: ReportCell[]): ReportTable {
  return { id, title, columns: columns.map(([header, type]) => ({ header, type })), rows, empty, ...(total ? { total } : {}) };
}
