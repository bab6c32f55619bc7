// The report's timeline read back from its SVG: one row per work-plan item of the report's table
// (with its status), one span per duty in the judged state, one row per dispatch batch.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/report-html.js';
import { timelineSvg } from '../../src/render/timeline-svg.js';
import { findAll, hasClass, parseXml, type XmlElement } from '../helpers/xml.js';
import { col, exampleReport, tableOf } from './helpers.js';

const rowsOf = (svg: XmlElement, group: string) => findAll(svg, (e) => e.name === 'g' && hasClass(e, 'tl-row') && hasClass(e, `row-${group}`));
const spansOf = (row: XmlElement) => findAll(row, (e) => e.name === 'rect' && hasClass(e, 'tl-span'));
const stateOf = (e: XmlElement) => (e.attrs.class ?? '').split(/\s+/).find((c) => c.startsWith('state-'))?.slice(6);
const textOf = (row: XmlElement, cls: string) => findAll(row, (e) => e.name === 'text' && hasClass(e, cls))[0]?.text;

describe('timeline of wuchuan-2017 (2017–2022) as of 2021-07-10', async () => {
  const r = await exampleReport('wuchuan-2017', '2021-07-10', '2021-Q2');
  const svg = parseXml(timelineSvg(r.timeline));
  const table = tableOf(r, 'workplan-items');

  it('has one row per item of the work-plan table, with the table status', () => {
    const rows = rowsOf(svg, 'items');
    expect(rows.map((g) => g.attrs.id)).toEqual(table.rows.map((row) => `tl-item-${row[col(table, '序号')]}`));
    expect(rows.map((g) => textOf(g, 'tl-state'))).toEqual(table.rows.map((row) => row[col(table, '状态')]));
  });

  it('draws item 7 (每年3月和9月) per period: 2018 shown by the roster, 2020-09 missed, none after the cycle ends (2022-06-03)', () => {
    const row = rowsOf(svg, 'items').find((g) => g.attrs.id === 'tl-item-7')!;
    const byKey = Object.fromEntries(spansOf(row).map((s) => [s.attrs['data-key'], stateOf(s)]));
    expect(Object.keys(byKey)).toHaveLength(9); // 2018-03 … 2022-03: the cycle ends before 2022-09
    expect(byKey).toMatchObject({ '2018-03': 'satisfied', '2018-09': 'satisfied', '2020-09': 'missed', '2021-03': 'missed', '2021-09': 'not-yet-owed', '2022-03': 'not-yet-owed' });
  });

  it('has one row per dispatch batch, each with its people', () => {
    const batches = rowsOf(svg, 'dispatch');
    expect(batches.map((g) => textOf(g, 'tl-label'))).toEqual(['第一批（2人）', '第二批（1人）', '第三批（1人）']);
    for (const g of batches) {
      expect(spansOf(g).map(stateOf)).toEqual(['batch-ended']);
      expect(findAll(g, (e) => hasClass(e, 'tl-assignment')).length).toBe(Number(/（(\d+)人）/.exec(textOf(g, 'tl-label')!)![1]));
    }
  });

  it('names the years in Chinese and marks the as-of day', () => {
    const years = findAll(svg, (e) => hasClass(e, 'tl-year-label')).map((e) => e.text);
    expect(years).toEqual(['2017年', '2018年', '2019年', '2020年', '2021年', '2022年']);
    expect(findAll(svg, (e) => hasClass(e, 'tl-asof-label'))[0]?.text).toBe('截至 2021-07-10');
  });

  it('tells overdue and missed apart from done without colour: a pattern, a mark and the word', () => {
    const bad = findAll(svg, (e) => hasClass(e, 'tl-span') && (stateOf(e) === 'missed' || stateOf(e) === 'overdue'));
    expect(bad.length).toBeGreaterThan(0);
    for (const s of bad) expect(s.attrs.fill).toBe('url(#tl-bad)');
    const done = findAll(svg, (e) => hasClass(e, 'tl-span') && stateOf(e) === 'satisfied');
    for (const s of done) expect(s.attrs.fill).not.toBe('url(#tl-bad)');
    expect(findAll(svg, (e) => hasClass(e, 'tl-legend')).map(stateOf)).toEqual(r.timeline.legend.map((l) => l.state));
  });

  it('is embedded in the HTML report inline', () => {
    const html = renderReportHtml(r);
    expect(html).toContain('<section id="timeline">');
    expect(html).toContain(timelineSvg(r.timeline));
  });
});

describe('timeline of guangshan-2021 as of 2021-07-10', async () => {
  const r = await exampleReport('guangshan-2021', '2021-07-10', '2021-Q2');
  const svg = parseXml(timelineSvg(r.timeline));
  const table = tableOf(r, 'workplan-items');

  it('has one row per item with its status, and one span per duty', () => {
    const rows = rowsOf(svg, 'items');
    expect(rows).toHaveLength(table.rows.length);
    expect(rows.map((g) => textOf(g, 'tl-state'))).toEqual(table.rows.map((row) => row[col(table, '状态')]));
    const quarterly = rows.find((g) => g.attrs.id === 'tl-item-3')!;
    expect(spansOf(quarterly).map((s) => [s.attrs['data-key'], stateOf(s)])).toEqual([
      ['2021-Q2', 'missed'],
      ['2021-Q3', 'open'],
      ['2021-Q4', 'not-yet-owed'],
      ['2022-Q1', 'not-yet-owed'],
      ['2022-Q2', 'not-yet-owed'],
    ]);
  });

  it('draws the one batch that left in May 2021 as one bar, its 23 people counted', () => {
    const [batch, ...rest] = rowsOf(svg, 'dispatch');
    expect(rest).toHaveLength(0);
    expect(textOf(batch!, 'tl-label')).toBe('2021年5月派出（23人）');
    expect(spansOf(batch!).map(stateOf)).toEqual(['batch-active']);
  });

  it('names the months of a one-year range', () => {
    const months = findAll(svg, (e) => hasClass(e, 'tl-month-label')).map((e) => e.text);
    expect(months).toContain('7月');
  });
});
