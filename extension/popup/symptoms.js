// Quick symptom chips under the problem box. The codes are the helper's symptom codes
// (helper.advice symptom_codes); the most common ones are listed here with i18n labels until
// the helper offers them over the API. Each chip is a toggle button (aria-pressed).

import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export const SYMPTOMS = [
  'no_power', 'no_sound', 'broken', 'damaged_on_arrival', 'wrong_item', 'missing_parts',
  'not_as_pictured', 'fake', 'not_shipped', 'no_tracking_update', 'refund_refused', 'spoiled_food',
];

export function renderSymptoms(selected = [], onChange = () => {}) {
  const box = $('symptoms');
  box.querySelectorAll('button').forEach((b) => b.remove());
  for (const code of SYMPTOMS) {
    const chip = el('button', {
      type: 'button', className: 'chip', textContent: t(`symptom_${code}`),
      'data-code': code, 'aria-pressed': String(selected.includes(code)),
    });
    chip.addEventListener('click', () => {
      chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true'));
      onChange(selectedSymptoms());
    });
    box.append(chip);
  }
}

export function selectedSymptoms() {
  return [...$('symptoms').querySelectorAll('button[aria-pressed="true"]')].map((b) => b.dataset.code);
}

export function symptomText(codes) {
  return codes.map((code) => t(`symptom_${code}`)).join('，');
}
