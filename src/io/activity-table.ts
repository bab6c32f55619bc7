// Activity logs kept as CSV or XLSX (日期/人员/单位/类型/半天数), read into the same typed
// document a YAML ActivityLog gives, with row positions for diagnostics.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { TypedDocument } from '../load/schema.js';

export async function readActivityTable(
  file: string,
  _bytes: Buffer,
  diags: Diagnostic[],
): Promise<TypedDocument<'ActivityLog'> | undefined> {
  diags.push({
    code: 'io/unsupported-file',
    severity: 'error',
    file,
    message: t(`暂不支持直接读取表格「${file}」，请先用 yilian import activity 转换。`, `Tables are not read directly yet; convert ${file} with yilian import activity.`),
  });
  return undefined;
}
