// 我的投诉: the list of cases (status, next action, due time, countdown) and, at #case=<id>,
// one case. The page renders what the service worker returns from the helper's store.

import { $, el } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { countdown, statusName, typeName } from '../lib/names.js';
import { nextStepText } from '../lib/next-step.js';
import { showCase } from './case-view.js';
import { explain, sayPage } from './page.js';

function dueCell(summary) {
  if (!summary.due_at) return el('td', { textContent: '—' });
  const { overdue } = summary; // decided by the helper
  return el('td', {},
    el('time', { dateTime: summary.due_at, textContent: formatTime(summary.due_at) }),
    el('span', { className: `sub ${overdue ? 'overdue' : ''}`, textContent: countdown(summary.due_at, Date.now(), formatDuration) }));
}

function row(summary) {
  const open = el('button', { type: 'button', className: 'link', textContent: summary.title || summary.order_id });
  open.addEventListener('click', () => { location.hash = `case=${summary.id}`; });
  return el('tr', { 'data-case': summary.id },
    el('td', {}, open, el('span', { className: 'sub', textContent: `${summary.shop_name || ''} · ${summary.order_id}` })),
    el('td', { textContent: typeName(summary.type) }),
    el('td', {},
      el('span', { className: `status status-${summary.status}`, textContent: statusName(summary.status) }),
      summary.status_text ? el('span', { className: 'sub', textContent: summary.status_text }) : null),
    el('td', { textContent: nextStepText(summary) || '—' }),
    dueCell(summary));
}

async function showList() {
  $('case-view').hidden = true;
  $('to-list').hidden = true;
  document.title = `${t('myCases')} - ${t('appTitle')}`;
  try {
    const { cases, total } = await send({ type: 'case/list' });
    $('case-rows').replaceChildren(...cases.map(row));
    $('list-view').hidden = total === 0;
    sayPage(total ? t('casesCount', total) : t('casesEmpty'));
    send({ type: 'badge/refresh' }).catch(() => {});
  } catch (error) {
    $('list-view').hidden = true;
    sayPage(explain(error));
  }
}

async function route() {
  const id = new URLSearchParams(location.hash.slice(1)).get('case');
  sayPage('');
  if (id) {
    $('list-view').hidden = true;
    $('to-list').hidden = false;
    await showCase(id);
  } else {
    await showList();
  }
}

localize();
$('to-list').addEventListener('click', () => { location.hash = ''; });
$('to-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
window.addEventListener('hashchange', route);
// Countdowns move while the page stays open.
setInterval(() => { if (!location.hash.includes('case=')) showList(); }, 60000);
route();
