// Small helpers rules share to build positioned diagnostics.
import { at, type Diagnostic, type Severity, type Text } from '../model/diagnostic.js';
import { locOf } from '../load/schema.js';
import type { PathKey } from '../load/yaml.js';

export function diagAt(
  code: string,
  severity: Severity,
  obj: object | undefined,
  field: PathKey | undefined,
  message: Text,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, severity, ...at(locOf(obj, field)), message, ...extra };
}
