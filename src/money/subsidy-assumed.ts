// Amounts marked `assumed` (not in the source document): what each one is, and the note a payer's
// sheet carries naming them, so no sheet prints an assumed amount as if the document set it.
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import { t, type Text } from '../model/diagnostic.js';
import { fenToYuanText, yuanToFen } from './fen.js';
import { uniq, type Per } from './subsidy-model.js';

const PER_TEXT: Record<Per, Text> = {
  halfDay: t('半天', 'half-day'),
  session: t('次', 'session'),
  day: t('天', 'day'),
  trip: t('趟', 'trip'),
  month: t('月', 'month'),
};

/** What an assumed amount is (讲座（正高）500.00元/次, and the document a rate of its own cites, to verify
 * it against), or undefined when the amount is from the source. */
export function assumedAmount(
  r: { amount: number; per: Per; assumed?: true | readonly string[] },
  what: string,
  basis: string | undefined,
): Text | undefined {
  if (!isAssumed(r, 'amount')) return undefined;
  const amount = fenToYuanText(yuanToFen(r.amount));
  const ref = basis ? t(`（请按${basis}核实）`, ` (verify against ${basis})`) : t('', '');
  return t(`${what}${amount}元/${PER_TEXT[r.per].zh}${ref.zh}`, `${what} ${amount} yuan per ${PER_TEXT[r.per].en}${ref.en}`);
}

/** ※ 示意值，原文未规定：讲座（正高）500.00元/次…；… — one line naming a payer's assumed amounts. */
export function noteOfAssumed(charges: readonly { assumed?: Text }[]): Text | undefined {
  const zh = uniq(charges.flatMap((c) => (c.assumed ? [c.assumed.zh] : [])));
  const en = uniq(charges.flatMap((c) => (c.assumed ? [c.assumed.en] : [])));
  if (!zh.length) return undefined;
  return t(`※ ${ASSUMED_LABEL.zh}：${zh.join('；')}。`, `※ ${ASSUMED_LABEL.en}: ${en.join('; ')}.`);
}
