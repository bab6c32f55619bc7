import { describe, expect, it } from 'vitest';
import { computeSubsidy, policyOn, quantityOf, summarizeActivities } from '../../src/money/subsidy.js';
import { compute, entry, item, payerTotal, policy, POLICY } from './helpers.js';

describe('computeSubsidy: rates', () => {
  it('正高 门诊 of 2 half-days = 500 yuan, paid by the host; 交通补贴 by the lead', () => {
    const r = compute([entry('2021-06-03', '张正高', '甲镇', '门诊', 2)]);
    expect(r.payers.map((p) => p.payer.name)).toEqual(['县人民医院', '甲镇卫生院']); // alliance unit order
    const host = r.payers.find((p) => p.payer.name === '甲镇卫生院')!;
    expect(host.roles).toEqual(['host']);
    expect(host.items).toEqual(['劳务费']);
    expect(host.rows).toHaveLength(1);
    expect(host.rows[0]).toMatchObject({ person: '张正高', unit: '县人民医院', grade: '正高', title: '主任医师', halfDays: 2, activities: '门诊1次', totalFen: 50000, daxie: '伍佰元整' });
    const lead = r.payers.find((p) => p.payer.name === '县人民医院')!;
    expect(lead.roles).toEqual(['lead']);
    expect(item(lead.rows[0]!, '交通补贴')).toBe(10000);
    expect(lead.rows[0]!.work).toBe('甲镇卫生院：门诊1次');
    expect(r.grandTotalFen).toBe(60000);
    expect(r.grandDaxie).toBe('陆佰元整');
    expect(r.itemTotals).toEqual([
      { item: '劳务费', amountFen: 50000 },
      { item: '交通补贴', amountFen: 10000 },
    ]);
    const d = r.details.find((x) => x.item === '劳务费')!;
    expect(d).toMatchObject({ date: '2021-06-03', unit: '甲镇卫生院', activity: '门诊', halfDays: 2, rateFen: 25000, per: 'halfDay', quantity: 2, amountFen: 50000, payer: '甲镇卫生院', payerRole: 'host', basis: '某卫〔2021〕1号', counted: true });
  });

  it('副高 uses its own rate; halfDays defaults to 1', () => {
    const r = compute([entry('2021-06-03', '李副高', '乙镇', '查房')]);
    expect(payerTotal(r, '乙镇卫生院')).toBe(20000);
  });

  it('讲座 is paid per session whatever its length; a grade-specific rate beats the any-grade one', () => {
    const r = compute([
      entry('2021-06-03', '张正高', '甲镇', '讲座', 2),
      entry('2021-06-04', '李副高', '甲镇', '讲座', 3),
    ]);
    const rows = r.payers.find((p) => p.payer.name === '甲镇卫生院')!.rows;
    expect(rows.map((x) => [x.person, x.totalFen])).toEqual([
      ['张正高', 50000],
      ['李副高', 10000],
    ]);
  });

  it('half-days and sessions are counted apart: 门诊 2 half-days + 讲座 2 half-days shows 2 半天 and 1 session, as the money does', () => {
    const r = compute([entry('2021-06-03', '张正高', '甲镇', '门诊', 2), entry('2021-06-10', '张正高', '甲镇', '讲座', 2)]);
    const host = r.payers.find((p) => p.payer.name === '甲镇卫生院')!;
    expect(host.sessionActivities).toEqual(['讲座']);
    expect(host.rows[0]).toMatchObject({ halfDays: 2, sessions: 1, totalFen: 2 * 25000 + 50000 });
    // the dispatching hospital pays trips only: no sessions there
    expect(r.payers.find((p) => p.payer.name === '县人民医院')!.sessionActivities).toEqual([]);
  });

  it('per day counts started days: 3 half-days = 2 days', () => {
    expect(quantityOf('day', 3)).toBe(2);
    expect(quantityOf('day', 1)).toBe(1);
    expect(quantityOf('halfDay', 3)).toBe(3);
    expect(quantityOf('session', 3)).toBe(1);
    const r = compute([entry('2021-06-03', '王中级', '甲镇', '手术示教', 3)]);
    // payer lead: 300 × 2 days, plus the trip
    const lead = r.payers.find((p) => p.payer.name === '县人民医院')!;
    expect(item(lead.rows[0]!, '劳务费')).toBe(60000);
    expect(item(lead.rows[0]!, '交通补贴')).toBe(10000);
    expect(lead.items).toEqual(['劳务费', '交通补贴']);
  });
});

