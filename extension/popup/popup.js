// The popup: reads the order on the current tab, advises, and hands the fill to the worker.
// It renders what the service worker returns and keeps its own state in chrome.storage.session
// so reopening the popup (or a restarted worker) loses nothing.

import { localize, send, t } from '../lib/i18n.js';
import { formatDuration, formatTime } from '../lib/format.js';

const $ = (id) => document.getElementById(id);
const view = { reading: null, order: null, advice: null, tabId: null };

const READ_STATES = {
  not_shop: 'stateNotShop',
  login: 'stateLogin',
  verification: 'stateVerification',
  other: 'stateOther',
  complaint_form: 'stateOther',
  refund_form: 'stateOther',
  complaint_list: 'stateOther',
  refund_list: 'stateOther',
};
const HELPER_STATES = {
  helper_unreachable: 'stateHelperDown',
  not_paired: 'stateNotPaired',
  not_tousu: 'stateForeign',
  version_mismatch: 'stateVersion',
  timeout: 'stateTimeout',
};

function showOnly(...ids) {
  for (const id of ['state', 'orders', 'order', 'problem', 'advice']) $(id).hidden = !ids.includes(id);
}

function showState(messageKey, { retry = true, options = false, detail } = {}) {
  showOnly('state');
  $('state-text').textContent = detail === undefined ? t(messageKey) : t(messageKey, detail);
  $('state-actions').hidden = !(retry || options);
  $('retry').hidden = !retry;
  $('open-options').hidden = !options;
}

function showError(error) {
  const key = HELPER_STATES[error.code];
  if (key) {
    showState(key, { options: ['not_paired', 'not_tousu', 'helper_unreachable'].includes(error.code) });
  } else {
    showState('stateError', { detail: error.message || String(error) });
  }
}

function stateKey() {
  return `popup:${view.tabId}`;
}

async function saveState(changes) {
  const key = stateKey();
  const current = (await chrome.storage.session.get(key))[key] || {};
  await chrome.storage.session.set({ [key]: { ...current, ...changes } });
}

async function loadState() {
  const key = stateKey();
  return (await chrome.storage.session.get(key))[key] || {};
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'className') node.className = value;
    else if (name.startsWith('data-') || name.startsWith('aria-')) node.setAttribute(name, value);
    else node[name] = value;
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
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
  if (!restoring) await saveState({ orderId: order.order_id, advice: null });
  $('problem-text').focus();
}

function renderAdvice(advice) {
  view.advice = advice;
  const [best, ...others] = advice.types;
  $('type-main').replaceChildren(
    el('strong', { textContent: best.name, 'data-code': best.code }),
    el('ul', {}, ...best.reasons.map((r) => el('li', { textContent: r }))),
  );
  $('type-others').replaceChildren(
    ...others.filter((x) => x.score > 0).map((x) => el('li', { textContent: `${x.name}：${x.reasons[0] || ''}` })),
  );
  $('type-others-box').hidden = !others.some((x) => x.score > 0);

  const route = advice.route;
  $('route').replaceChildren(
    el('p', {}, el('strong', { textContent: route.name }),
      route.request_type ? `：${route.request_type}` : '', route.reason ? `（${route.reason}）` : ''),
    el('ol', {}, ...route.steps.map((s) => el('li', { textContent: s.detail ? `${s.name}：${s.detail}` : s.name }))),
  );

  $('evidence').replaceChildren(...advice.evidence.map((item) => {
    const id = `ev-${item.code}`;
    const badge = el('span', {
      className: `badge ${item.required ? 'required' : 'recommended'}`,
      textContent: t(item.required ? 'required' : 'recommended'),
    });
    return el('li', { 'data-code': item.code },
      el('input', { type: 'checkbox', id }),
      el('label', { htmlFor: id }, item.name, badge),
      el('span', { className: 'why', textContent: item.why }));
  }));

  $('remedies').replaceChildren(...advice.remedies.map((r) => el('li', { 'data-code': r.code },
    el('strong', { textContent: r.name }),
    r.amount ? ` ¥${r.amount}` : '',
    el('span', { className: 'basis', textContent: `${t('basis')}：${r.basis}；${t('venue')}：${r.venue}` }),
    r.note ? el('span', { className: 'basis', textContent: r.note }) : null)));

  renderClocks(advice.clocks);
  $('draft').value = advice.draft.text;
  renderFindings(advice.findings);
  $('warnings').replaceChildren(...advice.warnings.map((w) => el('li', { textContent: w.message })));
  $('warnings-box').hidden = advice.warnings.length === 0;
  $('fill-result').textContent = '';
  showOnly('order', 'problem', 'advice');
}

