// Small helpers rules share to build positioned diagnostics.
import { at, type Diagnostic } from '../model/diagnostic.js';
import { locOf } from '../load/schema.js';
import type { PathKey } from '../load/yaml.js';

/** The place of a field of a loaded record (or of the record itself), for a family's `raise`. */
export function where(obj: object | undefined, field?: PathKey): Pick<Diagnostic, 'file' | 'line' | 'col'> {
  return at(locOf(obj, field));
}
