// The fonts every yilian sheet names and the page it prints on (why: see xlsx-print.ts and
// docs/DESIGN.md "Printing").
// 宋体 for the body and 黑体 for titles are what Chinese offices print forms in; naming them on
// every cell (and as the workbook default) keeps Excel, WPS and LibreOffice from substituting a
// Latin face for 合计 or ¥, or a Japanese variant of the CJK glyphs.
/** Body text size (pt) and the smallest size allowed on paper (pt). */
export const BODY_PT = 11;
export const TITLE_PT = 16;
export const MIN_PRINT_PT = 9;
/** The lowest print scale (%) at which BODY_PT still prints at MIN_PRINT_PT. */
export const MIN_SCALE = Math.ceil((MIN_PRINT_PT / BODY_PT) * 100);

// charset 134 = GB2312, family 3 = modern: tells Excel/WPS the face is Chinese when it is missing.
const CJK = { charset: 134, family: 3 } as const;
export const FONT_BODY = { name: '宋体', size: BODY_PT, ...CJK };
export const FONT_BOLD = { ...FONT_BODY, bold: true };
export const FONT_TITLE = { name: '黑体', size: TITLE_PT, ...CJK };
export const FONT_CAPTION = { name: '黑体', size: 12, ...CJK };
/** Red for what needs attention (未覆盖, 未计费). */
export const FONT_RED = { ...FONT_BODY, color: { argb: 'FFC00000' } };
export const FONT_RED_BOLD = { ...FONT_RED, bold: true };
export const FONT_MUTED = { ...FONT_BODY, italic: true, color: { argb: 'FF6B7680' } };


/** The workbook's default font (styles.xml font 0), written by finalizeXlsx. */
export const DEFAULT_FONT_XML = `<font><sz val="${BODY_PT}"/><name val="${FONT_BODY.name}"/><family val="3"/><charset val="134"/></font>`;

/** Margins (inches) of every sheet. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
