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
