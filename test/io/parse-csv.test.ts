// parseCsv slices plain fields instead of adding characters one by one (a 500,000-row log spent
// most of its reading time there). Same rows as the character-by-character reading it replaced,
// kept here as the reference, on random CSV text: quotes anywhere, CRLF, lone CR, delimiters.
// A log is read from its bytes a piece at a time (eachCsvRowOfBytes): the same rows as the whole text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, eachCsvRow, eachCsvRowOfBytes, parseCsv } from '../../src/io/xlsx-read.js';

function reference(text: string): string[][] {
  const head = text.split(/\r?\n/, 12).join('\n');
  const count = (ch: string) => head.split(ch).length - 1;
  const delim = [',', '\t', ';'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv', () => {
  it('reads what the character-by-character reader read', () => {
    const piece = fc.constantFrom('a', '刘鹏飞', '2021-06-03', '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', ' ', '"x,y"', 'a"b', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(parseCsv(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('eachCsvRowOfBytes', () => {
  // Decoding and parsing a few bytes at a time gives the rows of decoding the whole file and
  // parsing its text: the same encoding, delimiter, quoted fields across pieces, and warning.
  const collect = (bytes: Uint8Array, chunk: number) => {
    const rows: string[][] = [];
    const warnings = eachCsvRowOfBytes(bytes, 'log.csv', (row) => rows.push([...row]), chunk);
    return { rows, codes: warnings.map((w) => w.code) };
  };
  const whole = (bytes: Uint8Array) => {
    const { text, warnings } = decodeCsv(bytes, 'log.csv');
    const rows: string[][] = [];
    eachCsvRow(text, (row) => rows.push([...row]));
    return { rows, codes: warnings.map((w) => w.code) };
  };
  const piece = fc.constantFrom('a', '刘鹏飞', '2021-06-03', '1.5E+10', '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', ' ', '"x,\ny"', 'a"b', '');
  const encode = (text: string, how: number): Uint8Array => {
    const utf8 = Buffer.from(text, 'utf8');
    if (how === 1) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    if (how === 2) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // GB18030 bytes of 刘鹏飞 (not UTF-8): the whole file is then read as GB18030
    if (how === 3) return Buffer.from(utf8.toString('latin1').replace(/\u00e5\u0088\u0098/g, '\u00c1\u00f5'), 'latin1');
    if (how === 4) return Buffer.concat([utf8, Buffer.from([0xff, 0x0a, 0x81])]); // broken bytes at a line end
    return utf8;
  };

  it('reads what decoding the whole file and parsing its text reads, in pieces of any size', () => {
    fc.assert(
      // a dozen lines first, at times: the first piece holds them all (the delimiter is sniffed there)
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 80 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 40 }), (head, parts, how, chunk) => {
        const bytes = encode((head ? 'a,b\n'.repeat(12) : '') + parts.join(''), how);
        expect(collect(bytes, chunk)).toEqual(whole(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('sniffs the delimiter from the first twelve lines even when the first piece is shorter', () => {
    const text = 'caption\n' + 'a;b;c\n'.repeat(11) + 'x,y\n'.repeat(30);
    const { rows } = collect(Buffer.from(text), 4);
    expect(rows[1]).toEqual(['a', 'b', 'c']);
    expect(rows[20]).toEqual(['x,y']);
  });
});
