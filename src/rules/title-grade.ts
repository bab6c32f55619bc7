// title-grade: a title we cannot place, or a practice qualification (全科执业医师)
// with no `grade`, leaves the person's grade unknown — subsidy rates and seniority quotas need it.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { classifyTitle } from '../money/grade.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const TITLE_GRADE_CODES = family('title-grade', t('结构', 'structure'), {
  'practice-qualification': {
    severity: 'warning',
    description: t('职称一栏写的是执业资格（如 执业医师），无法确定职称等级。', 'A title is a practice qualification (e.g. 执业医师), so the grade is unknown.'),
    help: t('写职称（如 主治医师），或写 grade。', 'Write the title (e.g. 主治医师), or a grade.'),
    deprecatedIds: ['structure/practice-qualification'],
    message: msg('「{name}」的「{title}」是执业资格而非职称，无法确定职称等级。', '"{title}" ({name}) is a practice qualification, not a title; the grade is unknown.'),
  },
  'unknown-title': {
    severity: 'warning',
    description: t('无法从职称推出等级（初级、中级、副高、正高）。', 'No grade can be derived from a title.'),
    help: t('写规范的职称名称，或写 grade。', 'Write the standard title, or a grade.'),
    deprecatedIds: ['structure/unknown-title'],
    message: msg('无法从职称「{title}」（{name}）推出等级。', 'Cannot derive a grade from the title "{title}" ({name}).'),
  },
});

export const titleGrade: Rule = {
  id: 'title-grade',
  meta: { description: t('职称可推出职称等级', 'Titles map to a grade'), defaultSeverity: 'warning', codes: [TITLE_GRADE_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const r of ws.data('Roster'))
      for (const p of r.people) {
        if (!p.title || p.grade) continue;
        const c = classifyTitle(p.title);
        if ('practice' in c)
          out.push(
            TITLE_GRADE_CODES.raise('title-grade/practice-qualification', { name: p.name, title: p.title }, {
              ...where(p, 'title'),
              hint: t('请补充 grade: 初级/中级/副高/正高。', 'Add grade: 初级/中级/副高/正高.'),
            }),
          );
        else if ('unknown' in c)
          out.push(
            TITLE_GRADE_CODES.raise('title-grade/unknown-title', { title: p.title, name: p.name }, {
              ...where(p, 'title'),
              hint: t('检查职称写法，或补充 grade。', 'Check the spelling, or add grade.'),
            }),
          );
      }
    return out;
  },
};
