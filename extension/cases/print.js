// The printable case file (案件材料): the 12315 fields, the evidence with SHA-256 hashes and
// capture times, the checklist and the history, ready for window.print() or "save as PDF".

import { $, el } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';
import { formatTime } from '../lib/format.js';
import { eventName, statusName } from '../lib/names.js';
import { chinaIso } from '../lib/time.js';
import { caseTitle, checklist, describeEvent, fields12315 } from './case-file.js';
import { explain, sayPage } from './page.js';

function render(c, advice) {
  const names = Object.fromEntries((advice?.evidence || []).map((e) => [e.code, e.name]));
  document.title = `${t('fileTitle', caseTitle(c))} - ${t('appTitle')}`;
  $('file-title').textContent = t('fileTitle', caseTitle(c));
  $('file-meta').textContent = t('fileMeta', statusName(c.status), formatTime(chinaIso()));
  $('file-fields').replaceChildren(...fields12315(c, advice).flatMap((f) => [
    el('dt', { textContent: f.label }), el('dd', { textContent: f.value, 'data-field': f.key })]));
  $('file-evidence').tBodies[0].replaceChildren(...c.evidence.map((e, i) => el('tr', {},
    el('td', { textContent: String(i + 1) }),
    el('td', {}, names[e.code] || e.code, el('span', { className: 'sub', textContent: e.file_name }),
      e.source_url ? el('span', { className: 'sub', textContent: e.source_url }) : null),
    el('td', { textContent: formatTime(e.captured_at || e.added_at) }),
    el('td', { className: 'hash', textContent: e.sha256 }))));
  $('file-evidence').hidden = c.evidence.length === 0;
  $('file-no-evidence').hidden = c.evidence.length > 0;
  $('file-checklist').replaceChildren(...checklist(c, advice).map((item) => el('li', {},
    `${item.ticked ? '☑' : '☐'} ${item.name}${item.required ? `（${t('required')}）` : ''}`)));
  $('file-events').replaceChildren(...c.events.map((e) => el('li', {},
    el('time', { dateTime: e.at, textContent: formatTime(e.at) }), eventName(e.type),
    describeEvent(e) ? `：${describeEvent(e)}` : '')));
  $('file').hidden = false;
}

async function load() {
  localize();
  $('print').addEventListener('click', () => window.print());
  const id = new URLSearchParams(location.search).get('case');
  try {
    const c = await send({ type: 'case/get', caseId: id });
    let advice = null;
    try {
      advice = await send({ type: 'advice/get', order: c.order, problem: { text: c.problem }, complaintType: c.type });
    } catch {
      // Without advice the checklist shows the ticked codes only.
    }
    render(c, advice);
  } catch (error) {
    sayPage(error.code === 'case_not_found' ? t('caseNotFound') : explain(error));
  }
}

load();
