// The fill area's extras: which items of a multi-item order the problem concerns (and how
// many), the shopper's own photos for the form's uploader, and the per-field fill report.

import { $ } from '../lib/dom.js';
import { send, t } from '../lib/i18n.js';
import { view } from './view.js';

const goods = () => (view.order?.items || []).filter((i) => !i.pseudo && i.sub_order_id);

export function renderFillPanel({ onAddFiles }) {
  const items = goods();
  const box = $('fill-items');
  box.replaceChildren();
  box.hidden = items.length < 2;
  if (items.length >= 2) {
    const legend = document.createElement('legend');
    legend.textContent = t('fillItemsTitle');
    box.append(legend);
    items.forEach((item, i) => {
      const row = document.createElement('div');
      row.className = 'fill-item';
      const check = Object.assign(document.createElement('input'), {
        type: 'checkbox', id: `fill-item-${i}`, checked: i === 0,
      });
      check.dataset.subOrderId = item.sub_order_id;
      const label = Object.assign(document.createElement('label'), { htmlFor: check.id, textContent: item.title });
      const qty = Object.assign(document.createElement('input'), {
        type: 'number', min: '1', max: String(Math.max(item.quantity || 1, 1)), value: '1', id: `fill-qty-${i}`,
      });
      qty.setAttribute('aria-label', t('fillItemQuantity', item.title));
      row.append(check, label, qty);
      box.append(row);
    });
  }
  const codes = $('fill-file-code');
  codes.replaceChildren(...(view.advice?.evidence || []).map((e) => new Option(e.name, e.code)));
  const input = $('fill-files');
  input.onchange = () => onAddFiles([...input.files]).finally(() => { input.value = ''; });
}

// The advice's contract: [{sub_order_id, quantity}] for the chosen items.
export function affectedItems() {
  const items = goods();
  if (items.length < 2) return items.length ? [{ sub_order_id: items[0].sub_order_id, quantity: 1 }] : [];
  return [...$('fill-items').querySelectorAll('input[type=checkbox]')]
    .filter((c) => c.checked)
    .map((c) => {
      const qty = Number(c.parentElement.querySelector('input[type=number]').value) || 1;
      return { sub_order_id: c.dataset.subOrderId, quantity: Math.max(1, Math.round(qty)) };
    });
}

function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function addFiles(files, caseId) {
  const code = $('fill-file-code').value;
  const added = [];
  for (const file of files) {
    const dataUrl = await readAsDataUrl(file);
    const { evidence } = await send({
      type: 'evidence/add-file', caseId, code, fileName: file.name.slice(0, 200),
      mediaType: file.type || 'application/octet-stream', dataUrl, idempotencyKey: crypto.randomUUID(),
    });
    added.push(evidence);
  }
  return added;
}

const STATUS_KEYS = {
  filled_verified: 'fillStatusVerified',
  filled_unconfirmed: 'fillStatusUnconfirmed',
  left_for_shopper: 'fillStatusLeft',
};

function reasonText(reason) {
  return reason ? t(`fillReason_${reason}`) || reason : '';
}

// One line per field: what was filled and checked, what is left to the shopper and why.
export function renderFillReport(result) {
  const list = $('fill-fields');
  list.replaceChildren();
  const rows = [...(result.tabs || [result])].flatMap((r) => [
    ...r.fields.filter((f) => f.status !== 'left_for_shopper'),
    ...r.left.map((l) => ({ label: l.label, status: 'left_for_shopper', reason: l.reason })),
  ]);
  for (const row of rows) {
    const li = document.createElement('li');
    li.dataset.status = row.status;
    const reason = reasonText(row.reason);
    li.textContent = `${row.label}：${t(STATUS_KEYS[row.status])}${reason ? `（${reason}）` : ''}`;
    list.append(li);
  }
  list.hidden = rows.length === 0;
}
