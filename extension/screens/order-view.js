// The orders the reader found (one card each) and the facts of the chosen order, shared by the
// popup and the side panel.

import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { formatTime } from '../lib/format.js';

export function goodsTitle(order) {
  const goods = order.items.filter((i) => !i.pseudo);
  return (goods[0] || order.items[0] || { title: '' }).title;
}

// `decorate(order, card)` lets a screen add to a card (the panel marks orders with progress).
export function renderOrderCards(orders, onPick, decorate = () => {}) {
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
    button.addEventListener('click', () => onPick(order));
    decorate(order, card);
    list.append(card);
  }
  $('orders-count').textContent = t('ordersOnPage', orders.length);
}

export function renderOrder(order) {
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

// Reader warnings that explain a partial reading (only the first page, orders not yet rendered,
// a field skipped); the page-state ones (login, slider, empty) are states of their own.
const NOTE_CODES = ['lazy_rendered', 'more_pages', 'list_paged', 'order_id_mismatch', 'field_unreadable',
  'order_unreadable', 'page_truncated', 'embedded_data_unreadable', 'paid_amount_unsplit'];

export function renderReadingNotes(warnings) {
  const notes = warnings.filter((w) => NOTE_CODES.includes(w.code));
  const seen = new Set();
  $('reading-notes').replaceChildren(...notes.filter((w) => !seen.has(w.code) && seen.add(w.code))
    .map((w) => el('li', { 'data-code': w.code, textContent: t(`readingNote_${w.code}`) })));
}
