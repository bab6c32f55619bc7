// The wine smoke test's comparison (scripts/release/compare.mjs) must fail on one changed
// exit code, one changed finding, one changed xlsx byte or one changed message — and accept the
// Windows form of the workspace path in the terminal.
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs release script without type declarations
import { compareRuns, normalizeText } from '../../scripts/release/compare.mjs';

type Run = { code: number; stdout: string; stderr: string; files?: Record<string, Buffer> };
const cmp = compareRuns as (label: string, a: Run, b: Run, o?: { json?: boolean; paths?: { linux: string; windows: string } }) => string[];

const findings = JSON.stringify({ findings: [{ code: 'quota/below', file: 'quotas.yaml', line: 8, value: 3 }] });
const xlsx = Buffer.from('PK\x03\x04 workbook bytes');

describe('compareRuns', () => {
  it('agrees when exit codes, JSON, files and messages agree', () => {
    expect(cmp('check', { code: 1, stdout: findings, stderr: '' }, { code: 1, stdout: findings.replace(/,/g, ', '), stderr: '' }, { json: true })).toEqual([]);
    expect(cmp('roster', { code: 0, stdout: '已写入', stderr: '', files: { 'a.xlsx': xlsx } }, { code: 0, stdout: '已写入\r\n'.trim(), stderr: '', files: { 'a.xlsx': Buffer.from(xlsx) } })).toEqual([]);
  });

  it('fails on one exit code', () => {
    expect(cmp('validate', { code: 0, stdout: '', stderr: '' }, { code: 1, stdout: '', stderr: '' })).toEqual(['validate: exit code 1 under wine, 0 on Linux']);
  });

  it('fails on one finding', () => {
    const other = findings.replace('"value":3', '"value":4');
    expect(cmp('check', { code: 1, stdout: findings, stderr: '' }, { code: 1, stdout: other, stderr: '' }, { json: true })).toEqual(['check: JSON differs at $.findings[0].value (3 vs 4)']);
  });

  it('fails on one xlsx byte', () => {
    const b = Buffer.from(xlsx);
    b[5] ^= 1;
    expect(cmp('roster', { code: 0, stdout: '', stderr: '', files: { 'a.xlsx': xlsx } }, { code: 0, stdout: '', stderr: '', files: { 'a.xlsx': b } })).toEqual([
      `roster: a.xlsx differs from byte 5 (${xlsx.length} bytes on Linux, ${xlsx.length} under wine)`,
    ]);
  });

  it('fails on one message, and reads the Windows workspace path as the Linux one', () => {
    const paths = { linux: '/tmp/我的 文档/光山 计划', windows: 'Z:\\tmp\\我的 文档\\光山 计划' };
    const linux = { code: 1, stdout: '/tmp/我的 文档/光山 计划/roster.yaml:45:28  错误  未知单位「寨和」', stderr: '' };
    const wine = { code: 1, stdout: 'Z:\\tmp\\我的 文档\\光山 计划\\roster.yaml:45:28  错误  未知单位「寨和」\r\n', stderr: '' };
    expect(cmp('validate', { ...linux, stdout: linux.stdout + '\n' }, wine, { paths })).toEqual([]);
    expect(cmp('validate', linux, { ...wine, stdout: wine.stdout.replace('寨和', '寨河').trim() }, { paths })).toHaveLength(1);
    expect(normalizeText('光山 计划\\roster.yaml:45:28', '光山 计划', '光山 计划')).toBe('光山 计划/roster.yaml:45:28');
    expect(normalizeText('见 Z:\\tmp\\我的 文档\\光山 计划\\sub\\roster.yaml。', paths.windows, paths.linux)).toBe('见 /tmp/我的 文档/光山 计划/sub/roster.yaml。');
  });
});