describe('computeSubsidy: trips', () => {
  it('交通补贴 once per person, unit and date, however many entries that day', () => {
    const r = compute([
      entry('2021-06-03', '张正高', '甲镇', '门诊'),
      entry('2021-06-03', '张正高', '甲镇', '查房'),
      entry('2021-06-03', '张正高', '甲镇', '会诊'),
    ]);
    const lead = r.payers.find((p) => p.payer.name === '县人民医院')!;
    expect(item(lead.rows[0]!, '交通补贴')).toBe(10000);
    expect(lead.rows[0]!.trips).toBe(1);
    expect(lead.rows[0]!.halfDays).toBe(3);
    expect(payerTotal(r, '甲镇卫生院')).toBe(75000);
    const trip = r.details.filter((d) => d.item === '交通补贴');
    expect(trip).toHaveLength(1);
    expect(trip[0]).toMatchObject({ activity: '门诊、查房、会诊', halfDays: 3, quantity: 1, amountFen: 10000 });
    // the trip line follows that day's fees
    expect(r.details.map((d) => d.item)).toEqual(['劳务费', '劳务费', '劳务费', '交通补贴']);
  });

  it('another unit the same day, or the same unit another day, is another trip; two people are two trips', () => {
    const r = compute([
      entry('2021-06-03', '张正高', '甲镇', '门诊'),
      entry('2021-06-03', '张正高', '乙镇', '门诊'),
      entry('2021-06-04', '张正高', '甲镇', '门诊'),
      entry('2021-06-04', '李副高', '甲镇', '门诊'),
    ]);
    const lead = r.payers.find((p) => p.payer.name === '县人民医院')!;
    expect(lead.rows.map((x) => [x.person, item(x, '交通补贴'), x.trips])).toEqual([
      ['张正高', 30000, 3],
      ['李副高', 10000, 1],
    ]);
    expect(lead.rows[0]!.work).toBe('甲镇卫生院：门诊2次；乙镇卫生院：门诊1次');
  });

  it('an allowance limited to some activities only counts trips with one of them', () => {
    const p = policy({ ...POLICY, id: 'p-lim', allowances: [{ name: '交通补贴', amount: 100, per: 'trip', payer: 'lead', activities: ['门诊'] }] });
    const r = compute([entry('2021-06-03', '张正高', '甲镇', '查房'), entry('2021-06-04', '张正高', '甲镇', '门诊')], { policies: [p] });
    expect(r.itemTotals.find((i) => i.item === '交通补贴')!.amountFen).toBe(10000);
  });
});

describe('computeSubsidy: what earns nothing is reported', () => {
  it('no rate for the grade: subsidy/no-rate, a 明细 line marked uncounted, the trip still paid', () => {
    const r = compute([entry('2021-06-03', '王中级', '甲镇', '门诊'), entry('2021-06-10', '王中级', '甲镇', '门诊', 2)]);
    expect(r.payers.map((p) => p.payer.name)).toEqual(['县人民医院']);
    expect(r.grandTotalFen).toBe(20000); // two trips
    const d = r.diagnostics.filter((x) => x.code === 'subsidy/no-rate');
    expect(d).toHaveLength(1); // one per person and activity, with the count
    expect(d[0]).toMatchObject({ severity: 'warning', data: { person: '王中级', activity: '门诊', entries: 2, halfDays: 3 } });
    expect(d[0]!.message.zh).toContain('没有中级人员门诊的标准');
    const un = r.details.filter((x) => !x.counted);
    expect(un).toHaveLength(2);
    expect(un[0]).toMatchObject({ amountFen: 0, reasonCode: 'subsidy/no-rate', activity: '门诊' });
  });

  it('an activity no rate mentions: subsidy/no-rate', () => {
    const r = compute([entry('2021-06-03', '张正高', '甲镇', '带教')]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['subsidy/no-rate']);
    expect(r.diagnostics[0]!.message.zh).toContain('没有带教的标准');
  });

  it('unknown grade: subsidy/unknown-grade for graded rates, while an any-grade rate still pays', () => {
    const r = compute([entry('2021-06-03', '赵执业', '甲镇', '门诊'), entry('2021-06-04', '赵执业', '甲镇', '讲座')]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['subsidy/unknown-grade']);
    expect(r.diagnostics[0]!.hint?.zh).toContain('grade');
    expect(payerTotal(r, '甲镇卫生院')).toBe(10000); // 讲座 at the any-grade rate
    expect(r.payers.find((p) => p.payer.name === '甲镇卫生院')!.rows[0]!.grade).toBeUndefined();
  });

  it('an unknown person or a date without a policy is reported, not dropped', () => {
    const late = policy({ ...POLICY, id: 'late', effective: '2021-06-15' });
    const r = compute([entry('2021-06-03', '张正高', '甲镇', '门诊'), entry('2021-06-03', '无名氏', '甲镇', '门诊')], { policies: [late] });
    expect(r.diagnostics.map((x) => x.code).sort()).toEqual(['subsidy/no-policy', 'subsidy/unknown-person']);
    expect(r.grandTotalFen).toBe(0);
    expect(r.details.every((d) => !d.counted)).toBe(true);
  });

  it('a month without entries gives empty sheets and says so', () => {
    const r = compute([entry('2021-05-31', '张正高', '甲镇', '门诊'), entry('2021-07-01', '张正高', '甲镇', '门诊')]);
    expect(r.payers).toEqual([]);
    expect(r.grandDaxie).toBe('零元整');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['subsidy/no-entries']);
  });
});

