// Chinese (or English) names for the codes the helper stores: case statuses, complaint types,
// event types, evidence codes. All through chrome.i18n; an unknown code shows as itself.

import { t } from './i18n.js';

function named(prefix, code) {
  if (!code) return '';
  const key = `${prefix}_${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export const statusName = (code) => named('caseStatus', code);
export const typeName = (code) => named('type', code);
export const eventName = (code) => named('event', code);
export const evidenceName = (code) => named('evidence', code);

export function countdown(dueAt, now = Date.now(), format) {
  if (!dueAt) return '';
  const seconds = Math.round((Date.parse(dueAt) - now) / 1000);
  return seconds <= 0 ? t('overdueBy', format(-seconds)) : t('clockLeft', format(seconds));
}
