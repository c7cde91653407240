// The side panel: stays open beside the shop and follows the active tab. On an order page it
// walks the shopper through one decision per step; on a form Tousu filled it shows the fill
// report; on the complaint/refund list what changed. Progress is kept per order in
// chrome.storage.local, so it resumes after the worker or the browser restarts.

import { $, el } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';
import { formatTime } from '../lib/format.js';
import { onDraftInput, renderAdvice, renderClocks } from '../screens/advice-view.js';
import { onAddFiles, onCapture, onFill, onSave, onTick, restoreCase } from '../screens/case-panel.js';
import { renderFillPanel } from '../screens/fill-panel.js';
import { renderOrder, renderOrderCards, renderReadingNotes } from '../screens/order-view.js';
import { renderSymptoms, selectedSymptoms, symptomText } from '../screens/symptoms.js';
import { renderSync } from '../screens/tracking-view.js';
import { showCases } from '../screens/cases-panel.js';
import { loadState, openCasesPage, saveState, useStore, view } from '../screens/view.js';
import { currentShopTab, followTabs } from './follow.js';
import { goTo, resetSteps, setupSteps, STEPS, stepName, stepNumber } from './steps.js';
import { showFillReport } from './fill-report.js';
import { renderState, stateOfError } from '../screens/state-view.js';

const READ_STATES = { not_shop: 'stateNotShop', login: 'stateLogin', verification: 'stateVerification', other: 'stateOther' };
const FORM_KINDS = new Set(['complaint_form', 'refund_form']);
const LIST_KINDS = new Set(['complaint_list', 'refund_list']);
const orderKey = (orderId) => `panel:order:${orderId}`;
const CURRENT = 'panel:current';

useStore('local', () => view.order && orderKey(view.order.order_id));

function mode(name) {
  $('state').hidden = name !== 'state';
  $('fill-report').hidden = name !== 'report';
  $('flow').hidden = name !== 'flow';
  $('reading-notes').hidden = name !== 'flow' || $('reading-notes').childElementCount === 0;
}

function showState(messageKey, options) {
  mode('state');
  renderState(messageKey, options);
}

function showError(error) {
  showState(...stateOfError(error));
}

// The one-line answers each step leads with; the detail stays folded below.
function renderLeads(advice) {
  const route = advice.route;
  $('route-summary').textContent = `${route.name}${route.request_type ? `：${route.request_type}` : ''}`;
  const remedy = advice.remedies[0];
  $('remedy-main').textContent = remedy ? `${remedy.name}${remedy.amount ? ` ¥${remedy.amount}` : ''}` : '';
  // The helper names the clock to act by; the panel only shows it.
  const clock = advice.clocks.find((c) => c.code === advice.first_clock);
  $('clock-main').textContent = clock?.due_at ? t('firstClock', `${clock.name} ${formatTime(clock.due_at)}`) : t('noClock');
}

function renderQuestion(question, answers = {}) {
  $('question').hidden = !question;
  if (!question) return;
  $('question-text').textContent = question.text;
  $('question-choices').replaceChildren(...question.choices.map((choice) => {
    const id = `q-${question.code}-${choice.code}`;
    return el('label', { htmlFor: id },
      el('input', { type: 'radio', name: 'question', id, value: choice.code, checked: answers[question.code] === choice.code }),
      choice.text);
  }));
}

async function analyze(answers = view.answers || {}) {
  const symptoms = selectedSymptoms();
  const text = $('problem-text').value.trim() || symptomText(symptoms);
  $('problem-error').hidden = Boolean(text);
  if (!text) {
    $('problem-error').textContent = t('problemEmpty');
    $('problem-text').focus();
    return;
  }
  const button = $('analyze');
  button.disabled = true;
  button.textContent = t('analyzing');
  try {
    const problem = { text, symptoms };
    const given = Object.fromEntries(Object.entries(answers).filter(([, choice]) => choice));
    if (Object.keys(given).length) problem.answers = given;
    const advice = await send({ type: 'advice/get', order: view.order, problem });
    Object.assign(view, { problem: text, answers });
    renderAdvice(advice, { onTick });
    renderFillPanel({ onAddFiles });
    renderLeads(advice);
    await saveState({ problem: text, symptoms, answers, advice, draft: null });
    const open = advice.question && !(advice.question.code in answers);
    renderQuestion(open ? advice.question : null, answers);
    if (open) $('question-choices').querySelector('input')?.focus();
    else goTo('type');
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
    button.textContent = t('analyze');
  }
}

function answerQuestion(skip) {
  const question = view.advice?.question;
  if (!question) return goTo('type');
  if (skip) {
    // A skipped question is not asked again for this order; the advice stays as it was.
    view.answers = { ...view.answers, [question.code]: null };
    renderQuestion(null);
    return saveState({ answers: view.answers }).then(() => goTo('type'));
  }
  const picked = $('question-choices').querySelector('input:checked');
  if (!picked) {
    $('problem-error').hidden = false;
    $('problem-error').textContent = t('questionPick');
    return undefined;
  }
  return analyze({ ...view.answers, [question.code]: picked.value });
}

