// The page-level status line of 我的投诉, and how helper failures read there.

import { $ } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { HELPER_STATES } from '../lib/helper-states.js';


export function sayPage(text) {
  $('page-state').textContent = text;
}

export function explain(error) {
  const key = HELPER_STATES[error.code];
  return key ? t(key) : t('stateError', error.message || String(error));
}
