// unit-posts/*: posts every unit (or every unit of a filter) must fill with a named person — the
// Alliance's `posts:` says which, each unit's `posts:` says who (光山「主导责任科室主任任分包乡镇卫生院
// 第一院长」, 「支援和受援单位主要领导为共同第一责任人」). A unit with a post nobody holds gets one
// finding naming the post; a holder under a post nobody declared would otherwise go unchecked.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { AllianceEntry } from '../load/workspace.js';
import { owingUnits } from '../judge/units.js';
import { didYouMean } from '../load/suggest.js';
import { refProblem } from './references.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises (through refProblem it also raises references/unknown). */
export const UNIT_POSTS_CODES = family('unit-posts', t('单位职务', 'unit posts'), {
  empty: {
    // the plan lacks a name still to be filled in, it does not contradict itself
    severity: 'warning',
    label: t('职务无人', 'post unfilled'),
    description: t('Alliance 的 posts: 要求某单位设的职务，该单位的 posts: 没有写明由谁担任。', 'A post the Alliance\'s posts: asks of a unit has no holder in that unit\'s posts:.'),
    help: t('在该单位下写 posts: [{ post: 职务, name: 姓名 }]；姓名未定时先写职务占位并标 assumed: [name]。', 'Add posts: [{ post, name }] to the unit; while the name is unknown, write a placeholder and mark it assumed: [name].'),
    message: msg('「{unit}」没有写明{post}由谁担任。', '{unit} names no holder of the post {post}.'),
  },
  unknown: {
    severity: 'error',
    label: t('未要求的职务', 'undeclared post'),
    description: t('单位的 posts: 中写了 Alliance 的 posts: 没有要求的职务。', 'A unit\'s posts: names a post the Alliance\'s posts: does not declare.'),
    help: t('按 Alliance 的 posts: 原样书写职务名称，或在其中加上该职务。', 'Write the post as the Alliance\'s posts: lists it, or declare it there.'),
    message: msg('「{unit}」的职务「{post}」不在 Alliance 的 posts: 之中。{suggestion}', '"{post}" at {unit} is not a post the Alliance\'s posts: declares.{suggestion}'),
  },
});

function checkAlliance(a: AllianceEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = a.data.posts ?? [];
  const names = declared.map((p) => p.post);
  for (const u of a.data.units)
    for (const h of u.posts ?? []) {
      if (names.includes(h.post)) continue;
      const s = didYouMean(h.post, names);
      out.push(
        UNIT_POSTS_CODES.raise('unit-posts/unknown', { unit: u.name, post: h.post, suggestion: t(s?.zh ?? '', s ? ` ${s.en}` : '') }, {
          ...where(h, 'post'),
          hint: names.length ? t(`可写：${names.join('、')}。`, `One of: ${names.join(', ')}.`) : t('先在 Alliance 写 posts:。', 'Declare posts: in the Alliance first.'),
          data: { unit: u.name, post: h.post },
        }),
      );
    }
  for (const p of declared) {
    const each = p.each ?? 'unit';
    if (typeof each === 'object' && 'units' in each)
      each.units.forEach((ref, i) => {
        const q = refProblem(a.units, ref, 'unit', each.units, i);
        if (q) out.push(q);
      });
    for (const u of owingUnits(a, each, '9999-12-31')) {
      if ((u.posts ?? []).some((h) => h.post === p.post && h.name.trim())) continue;
      out.push(
        UNIT_POSTS_CODES.raise('unit-posts/empty', { unit: u.name, post: p.post }, {
          ...where(u, u.posts ? 'posts' : 'name'),
          hint: t(`在「${u.name}」下写 posts: [{ post: ${p.post}, name: 姓名 }]。`, `Add posts: [{ post: ${p.post}, name: … }] under ${u.name}.`),
          data: { unit: u.name, post: p.post },
        }),
      );
    }
  }
  return out;
}

export const unitPosts: Rule = {
  id: 'unit-posts',
  meta: { description: t('各单位须设的职务有人担任', 'Posts each unit must have are filled'), defaultSeverity: 'error', codes: [UNIT_POSTS_CODES] },
  check: (ws) => ws.alliances.flatMap(checkAlliance),
};
