// The popup: reads the page on the current tab and shows the screen for it: a state message,
// the order cards, the advice for one order, or what a complaint/refund list changed. It
// renders what the service worker returns; its state survives in chrome.storage.session.

import { $, el } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';
import { HELPER_STATES } from '../lib/helper-states.js';
import { formatTime } from '../lib/format.js';
import { onDraftInput, renderAdvice, renderClocks } from './advice-view.js';
import { onAddFiles, onCapture, onFill, onSave, onTick, restoreCase } from './case-panel.js';
import { renderFillPanel } from './fill-panel.js';
import { renderSymptoms, selectedSymptoms, symptomText } from './symptoms.js';
import { renderSync } from './tracking-view.js';
import { loadState, openCasesPage, saveState, showOnly, view } from './view.js';

const READ_STATES = {
  not_shop: 'stateNotShop',
  login: 'stateLogin',
  verification: 'stateVerification',
  other: 'stateOther',
  complaint_form: 'stateForm',
  refund_form: 'stateForm',
};
const LIST_KINDS = new Set(['complaint_list', 'refund_list']);

function showState(messageKey, { retry = true, options = false, cases = false, detail } = {}) {
  showOnly('state');
  $('state-text').textContent = detail === undefined ? t(messageKey) : t(messageKey, detail);
  $('sync-box').hidden = true;
  $('state-actions').hidden = !(retry || options || cases);
  $('retry').hidden = !retry;
  $('open-options').hidden = !options;
  $('state-open-cases').hidden = !cases;
}

function showError(error) {
  const key = HELPER_STATES[error.code];
  if (key) {
    showState(key, { options: ['not_paired', 'not_tousu', 'helper_unreachable'].includes(error.code) });
  } else {
    showState('stateError', { detail: error.message || String(error) });
  }
}

function goodsTitle(order) {
  const goods = order.items.filter((i) => !i.pseudo);
  return (goods[0] || order.items[0] || { title: '' }).title;
}

function renderOrderCards(orders) {
  const list = $('order-cards');
  list.replaceChildren();
  const template = $('order-card');
  for (const order of orders) {
    const card = template.content.cloneNode(true);
    card.querySelector('.card-shop').textContent = order.shop?.name || '';
    card.querySelector('.card-title').textContent = goodsTitle(order);
    card.querySelector('.card-amount').textContent = order.total_paid ? `¥${order.total_paid}` : '';
    card.querySelector('.card-status').textContent = order.status_text || '';
    const button = card.querySelector('button');
    button.dataset.orderId = order.order_id;
    button.addEventListener('click', () => selectOrder(order));
    list.append(card);
  }
  $('orders-count').textContent = t('ordersOnPage', orders.length);
}

function renderOrder(order) {
  const facts = $('order-facts');
  facts.replaceChildren();
  const rows = [
    ['orderId', order.order_id],
    ['shop', order.shop?.name],
    ['status', order.status_text],
    ['totalPaid', order.total_paid && `¥${order.total_paid}`],
    ['createdAt', formatTime(order.created_at)],
    ['paidAt', formatTime(order.paid_at)],
    ['shippedAt', formatTime(order.shipped_at)],
    ['receivedAt', formatTime(order.received_at)],
    ['completedAt', formatTime(order.completed_at)],
  ];
  for (const [key, value] of rows) {
    if (!value) continue;
    facts.append(el('dt', { textContent: t(key) }), el('dd', { textContent: value, 'data-field': key }));
  }
  const items = $('order-items');
  items.replaceChildren();
  for (const item of order.items.filter((i) => !i.pseudo)) {
    const price = item.unit_price ? ` ¥${item.unit_price}` : '';
    const sku = item.sku ? `（${item.sku}）` : '';
    items.append(el('li', { textContent: `${item.title}${sku} × ${item.quantity}${price}` }));
  }
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
  renderSymptoms(saved.symptoms || [], onSymptoms);
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
      renderOrderCards(reading.orders);
      showOnly('orders');
    }
  } catch (error) {
    showError(error);
  }
}

// Reader warnings that explain a partial reading (only the first page, orders not yet rendered,
// a field skipped); the page-state ones (login, slider, empty) are states of their own.
const NOTE_CODES = ['lazy_rendered', 'more_pages', 'list_paged', 'order_id_mismatch', 'field_unreadable',
  'order_unreadable', 'page_truncated', 'embedded_data_unreadable'];

function renderReadingNotes(warnings) {
  const notes = warnings.filter((w) => NOTE_CODES.includes(w.code));
  const seen = new Set();
  $('reading-notes').replaceChildren(...notes.filter((w) => !seen.has(w.code) && seen.add(w.code))
    .map((w) => el('li', { 'data-code': w.code, textContent: t(`readingNote_${w.code}`) })));
}

localize();
renderSymptoms([], onSymptoms);
$('retry').addEventListener('click', load);
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('open-cases').addEventListener('click', () => openCasesPage());
$('state-open-cases').addEventListener('click', () => openCasesPage());
$('back').addEventListener('click', async () => {
  await saveState({ orderId: null, advice: null, caseId: null });
  renderOrderCards(view.reading.orders);
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
