// On a form Tousu filled: what was filled and checked, what is left to the shopper and why,
// and the evidence the order's advice still lacks. The fill result is the worker's, per tab.

import { $, el } from '../lib/dom.js';
import { send, t } from '../lib/i18n.js';

const label = (x) => (typeof x === 'string' ? x : x?.label || x?.name || x?.field || '');
const reasonOf = (x) => (typeof x === 'string' ? '' : x?.reason || x?.why || '');

function fillList(id, items) {
  $(id).replaceChildren(...items.map((x) => el('li', {},
    label(x), reasonOf(x) ? el('span', { className: 'sub', textContent: `（${reasonOf(x)}）` }) : null)));
  const box = $(`${id}-box`);
  if (box) box.hidden = items.length === 0;
}

// `progress` is the saved flow of the order being complained about (may be empty).
export async function showFillReport(tabId, progress = {}) {
  const result = await send({ type: 'fill/result', tabId });
  $('fill-report-none').hidden = Boolean(result);
  $('fill-report-body').hidden = !result;
  if (!result) return false;
  const filled = result.filled || [];
  $('fr-filled-title').textContent = t('fillReportFilled', filled.length);
  fillList('fr-filled', filled);
  fillList('fr-left', result.leftForShopper || result.left_for_shopper || []);
  fillList('fr-missing', result.missing || []);
  const ticks = progress.ticks || [];
  const missing = (progress.advice?.evidence || []).filter((e) => e.required && !ticks.includes(e.code));
  fillList('fr-evidence', missing.map((e) => e.name));
  $('fr-warnings').replaceChildren(...(result.warnings || []).map((w) => el('li', { textContent: label(w) || w.message || '' })));
  return true;
}
