// On the complaint list (投诉管理) or refund list (退款管理) the worker has already synced the
// cases; this says what changed in the shopper's words.

import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { statusName } from '../lib/names.js';

export function renderSync(reading) {
  const sync = reading.sync || { changed: [], unchanged: [], unmatched: [] };
  let key;
  if (sync.changed.length) key = 'syncChanged';
  else if (sync.unchanged.length) key = 'syncUnchanged';
  else if (reading.cases?.length) key = 'syncNoCases';
  else key = 'syncEmptyList';
  $('state-text').textContent = t(key, sync.changed.length);
  $('sync-changes').replaceChildren(...sync.changed.map((c) => el('li', { 'data-case': c.case_id },
    t('syncChange', c.order_id, statusName(c.from_status), statusName(c.to_status), c.status_text))));
  $('sync-box').hidden = sync.changed.length === 0;
}