// Picking an order is its decision: the flow moves on to the problem, or resumes where it was.
async function selectOrder(order) {
  view.order = order;
  renderOrder(order);
  $('orders').hidden = true;
  $('order').hidden = false;
  $('back').hidden = (view.reading?.orders?.length || 0) < 2;
  await chrome.storage.local.set({ [CURRENT]: order.order_id });
  const saved = await loadState();
  Object.assign(view, { caseId: null, ticks: saved.ticks || [], captured: [], advice: null, answers: saved.answers || {} });
  resetSteps();
  $('problem-text').value = saved.problem || '';
  await renderSymptoms(saved.symptoms || [], (symptoms) => saveState({ symptoms }));
  renderQuestion(null);
  mode('flow');
  if (saved.caseId) await restoreCase(saved.caseId);
  if (saved.advice) {
    view.problem = saved.problem;
    renderAdvice(saved.advice, { onTick });
    renderFillPanel({ onAddFiles });
    renderLeads(saved.advice);
    if (saved.draft && saved.draft !== saved.advice.draft.text) {
      $('draft').value = saved.draft;
      onDraftInput();
    }
  }
  const step = saved.advice ? (saved.step || 'type') : 'problem';
  goTo(STEPS.includes(step) ? step : 'problem', { reached: saved.advice ? saved.reached : 'problem', silent: true });
  await saveState({ step: saved.advice ? step : 'problem' });
}

async function showOrders(orders) {
  const saved = await chrome.storage.local.get(orders.map((o) => orderKey(o.order_id)));
  renderOrderCards(orders, selectOrder, (order, card) => {
    const step = saved[orderKey(order.order_id)]?.step;
    if (step && step !== 'order') card.querySelector('.card-resume').textContent = t('resumeAt', stepNumber(step), stepName(step));
  });
  mode('flow');
  goTo('order', { silent: true, focus: false });
  $('orders').hidden = false;
  $('order').hidden = true;
}

async function showReport(tabId) {
  mode('report');
  const { [CURRENT]: orderId } = await chrome.storage.local.get(CURRENT);
  const progress = orderId ? (await chrome.storage.local.get(orderKey(orderId)))[orderKey(orderId)] || {} : {};
  await showFillReport(tabId, progress);
}

let seq = 0;
async function show(tab) {
  const mine = ++seq;
  view.tabId = tab?.id ?? null;
  if (!tab) return showState('stateNotShop');
  showState('loading', { retry: false });
  try {
    const reading = await send({ type: 'page/read', tabId: tab.id });
    if (mine !== seq) return undefined; // the shopper has moved on to another tab
    view.reading = reading;
    if (FORM_KINDS.has(reading.kind)) return showReport(tab.id);
    if (LIST_KINDS.has(reading.kind)) {
      showState('loading', { retry: true, cases: true });
      return renderSync(reading);
    }
    if (READ_STATES[reading.kind]) return showState(READ_STATES[reading.kind]);
    renderReadingNotes(reading.warnings);
    if (!reading.orders.length) {
      const empty = reading.warnings.some((w) => w.code === 'empty_list');
      return showState(empty ? 'stateEmpty' : 'stateNoOrder');
    }
    const { [CURRENT]: current } = await chrome.storage.local.get(CURRENT);
    const order = reading.orders.find((o) => o.order_id === current)
      || (reading.orders.length === 1 ? reading.orders[0] : null);
    if (order) return selectOrder(order);
    return showOrders(reading.orders);
  } catch (error) {
    if (mine === seq) showError(error);
    return undefined;
  }
}

function toggleCases(open) {
  $('cases').hidden = !open;
  $('open-cases').setAttribute('aria-expanded', String(open));
  // While 我的投诉 is open, what is behind it is out of the tab order and the reading order.
  for (const id of ['state', 'fill-report', 'flow', 'reading-notes']) {
    $(id).inert = open;
    $(id).classList.toggle('behind', open);
  }
  if (open) showCases().then(() => $('cases-title').focus());
  else $('open-cases').focus();
}

localize();
document.title = t('panelTitle');
setupSteps((step, reached) => saveState({ step, reached }));
const following = followTabs((tab) => show(tab));
$('retry').addEventListener('click', async () => show(await currentShopTab()));
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('open-cases').addEventListener('click', () => toggleCases($('cases').hidden));
$('state-open-cases').addEventListener('click', () => toggleCases(true));
$('cases-back').addEventListener('click', () => toggleCases(false));
$('cases-full').addEventListener('click', () => openCasesPage());
$('back').addEventListener('click', async () => {
  await chrome.storage.local.remove(CURRENT);
  view.order = null;
  showOrders(view.reading.orders);
});
$('analyze').addEventListener('click', () => analyze());
$('question-answer').addEventListener('click', () => answerQuestion(false));
$('question-skip').addEventListener('click', () => answerQuestion(true));
$('draft').addEventListener('input', onDraftInput);
$('save-case').addEventListener('click', onSave);
$('capture').addEventListener('click', onCapture);
$('fill-complaint').addEventListener('click', () => onFill('complaint'));
$('fill-after-sales').addEventListener('click', () => onFill('after_sales'));
$('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText($('draft').value);
  $('fill-result').textContent = t('copied');
});
// The fill result lands after the form tab has loaded (and the panel has already switched).
chrome.storage.session.onChanged.addListener((changes) => {
  if (view.tabId != null && changes[`fillResult:${view.tabId}`] && !$('fill-report').hidden) showReport(view.tabId);
});
setInterval(() => view.advice && renderClocks(view.advice.clocks), 30000);
currentShopTab().then((tab) => { following.set(tab); return show(tab); });