describe('computeSubsidy: policies over time', () => {
  it('a policy change mid-month applies by date (latest effective wins, until inclusive)', () => {
    const old = policy({ ...POLICY, id: 'old', until: '2021-06-15' });
    const neu = policy({ ...POLICY, id: 'new', basis: '某卫〔2021〕9号', effective: '2021-06-16', allowances: [], rates: [{ activities: ['门诊'], grade: '正高', amount: 300, per: 'halfDay', payer: 'host' }] });
    const r = compute(
      [entry('2021-06-15', '张正高', '甲镇', '门诊'), entry('2021-06-16', '张正高', '甲镇', '门诊')],
      { policies: [neu, old] },
    );
    const fees = r.details.filter((d) => d.item === '劳务费');
    expect(fees.map((d) => [d.date, d.policy, d.amountFen])).toEqual([
      ['2021-06-15', 'old', 25000],
      ['2021-06-16', 'new', 30000],
    ]);
    expect(r.policyBasis).toEqual(['某卫〔2021〕1号', '某卫〔2021〕9号']);
    expect(r.policies.map((p) => p.id)).toEqual(['old', 'new']); // by effective date
    // the new one has no allowance: only the first trip is paid
    expect(r.itemTotals.find((i) => i.item === '交通补贴')!.amountFen).toBe(10000);
  });

  it('policyOn picks the latest effective in force', () => {
    const a = policy({ id: 'a', effective: '2021-01-01' });
    const b = policy({ id: 'b', effective: '2021-06-01' });
    const c = policy({ id: 'c', effective: '2021-03-01', until: '2021-12-31' });
    expect(policyOn([a, b, c], '2021-05-31')?.id).toBe('c');
    expect(policyOn([a, b, c], '2021-06-01')?.id).toBe('b');
    expect(policyOn([a, b, c], '2020-12-31')).toBeUndefined();
  });
});

describe('computeSubsidy: caps', () => {
  const capped = policy({ ...POLICY, id: 'cap', caps: [{ per: 'personMonth', max: 600 }] });

  it('personMonth: first come, first paid across payers; allowances are not capped', () => {
    const r = compute(
      [
        entry('2021-06-03', '张正高', '乙镇', '门诊'), // logged out of order on purpose
        entry('2021-06-01', '张正高', '甲镇', '门诊'),
        entry('2021-06-02', '张正高', '甲镇', '门诊'),
        entry('2021-06-04', '张正高', '乙镇', '门诊'),
        entry('2021-06-04', '李副高', '乙镇', '门诊'),
      ],
      { policies: [capped] },
    );
    const fees = r.details.filter((d) => d.item === '劳务费' && d.person === '张正高');
    expect(fees.map((d) => [d.date, d.amountFen, d.cappedFen])).toEqual([
      ['2021-06-01', 25000, undefined],
      ['2021-06-02', 25000, undefined],
      ['2021-06-03', 10000, 15000],
      ['2021-06-04', 0, 25000],
    ]);
    expect(payerTotal(r, '甲镇卫生院')).toBe(50000);
    expect(payerTotal(r, '乙镇卫生院')).toBe(10000 + 20000); // 李副高 under the cap
    expect(r.payers.find((p) => p.payer.name === '县人民医院')!.rows[0]!.totalFen).toBe(40000); // 4 trips
    const info = r.diagnostics.filter((d) => d.code === 'subsidy/capped');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', data: { person: '张正高', capFen: 60000, cutFen: 40000 } });
  });

  it('personYear: what earlier months paid counts', () => {
    const y = policy({ ...POLICY, id: 'y', caps: [{ per: 'personYear', max: 1000 }] });
    const r = compute(
      [entry('2021-03-01', '张正高', '甲镇', '门诊', 2), entry('2021-05-01', '张正高', '甲镇', '门诊', 2), entry('2021-06-01', '张正高', '甲镇', '门诊', 2)],
      { policies: [y] },
    );
    // 500 + 500 paid before June: nothing left
    expect(payerTotal(r, '甲镇卫生院')).toBe(0);
    expect(r.details.filter((d) => d.counted).every((d) => d.date.startsWith('2021-06'))).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['subsidy/capped']);
  });
});

