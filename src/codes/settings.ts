// Codes of the workspace settings (kind: Settings, `--rule`): a level set for a rule or code that
// does not exist, or for a code no workspace may turn down. Like the loader's, these are locked.
import { t } from '../model/diagnostic.js';
import { family, msg } from './declare.js';

export const SETTINGS_CODES = family('settings', t('设置', 'settings'), {
  'unknown-rule': {
    severity: 'error',
    description: t('设置中写的规则或代码不存在，该项设置不生效。', 'A setting names a rule or code that does not exist; it has no effect.'),
    help: t('改为 yilian explain 列出的规则名（如 group-disjoint）或代码（如 deadline/due-soon）。', 'Use a rule id (e.g. group-disjoint) or a code (e.g. deadline/due-soon) that yilian explain lists.'),
    message: msg('没有名为「{key}」的规则或代码。', 'There is no rule or code "{key}".'),
  },
  renamed: {
    severity: 'info',
    description: t('设置中用的是代码的旧名；设置仍然有效。', 'A setting names a code by its former id; it still applies.'),
    help: t('改用新名（见提示或 yilian explain 旧名）。', 'Use the new id (see the message, or yilian explain with the old id).'),
    message: msg('「{key}」已改名为「{now}」，这项设置仍然有效；建议改用新名。', '"{key}" was renamed "{now}"; the setting still applies, but use the new name.'),
  },
  locked: {
    severity: 'error',
    description: t('读取、格式、字段和导入类代码（yaml/*、text/*、doc/*、schema/*、io/*、import/*、settings/*）不能调整级别。', 'Reading, YAML, field and import codes (yaml/*, text/*, doc/*, schema/*, io/*, import/*, settings/*) cannot be set to another level.'),
    help: t('删去这一项：文件读不通时，其余内容都无法检查。', 'Remove the setting: when a file cannot be read, nothing else in it can be checked.'),
    message: msg('「{key}」是读取或格式类代码，不能调整级别或关闭。', '"{key}" is a reading or format code; its level cannot be changed or turned off.'),
  },
});
