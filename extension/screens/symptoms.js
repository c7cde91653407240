// Quick symptom chips under the problem box. The chips are the helper's (GET /advice/symptoms,
// fetched once through the service worker); the screen only picks the label for the UI
// language. Each chip is a toggle button (aria-pressed).

import { $, el } from '../lib/dom.js';
import { send } from '../lib/i18n.js';

let catalog = null;
let loading = null;

// One request shared by every render, so renders finish in the order they were asked for.
function symptoms() {
  loading ??= send({ type: 'advice/symptoms' })
    .then((data) => { catalog = data.symptoms; return catalog; })
    .catch(() => { loading = null; return []; }); // no helper yet: the problem box alone still works
  return loading;
}

const english = () => !chrome.i18n.getUILanguage().toLowerCase().startsWith('zh');
const label = (s) => (english() && s.label_en) || s.label_zh;

export async function renderSymptoms(selected = [], onChange = () => {}) {
  const list = await symptoms();
  const box = $('symptoms');
  box.querySelectorAll('button').forEach((b) => b.remove());
  for (const symptom of list) {
    const chip = el('button', {
      type: 'button', className: 'chip', textContent: label(symptom),
      'data-code': symptom.code, 'aria-pressed': String(selected.includes(symptom.code)),
    });
    chip.addEventListener('click', () => {
      chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true'));
      onChange(selectedSymptoms());
    });
    box.append(chip);
  }
  box.hidden = list.length === 0;
}

export function selectedSymptoms() {
  return [...$('symptoms').querySelectorAll('button[aria-pressed="true"]')].map((b) => b.dataset.code);
}

export function symptomText(codes) {
  const names = new Map((catalog || []).map((s) => [s.code, label(s)]));
  return codes.map((code) => names.get(code) || code).join('，');
}
