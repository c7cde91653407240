// The state box both screens show instead of the orders (not a shop page, not logged in, the
// helper not answering...): its text and which ways out it offers.

import { $ } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { HELPER_STATES } from '../lib/helper-states.js';

// The helper failures that the options page can fix (pairing, the port).
const FIXED_IN_OPTIONS = new Set(['not_paired', 'not_tousu', 'helper_unreachable']);

export function renderState(messageKey, { retry = true, options = false, cases = false, detail } = {}) {
  $('state-text').textContent = detail === undefined ? t(messageKey) : t(messageKey, detail);
  $('sync-box').hidden = true;
  $('state-actions').hidden = !(retry || options || cases);
  $('retry').hidden = !retry;
  $('open-options').hidden = !options;
  $('state-open-cases').hidden = !cases;
}

// [message key, options] for a helper failure.
export function stateOfError(error) {
  const key = HELPER_STATES[error.code];
  if (key) return [key, { options: FIXED_IN_OPTIONS.has(error.code) }];
  return ['stateError', { detail: error.message || String(error) }];
}
