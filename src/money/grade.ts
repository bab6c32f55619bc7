// 卫生专业技术资格: title → grade (FORMAT.md, "Title grades").
import type { Grade, Person } from '../model/kinds.js';

export const GRADE_RANK: Record<Grade, number> = { 初级: 1, 中级: 2, 副高: 3, 正高: 4 };

const SENIOR = /^(中医|中西医结合)?主任(医|中医|护|药|技|检验)师$/;
const DEPUTY = /^(中医|中西医结合)?副主任(医|中医|护|药|技|检验)师$/;
const MIDDLE = /^(中医|中西医结合)?主(治|管)(医|中医|护|药|技|检验)?师$/;
const JUNIOR = /^(中医|中西医结合)?(住院医师|住院中医师|医师|中医师|护师|药师|技师|检验师|医士|护士|药士|技士|检验士)$/;
/** Practice qualifications (执业资格) are not titles; they say nothing about grade. */
const PRACTICE = /执业(助理)?医师|执业护士|执业药师/;

export type TitleClass = { grade: Grade } | { practice: true } | { unknown: true };

export function classifyTitle(title: string): TitleClass {
  const s = title.replace(/[\s\u3000]/g, '');
  if (SENIOR.test(s)) return { grade: '正高' };
  if (DEPUTY.test(s)) return { grade: '副高' };
  if (MIDDLE.test(s)) return { grade: '中级' };
  if (JUNIOR.test(s)) return { grade: '初级' };
  if (PRACTICE.test(s)) return { practice: true };
  return { unknown: true };
}

/** The grade that counts for a person: an explicit `grade` wins over the derived one. */
export function gradeOf(p: Pick<Person, 'grade' | 'title'>): Grade | undefined {
  if (p.grade) return p.grade;
  if (!p.title) return undefined;
  const c = classifyTitle(p.title);
  return 'grade' in c ? c.grade : undefined;
}

/** A seniority requirement (副主任医师或高年资主治医师): a minimum grade, or a title held long enough. */
export interface SeniorityRequirement {
  minGrade?: Grade;
  orTitle?: string;
  minYearsInTitle?: number;
}

/** Whole months from `since` (YYYY-MM or a date) to `date`. */
export function monthsSince(since: string, date: string): number {
  const [y1, m1, d1] = [Number(since.slice(0, 4)), Number(since.slice(5, 7)), since.length > 7 ? Number(since.slice(8, 10)) : 1];
  const [y2, m2, d2] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export type SeniorityVerdict =
  | { ok: true }
  | { ok: false; grade: Grade; years?: number }
  | { unknown: 'no-grade' }
  | { unknown: 'no-titleSince'; grade: Grade };

/** Whether a person meets a seniority requirement on a date (the start of an assignment). */
export function meetsSeniority(p: Pick<Person, 'grade' | 'title' | 'titleSince'>, on: string, req: SeniorityRequirement): SeniorityVerdict {
  const grade = gradeOf(p);
  if (!grade) return { unknown: 'no-grade' };
  if (req.minGrade && GRADE_RANK[grade] >= GRADE_RANK[req.minGrade]) return { ok: true };
  const orGrade = req.orTitle ? classifyTitle(req.orTitle) : undefined;
  const titleOk = req.orTitle ? (orGrade && 'grade' in orGrade ? grade === orGrade.grade : p.title === req.orTitle) : !req.minGrade;
  if (!titleOk) return { ok: false, grade };
  if (req.minYearsInTitle === undefined) return { ok: true };
  if (!p.titleSince) return { unknown: 'no-titleSince', grade };
  const months = monthsSince(p.titleSince, on);
  return months >= req.minYearsInTitle * 12 ? { ok: true } : { ok: false, grade, years: Math.floor(Math.max(0, months) / 12) };
}