function renderClocks(clocks) {
  const now = Date.now();
  $('clocks').replaceChildren(...clocks.map((c) => {
    let left;
    if (c.state === 'not_applicable') left = t('clockNotApplicable');
    else if (!c.due_at) left = '';
    else {
      const seconds = Math.round((Date.parse(c.due_at) - now) / 1000);
      left = seconds <= 0 ? t('clockPassed') : t('clockLeft', formatDuration(seconds));
    }
    const due = c.due_at ? `（${t('clockDue', formatTime(c.due_at))}）` : '';
    return el('li', { className: `clock-${c.state}`, 'data-code': c.code },
      `${c.name}：`, el('span', { className: 'left', textContent: left }), due,
      el('span', { className: 'basis', textContent: c.reason || c.basis }));
  }));
}

function renderFindings(findings) {
  const text = $('draft').value;
  $('findings').replaceChildren(...(findings.length
    ? findings.map((f) => el('li', { className: `finding-${f.severity}`, 'data-code': f.code },
      `「${text.slice(f.start, f.end)}」${f.message}`,
      f.suggestion ? el('span', { className: 'basis', textContent: t('suggestion', f.suggestion) }) : null))
    : [el('li', { className: 'muted', textContent: t('noFindings') })]));
}

async function analyze() {
  const text = $('problem-text').value.trim();
  $('problem-error').hidden = Boolean(text);
  if (!text) {
    $('problem-error').textContent = t('problemEmpty');
    return;
  }
  const button = $('analyze');
  button.disabled = true;
  button.textContent = t('analyzing');
  try {
    const advice = await send({ type: 'advice/get', order: view.order, problem: { text } });
    renderAdvice(advice);
    await saveState({ problem: text, advice });
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
    button.textContent = t('analyze');
  }
}

let lintTimer = null;
function onDraftInput() {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(async () => {
    try {
      const { findings } = await send({ type: 'lint', text: $('draft').value });
      renderFindings(findings);
    } catch {
      // A failed live check must not interrupt typing; the next keystroke retries.
    }
  }, 400);
  saveState({ draft: $('draft').value });
}

async function fill(form) {
  const advice = view.advice;
  const remedy = advice.remedies[0]?.code ?? null;
  const fillInput = {
    type: advice.types[0].code,
    description: $('draft').value,
    remedy,
    evidence: advice.evidence.map((e) => e.name),
  };
  if (form === 'after_sales' && advice.route.venue === 'after_sales') {
    // The route may name a better request than the type's default (补寄 for a missing item).
    fillInput.request_type = advice.route.request_type;
    fillInput.reason = advice.route.reason;
  }
  $('fill-result').textContent = t('filling');
  try {
    const result = await send({ type: 'form/fill', order: view.order, form, fill: fillInput });
    const lines = [t('filled', result.filled.length)];
    if (result.leftForShopper?.length) lines.push(t('fillLeft', result.leftForShopper.join('、')));
    lines.push(...(result.warnings || []));
    $('fill-result').textContent = lines.join(' ');
  } catch (error) {
    $('fill-result').textContent = t('stateError', error.message || String(error));
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
    const key = READ_STATES[reading.kind];
    if (key) return showState(key);
    if (!reading.orders.length) {
      const empty = reading.warnings.some((w) => w.code === 'empty_list');
      return showState(empty ? 'stateEmpty' : 'stateNoOrder');
    }
    const saved = await loadState();
    const savedOrder = reading.orders.find((o) => o.order_id === saved.orderId);
    if (savedOrder) {
      await selectOrder(savedOrder, { restoring: true });
      if (saved.problem) $('problem-text').value = saved.problem;
      if (saved.advice) {
        renderAdvice(saved.advice);
        if (saved.draft) $('draft').value = saved.draft;
      }
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

localize();
$('retry').addEventListener('click', load);
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('back').addEventListener('click', async () => {
  await saveState({ orderId: null, advice: null });
  renderOrderCards(view.reading.orders);
  showOnly('orders');
});
$('analyze').addEventListener('click', analyze);
$('draft').addEventListener('input', onDraftInput);
$('fill-complaint').addEventListener('click', () => fill('complaint'));
$('fill-after-sales').addEventListener('click', () => fill('after_sales'));
$('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText($('draft').value);
  $('fill-result').textContent = t('copied');
});
setInterval(() => view.advice && renderClocks(view.advice.clocks), 30000);
load();
