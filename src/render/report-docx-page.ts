// The page of a 公文 (GB/T 9704-2012, 党政机关公文格式) in Word's units, and the fonts it names:
// what report-docx.ts lays the progress report out on. Twips are 1/20 pt; run sizes half-points.
//
// Fonts: the standard names 方正小标宋简体 (title), 仿宋_GB2312 (body), 黑体 (一、), 楷体_GB2312
// (（一）) and 宋体 (page numbers). Offices print on Windows/WPS machines that have them; where one
// is missing, the font table's altName (ECMA-376 §17.8.3.1, read by Word and WPS) names the face to
// use instead: 华文中宋/宋体 for the title, 仿宋 and 楷体 (which every Windows since Vista ships)
// for the GB2312 faces. Linux has none of these, so LibreOffice there prints its own fallbacks
// (Noto CJK); `w:lang eastAsia="zh-CN"` makes it pick the simplified Chinese glyphs.

const MM = 1440 / 25.4;
const mm = (x: number) => Math.round(x * MM);

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37 mm, bottom 35 mm, 订口 (left) 28 mm, right 26 mm: a type area of 156 × 225 mm. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
export const TYPE_AREA = { width: PAGE.width - MARGIN.left - MARGIN.right, height: PAGE.height - MARGIN.top - MARGIN.bottom } as const;

/**
 * The wide tables (seven columns or more: the work plan, quotas, coverage, the 问题清单) are set on
 * A4 landscape pages with the same margin on each edge, a type area 243 mm wide instead of 156 mm,
 * so 工作任务 and 说明 are not squeezed to six characters a line.
 */
export const WIDE_COLUMNS = 7;
export const LANDSCAPE_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

/** 22 lines of 28 characters a page. */
export const LINES = 22;
export const CHARS = 28;

/** Point sizes of the Chinese size names used here. */
export const PT = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

/** Body text size: the document grid is built on it. */
export const BODY_PT = PT.三号;

/**
 * 22 lines of 28 characters. Lines: a line grid (w:docGrid type "lines") of 225 mm / 22, and every
 * body line exactly one pitch high (固定值), as 公文 templates set them. Characters: 156 mm / 28 is
 * 15.8 pt, a little under the 16 pt of 3号, so each character is set 0.25 pt tighter (w:spacing
 * −5 twips). Word's own "lines and characters" grid (charSpace −842) would squeeze the same, but
 * LibreOffice gives a 16 pt character two cells of a 15.8 pt grid and prints 14 to a line; the
 * tighter spacing reads the same in Word, WPS and LibreOffice. Both round down, so that 22 lines
 * and 28 characters fit rather than 21 and 27.
 */
export const GRID = { linePitch: Math.floor(TYPE_AREA.height / LINES) } as const;
/** One character of the line in twips (indents of 空二字, 空四字). */
export const CHAR_PITCH = Math.floor(TYPE_AREA.width / CHARS);
/** Character spacing of body text (twips; negative is tighter) that gives CHAR_PITCH. */
export const CHAR_SPACING = CHAR_PITCH - BODY_PT * 20;

/**
 * The page number sits 7 mm below the type area (GB/T 9704 §7.5): the footer's bottom edge is
 * that far above the paper's edge, less the number's own 4号 line.
 */
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - PT.四号 * 20;
export const HEADER_DISTANCE = mm(15);

export interface FontFace {
  /** The name the file asks for. */
  name: string;
  /** altName: the faces to use where it is not installed, comma-separated. */
  alt?: string;
}

export const FONTS = {
  title: { name: '方正小标宋简体', alt: '华文中宋,宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading1: { name: '黑体' },
  heading2: { name: '楷体_GB2312', alt: '楷体' },
  pageNumber: { name: '宋体' },
} as const satisfies Record<string, FontFace>;

/** `<w:font>` entries for the font table: charset GB2312 (86), with the fallbacks above. */
export function fontTableEntries(): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of Object.values(FONTS) as FontFace[]) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    const alt = f.alt ? `<w:altName w:val="${f.alt}"/>` : '';
    out.push(`<w:font w:name="${f.name}">${alt}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`);
  }
  return out.join('');
}