describe('summarizeActivities', () => {
  it('counts entries by type in the order of the format', () => {
    expect(summarizeActivities([{ type: '门诊' }, { type: '查房' }, { type: '门诊' }, { type: '门诊' }, { type: '查房' }])).toBe('门诊3次、查房2次');
    expect(summarizeActivities([])).toBe('');
  });

  it('computeSubsidy accepts any iterable (a generator over several logs)', () => {
    function* gen() {
      yield entry('2021-06-03', '张正高', '甲镇', '门诊');
      yield entry('2021-06-04', '张正高', '甲镇', '门诊');
    }
    const r = computeSubsidy({ month: '2021-06', policies: [POLICY], entries: gen(), resolvePerson: () => ({ name: '张正高', unit: '县人民医院', grade: '正高' }), resolveUnit: () => undefined });
    expect(r.grandTotalFen).toBe(70000);
    expect(r.payers.map((p) => p.payer.name).sort()).toEqual(['县人民医院', '甲镇']); // unresolved units shown as written
  });
});

describe('computeSubsidy: assumed amounts (FORMAT.md "Assumed values")', () => {
  const ASSUMED = policy({
    id: 'p-assumed',
    effective: '2021-01-01',
    rates: [
      { activities: ['门诊'], grade: '正高', amount: 250, per: 'halfDay', payer: 'host' },
      { activities: ['讲座'], grade: '正高', amount: 500, per: 'session', payer: 'host', basis: '某财〔2014〕1号', assumed: ['amount'] },
      { activities: ['会诊'], amount: 150, per: 'halfDay', payer: 'host', assumed: ['payer'] }, // the amount is from the source
    ],
    allowances: [{ name: '交通补贴', amount: 80, per: 'trip', payer: 'lead', assumed: true }],
  });
  const r = compute(
    [entry('2021-06-03', '张正高', '甲镇', '门诊'), entry('2021-06-04', '张正高', '乙镇', '讲座'), entry('2021-06-05', '张正高', '乙镇', '会诊')],
    { policies: [ASSUMED] },
  );
  const payer = (name: string) => r.payers.find((p) => p.payer.name === name)!;

  it('flags the details and rows an assumed amount pays, and only those', () => {
    expect(r.details.map((d) => [d.activity, d.item, d.assumed ?? false])).toEqual([
      ['门诊', '劳务费', false],
      ['门诊', '交通补贴', true],
      ['讲座', '劳务费', true],
      ['讲座', '交通补贴', true],
      ['会诊', '劳务费', false],
      ['会诊', '交通补贴', true],
    ]);
    expect(payer('甲镇卫生院').rows[0]!.assumed).toBeUndefined();
    expect(payer('甲镇卫生院').assumedNote).toBeUndefined();
    expect(payer('乙镇卫生院').rows[0]!.assumed).toBe(true);
  });

  it('names each assumed amount once in its payer\'s note, with the document a rate cites', () => {
    expect(payer('乙镇卫生院').assumedNote?.zh).toBe('※ 示意值，原文未规定：讲座（正高）500.00元/次（请按某财〔2014〕1号核实）。');
    expect(payer('县人民医院').assumedNote).toEqual({
      zh: '※ 示意值，原文未规定：交通补贴80.00元/趟。',
      en: '※ assumed, not in the source: 交通补贴 80.00 yuan per trip.',
    });
  });
});
