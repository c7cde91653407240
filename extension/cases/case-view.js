// One case: facts, next action with countdown, status, escalation (客服介入 / 12315), the
// evidence checklist, the captured evidence with hashes, the draft and the history.

import { $, copyButton, el } from '../lib/dom.js';
import { send, t } from '../lib/i18n.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { countdown, eventName, statusName, typeName } from '../lib/names.js';
import { nextStepText } from '../lib/next-step.js';
import { caseTitle, checklist, describeEvent, escalationReasons, fields12315, fieldsText } from './case-file.js';
import { explain, sayPage } from './page.js';

const current = { case: null, advice: null };
const newKey = () => crypto.randomUUID();

// A fresh advice for the saved order and problem: names the checklist and re-counts clocks.
async function adviceFor(c) {
  try {
    return await send({ type: 'advice/get', order: c.order, problem: { text: c.problem }, complaintType: c.type });
  } catch {
    return null; // the case is still worth showing without it
  }
}

function renderFacts(c) {
  const rows = [
    ['orderId', c.order_id],
    ['shop', c.order.shop?.name],
    ['totalPaid', c.order.total_paid && `¥${c.order.total_paid}`],
    ['caseType', typeName(c.type)],
    ['caseStatus', `${statusName(c.status)}${c.status_text ? `（${c.status_text}）` : ''}`],
    ['platformCaseId', c.platform_case_id],
    ['demand', [c.demand, c.demand_amount && `¥${c.demand_amount}`].filter(Boolean).join(' ')],
    ['problemSaved', c.problem],
    ['caseCreated', formatTime(c.created_at)],
  ];
  $('case-facts').replaceChildren(...rows.filter(([, v]) => v).flatMap(([key, value]) => [
    el('dt', { textContent: t(key) }), el('dd', { textContent: value, 'data-field': key })]));
}

function renderNext(c) {
  const parts = [nextStepText(c) || t('noNextAction')];
  if (c.due_at) parts.push(`（${t('clockDue', formatTime(c.due_at))}，${countdown(c.due_at, Date.now(), formatDuration)}）`);
  $('case-next').textContent = parts.join('');
  $('status-select').replaceChildren(...c.lifecycle.map((s) => el('option', { value: s, textContent: statusName(s), selected: s === c.status })));
}

function renderChecklist(c, advice) {
  $('case-checklist').replaceChildren(...checklist(c, advice).map((item) => {
    const id = `ck-${item.code}`;
    const box = el('input', { type: 'checkbox', id, checked: item.ticked });
    box.addEventListener('change', () => tick(item.code, box.checked));
    return el('li', { 'data-code': item.code }, box,
      el('label', { htmlFor: id, textContent: `${item.name}${item.required ? `（${t('required')}）` : ''}` }));
  }));
}

function renderEvidence(c, advice) {
  const names = Object.fromEntries((advice?.evidence || []).map((e) => [e.code, e.name]));
  $('case-evidence').tBodies[0].replaceChildren(...c.evidence.map((e) => el('tr', { 'data-code': e.code },
    el('td', {}, names[e.code] || e.code, el('span', { className: 'sub', textContent: e.file_name }),
      e.source_url ? el('span', { className: 'sub', textContent: e.source_url }) : null),
    el('td', { textContent: formatTime(e.captured_at || e.added_at) }),
    el('td', { className: 'hash', textContent: e.sha256 }))));
  $('case-evidence').hidden = c.evidence.length === 0;
  $('no-evidence').hidden = c.evidence.length > 0;
}

function renderEvents(c) {
  $('case-events').replaceChildren(...[...c.events].reverse().map((e) => el('li', { 'data-type': e.type },
    el('time', { dateTime: e.at, textContent: formatTime(e.at) }),
    eventName(e.type), describeEvent(e) ? `：${describeEvent(e)}` : '')));
}

function renderEscalation(c, advice) {
  const reasons = escalationReasons(c);
  $('escalation').hidden = !c.escalation?.offered;
  if (!c.escalation?.offered) return;
  $('esc-reasons').replaceChildren(...reasons.map((r) => el('li', { textContent: r })));
  $('esc-platform').hidden = !c.escalation.platform_open;
  const fields = fields12315(c, advice);
  $('fields-12315').replaceChildren(...fields.flatMap((f) => {
    const copy = copyButton(t('copy'), () => f.value, () => { $('esc-result').textContent = t('copiedField', f.label); });
    // Each copy button names what it copies, for screen readers.
    copy.setAttribute('aria-label', t('copyField', f.label));
    return [el('dt', { textContent: f.label }),
      el('dd', {}, el('span', { textContent: f.value, 'data-field': f.key }), copy)];
  }));
  $('mark-escalated').hidden = !c.escalation.can_mark_escalated;
}

function render() {
  const { case: c, advice } = current;
  document.title = `${caseTitle(c)} - ${t('myCases')}`;
  $('case-title').textContent = caseTitle(c);
  renderFacts(c);
  renderNext(c);
  renderEscalation(c, advice);
  renderChecklist(c, advice);
  renderEvidence(c, advice);
  $('case-draft').textContent = c.draft || '';
  renderEvents(c);
  $('case-view').hidden = false;
}

export async function showCase(id) {
  try {
    current.case = await send({ type: 'case/get', caseId: id });
  } catch (error) {
    $('case-view').hidden = true;
    sayPage(error.code === 'case_not_found' ? t('caseNotFound') : explain(error));
    return;
  }
  current.advice = await adviceFor(current.case);
  render();
}

async function update(patch, resultId) {
  try {
    current.case = await send({ type: 'case/update', caseId: current.case.id, patch, idempotencyKey: newKey() });
    render();
    return true;
  } catch (error) {
    $(resultId).textContent = error.code === 'invalid_transition' ? t('statusNotAllowed') : explain(error);
    return false;
  }
}

async function tick(code, checked) {
  const ticks = current.case.evidence_ticks;
  await update({ evidence_ticks: checked ? [...ticks, code] : ticks.filter((c) => c !== code) }, 'status-result');
}

$('status-save').addEventListener('click', async () => {
  const status = $('status-select').value;
  // The shopper knows best: a manual status is a correction when the lifecycle would refuse it.
  // The helper moves the next step and its reminder with the status.
  if (await update({ status, correction: true }, 'status-result')) {
    $('status-result').textContent = t('statusSaved', statusName(status));
  }
});
$('mark-escalated').addEventListener('click', async () => {
  if (await update({ status: 'escalated', correction: true }, 'esc-result')) {
    $('esc-result').textContent = t('statusSaved', statusName('escalated'));
  }
});
$('copy-12315').addEventListener('click', async () => {
  await navigator.clipboard.writeText(fieldsText(fields12315(current.case, current.advice)));
  $('esc-result').textContent = t('copied');
});
$('esc-open-platform').addEventListener('click', () => {
  chrome.tabs.create({ url: current.case.escalation.platform_url });
});
$('print-case').addEventListener('click', () => {
  chrome.tabs.create({ url: chrome.runtime.getURL(`cases/print.html?case=${current.case.id}`) });
});
$('delete-case').addEventListener('click', async () => {
  // A deletion also deletes the evidence files: ask first.
  if (!window.confirm(t('deleteConfirm'))) return;
  try {
    await send({ type: 'case/delete', caseId: current.case.id, idempotencyKey: newKey() });
    location.hash = '';
  } catch (error) {
    $('status-result').textContent = explain(error);
  }
});
