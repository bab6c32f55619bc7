// The rule contract (modelled on ESLint/Spectral): one module per rule, an explicit registry.
import type { CodeFamily } from '../codes/declare.js';
import type { Diagnostic, Severity, Text } from '../model/diagnostic.js';
import type { Workspace } from '../load/workspace.js';

export interface RuleContext {
  /** The date the check is made as of (ISO). Rules never read the clock. */
  asOf?: string;
  /** Look-ahead window in days for "due soon" style findings. */
  withinDays?: number;
  /** Levels from the command line (`--rule`), over the workspace's Settings. */
  levels?: ReadonlyMap<string, 'error' | 'warning' | 'info' | 'off'>;
}

export interface Rule {
  id: string;
  meta: {
    description: Text;
    defaultSeverity: Severity;
    /**
     * Every code the rule raises, declared here (ESLint `meta.messages`): the rule id is the
     * prefix, except for the older families deadline/*, recurrence/*, quota/*, calendar/*.
     */
    codes: readonly CodeFamily[];
  };
  check(ws: Workspace, ctx: RuleContext): Diagnostic[];
}
