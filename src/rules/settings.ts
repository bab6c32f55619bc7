// settings: the Settings documents' own mistakes (an unknown rule id, a locked code), at the key.
// Its codes (settings/*) cannot be turned down, so a typo in the settings never hides itself.
import { SETTINGS_CODES } from '../codes/settings.js';
import { t } from '../model/diagnostic.js';
import { RULE_IDS } from './index.js';
import type { Rule } from './rule.js';
import { workspaceLevels } from './severity.js';

export const settings: Rule = {
  id: 'settings',
  meta: { description: t('设置中的规则名和级别有效', 'Settings name real rules and codes'), defaultSeverity: 'error', codes: [SETTINGS_CODES] },
  check: (ws) => workspaceLevels(ws, RULE_IDS()).problems,
};
