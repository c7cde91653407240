// 保存案件, the evidence ticks, 截图存证 and 预填: everything in the advice view that writes to
// the shopper's case. Each click gets its own Idempotency-Key, so a message delivered twice
// saves once.

import { $ } from '../lib/dom.js';
import { send, t } from '../lib/i18n.js';
import { renderEvidence } from './advice-view.js';
import { openCasesPage, saveState, view } from './view.js';
import { addFiles, affectedItems, renderFillReport } from './fill-panel.js';

// Which checklist item a capture of this kind of page proves.
const CAPTURE_CODES = { order_detail: 'order_detail', order_list: 'order_detail' };

const newKey = () => crypto.randomUUID();

function caseFields(extra = {}) {
  const advice = view.advice;
  const remedy = advice.remedies[0];
  return {
    order: view.order,
    problem: view.problem,
    type: advice.types[0].code,
    remedy: remedy?.code ?? null,
    demand: remedy ? remedy.name : null,
    demand_amount: remedy?.amount ?? null,
    draft: $('draft').value,
    evidence_ticks: view.ticks,
    ...extra,
  };
}

function say(text) {
  $('case-status').textContent = text;
}

function rememberCase(saved) {
  view.caseId = saved.id;
  view.ticks = saved.evidence_ticks;
  view.captured = saved.evidence || view.captured || [];
  return saveState({ caseId: saved.id, ticks: saved.evidence_ticks });
}

async function busy(button, work) {
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}

export async function saveCase(extra) {
  const saved = await send({ type: 'case/save', caseId: view.caseId, fields: caseFields(extra), idempotencyKey: newKey() });
  await rememberCase(saved);
  return saved;
}

const FILL_ERRORS = new Set(['not_a_form', 'wrong_order', 'wrong_item', 'verification', 'login']);

function explain(error) {
  if (error.code === 'capture_not_allowed') return t('captureNeedsClick');
  if (FILL_ERRORS.has(error.code)) return t(`fillError_${error.code}`);
  return t('stateError', error.message || String(error));
}

export async function onSave() {
  await busy($('save-case'), async () => {
    try {
      await saveCase();
      say(t('caseSaved'));
      $('case-status').append(' ', caseLink());
    } catch (error) {
      say(explain(error));
    }
  });
}

function caseLink() {
  const link = document.createElement('button');
  link.type = 'button';
  link.className = 'link';
  link.textContent = t('openThisCase');
  link.addEventListener('click', () => openCasesPage(view.caseId));
  return link;
}

export async function onTick(code, checked) {
  view.ticks = checked ? [...new Set([...view.ticks, code])] : view.ticks.filter((c) => c !== code);
  renderEvidence(view.advice.evidence, { onTick });
  await saveState({ ticks: view.ticks });
  if (!view.caseId) return; // kept with the popup until the case is saved
  try {
    await send({ type: 'case/update', caseId: view.caseId, patch: { evidence_ticks: view.ticks }, idempotencyKey: newKey() });
  } catch (error) {
    say(explain(error));
  }
}

export async function onCapture() {
  const code = CAPTURE_CODES[view.reading?.kind];
  if (!code) return say(t('captureNotHere'));
  await busy($('capture'), async () => {
    say(t('capturing'));
    try {
      if (!view.caseId) await saveCase();
      const { evidence, case: saved } = await send({
        type: 'evidence/capture', caseId: view.caseId, tabId: view.tabId, code, idempotencyKey: newKey(),
      });
      view.captured = [...(view.captured || []).filter((e) => e.id !== evidence.id), evidence];
      await rememberCase({ ...saved, evidence: view.captured });
      renderEvidence(view.advice.evidence, { onTick });
      say(t('captured', formatName(code), evidence.sha256));
    } catch (error) {
      say(explain(error));
    }
  });
}

function formatName(code) {
  return view.advice.evidence.find((e) => e.code === code)?.name || code;
}

export async function onFill(form) {
  const advice = view.advice;
  const fillInput = {
    type: advice.types[0].code,
    description: $('draft').value,
    remedy: advice.remedies[0]?.code ?? null,
    evidence: advice.evidence.map((e) => e.name),
    evidence_codes: advice.evidence.map((e) => e.code),
  };
  if (advice.remedies[0]?.amount) fillInput.amount = advice.remedies[0].amount;
  if (form === 'after_sales' && advice.route.venue === 'after_sales') {
    // The route may name a better request than the type's default (补寄 for a missing item).
    fillInput.request_type = advice.route.request_type;
    fillInput.reason = advice.route.reason;
  }
  $('fill-result').textContent = t('filling');
  try {
    // Filling is a step of the case: save (or update) it first, with "submit the form" next.
    // The helper sets the reminder (a day, or the first deadline if sooner).
    await saveCase({ next_code: 'submit_form' });
    const result = await send({
      type: 'form/fill', order: view.order, form, fill: fillInput, affectedItems: affectedItems(),
      caseId: view.caseId, idempotencyKey: newKey(),
    });
    renderFillReport(result);
    const lines = [t('filled', result.filled.length)];
    if (result.leftForShopper?.length) lines.push(t('fillLeft', result.leftForShopper.join('、')));
    lines.push(...(result.warnings || []));
    $('fill-result').textContent = lines.join(' ');
    say(t('caseSavedAfterFill'));
  } catch (error) {
    $('fill-result').textContent = explain(error);
  }
}

// The shopper's own photos: saved with the case (and kept for the form's uploader).
export async function onAddFiles(files) {
  if (!files.length) return;
  try {
    if (!view.caseId) await saveCase();
    const added = await addFiles(files, view.caseId);
    view.captured = [...(view.captured || []), ...added];
    renderEvidence(view.advice.evidence, { onTick });
    say(t('fillFilesAdded', added.length));
  } catch (error) {
    say(explain(error));
  }
}

// Reopening the popup on a saved case: show what was captured for it.
export async function restoreCase(caseId) {
  view.caseId = caseId;
  try {
    const saved = await send({ type: 'case/get', caseId });
    view.ticks = saved.evidence_ticks;
    view.captured = saved.evidence;
    say(t('caseSaved'));
  } catch {
    // The case was deleted (or the helper is gone): start over as a new case.
    view.caseId = null;
    await saveState({ caseId: null });
  }
}
