/** The check rules as the app lists them (title, severity, description, fix). */
import { CHECKS } from '@raccord/core/checks/index.ts';
import type { RuleInfo } from './types.ts';

export function ruleInfos(): RuleInfo[] {
  return CHECKS.map((c) => ({ code: c.code, title: c.title, severity: c.severity, description: c.description, fix: c.fix }));
}
