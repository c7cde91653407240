// The popup: reads the page on the current tab and shows the screen for it: a state message,
// the order cards, the advice for one order, or what a complaint/refund list changed. It
// renders what the service worker returns; its state survives in chrome.storage.session.

import { $ } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';
import { onDraftInput, renderAdvice, renderClocks } from '../screens/advice-view.js';
import { onAddFiles, onCapture, onFill, onSave, onTick, restoreCase } from '../screens/case-panel.js';
import { renderFillPanel } from '../screens/fill-panel.js';
import { renderSymptoms, selectedSymptoms, symptomText } from '../screens/symptoms.js';
import { renderSync } from '../screens/tracking-view.js';
import { renderOrder, renderOrderCards, renderReadingNotes } from '../screens/order-view.js';
import { loadState, openCasesPage, saveState, showOnly, view } from '../screens/view.js';
import { renderState, stateOfError } from '../screens/state-view.js';

const READ_STATES = {
  not_shop: 'stateNotShop',
  login: 'stateLogin',
  verification: 'stateVerification',
  other: 'stateOther',
  complaint_form: 'stateForm',
  refund_form: 'stateForm',
};
const LIST_KINDS = new Set(['complaint_list', 'refund_list']);

function showState(messageKey, options) {
  showOnly('state');
  renderState(messageKey, options);
}

function showError(error) {
  showState(...stateOfError(error));
}

async function selectOrder(order, { restoring = false } = {}) {
  view.order = order;
  renderOrder(order);
  $('back').hidden = (view.reading?.orders?.length || 0) < 2;
  showOnly('order', 'problem');
  if (!restoring) {
    Object.assign(view, { caseId: null, ticks: [], captured: [] });
    await saveState({ orderId: order.order_id, advice: null, caseId: null, ticks: [], symptoms: [] });
  }
  $('problem-text').focus();
}

const onSymptoms = (symptoms) => saveState({ symptoms });

function showAdvice(advice) {
  renderAdvice(advice, { onTick });
  renderFillPanel({ onAddFiles });
  showOnly('order', 'problem', 'advice');
}

async function analyze() {
  const symptoms = selectedSymptoms();
  const typed = $('problem-text').value.trim();
  // Chips alone are enough to start: their words become the description.
  const text = typed || symptomText(symptoms);
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
    const advice = await send({ type: 'advice/get', order: view.order, problem: { text, symptoms } });
    view.problem = text;
    showAdvice(advice);
    await saveState({ problem: text, symptoms, advice, draft: null });
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
    button.textContent = t('analyze');
  }
}

async function restore(saved, order) {
  await selectOrder(order, { restoring: true });
  if (saved.problem) $('problem-text').value = saved.problem;
  await renderSymptoms(saved.symptoms || [], onSymptoms);
  view.problem = saved.problem;
  view.ticks = saved.ticks || [];
  if (saved.caseId) await restoreCase(saved.caseId);
  if (saved.advice) {
    showAdvice(saved.advice);
    if (saved.draft) $('draft').value = saved.draft;
  }
}

async function load() {
  showState('loading', { retry: false });
  const param = new URLSearchParams(location.search).get('tab');
  // Tests and the dev browser open the popup as a page and name the tab it should read.
  view.tabId = param ? Number(param)
    : (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  try {
    const reading = await send({ type: 'page/read', tabId: view.tabId });
    view.reading = reading;
    if (LIST_KINDS.has(reading.kind)) {
      showState('loading', { retry: true, cases: true });
      return renderSync(reading);
    }
    const key = READ_STATES[reading.kind];
    if (key) return showState(key);
    renderReadingNotes(reading.warnings);
    if (!reading.orders.length) {
      const empty = reading.warnings.some((w) => w.code === 'empty_list');
      return showState(empty ? 'stateEmpty' : 'stateNoOrder');
    }
    const saved = await loadState();
    const savedOrder = reading.orders.find((o) => o.order_id === saved.orderId);
    if (savedOrder) {
      await restore(saved, savedOrder);
    } else if (reading.orders.length === 1) {
      await selectOrder(reading.orders[0]);
    } else {
      renderOrderCards(reading.orders, selectOrder);
      showOnly('orders');
    }
  } catch (error) {
    showError(error);
  }
}

localize();
renderSymptoms([], onSymptoms);
$('retry').addEventListener('click', load);
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('open-cases').addEventListener('click', () => openCasesPage());
$('state-open-cases').addEventListener('click', () => openCasesPage());
$('back').addEventListener('click', async () => {
  await saveState({ orderId: null, advice: null, caseId: null });
  renderOrderCards(view.reading.orders, selectOrder);
  showOnly('orders');
});
$('analyze').addEventListener('click', analyze);
$('draft').addEventListener('input', onDraftInput);
$('save-case').addEventListener('click', onSave);
$('capture').addEventListener('click', onCapture);
$('fill-complaint').addEventListener('click', () => onFill('complaint'));
$('fill-after-sales').addEventListener('click', () => onFill('after_sales'));
$('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText($('draft').value);
  $('fill-result').textContent = t('copied');
});
setInterval(() => view.advice && renderClocks(view.advice.clocks), 30000);
load();
