// 我的投诉 inside the side panel: the cases with what is due, one case's timeline and the
// reasons to escalate, in the same words as the full page (cases/case-file.js); the full tab
// page stays for printing, 12315 fields and wide screens.

import { $, el } from '../lib/dom.js';
import { send, t } from '../lib/i18n.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { countdown, eventName, statusName, typeName } from '../lib/names.js';
import { describeEvent, escalationReasons } from '../cases/case-file.js';
import { explain } from '../cases/page.js';
import { openCasesPage } from './view.js';

function due(summary) {
  if (!summary.due_at) return t('panelNoDue');
  return `${formatTime(summary.due_at)}（${countdown(summary.due_at, Date.now(), formatDuration)}）`;
}

export async function showCases() {
  $('case-one').hidden = true;
  $('case-list').hidden = false;
  $('cases-full').hidden = false;
  try {
    const { cases, total } = await send({ type: 'case/list' });
    $('cases-state').textContent = total ? t('casesCount', total) : t('casesEmpty');
    $('case-list').replaceChildren(...cases.map((c) => {
      const open = el('button', { type: 'button', 'data-case': c.id },
        el('strong', { textContent: c.title || c.order_id }),
        el('span', { className: 'sub', textContent: `${typeName(c.type)} · ${statusName(c.status)}` }),
        el('span', { textContent: t('panelCasesDue', c.next_action || '—') }),
        el('span', { className: 'sub', textContent: due(c) }));
      open.addEventListener('click', () => showOneCase(c.id));
      return el('li', {}, open);
    }));
  } catch (error) {
    $('case-list').replaceChildren();
    $('cases-state').textContent = explain(error);
  }
}

async function showOneCase(id) {
  try {
    const c = await send({ type: 'case/get', caseId: id });
    $('case-list').hidden = true;
    $('case-one').hidden = false;
    $('cases-full').hidden = true; // the case has its own "full page" link
    $('case-one').dataset.case = id;
    $('case-one-title').textContent = c.order?.items?.find((i) => !i.pseudo)?.title || c.order_id;
    $('case-one-next').textContent = [c.next_action || t('noNextAction'), c.due_at ? due(c) : ''].join(' ');
    const reasons = escalationReasons(c, null);
    $('case-one-escalation').hidden = reasons.length === 0;
    $('case-one-reasons').replaceChildren(...reasons.map((r) => el('li', { textContent: r })));
    $('case-one-events').replaceChildren(...[...c.events].reverse().map((e) => el('li', { 'data-type': e.type },
      el('span', { className: 'sub', textContent: `${formatTime(e.at || e.created_at)} ` }),
      eventName(e.type), describeEvent(e) ? `：${describeEvent(e)}` : '')));
    $('case-one-full').onclick = () => openCasesPage(id);
    $('case-one-list').onclick = () => showCases().then(() => $('cases-title').focus());
    $('case-one-title').focus();
  } catch (error) {
    $('cases-state').textContent = explain(error);
  }
}
