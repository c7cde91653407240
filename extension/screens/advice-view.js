// The advice view: complaint type, route, evidence checklist, remedies, clocks, and the draft
// editor whose lint findings are marked in the text as the shopper edits.

import { $, el } from '../lib/dom.js';
import { inUiLanguage, send, t } from '../lib/i18n.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { utf16Offset } from '../lib/time.js';
import { saveState, view } from './view.js';

export function renderAdvice(advice, { onTick } = {}) {
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

  renderEvidence(advice.evidence, { onTick });

  $('remedies').replaceChildren(...advice.remedies.map((r) => el('li', { 'data-code': r.code },
    el('strong', { textContent: r.name }),
    r.amount ? ` ¥${r.amount}` : '',
    el('span', { className: 'basis', textContent: `${t('basis')}：${r.basis}；${t('venue')}：${r.venue}` }),
    r.note ? el('span', { className: 'basis', textContent: r.note }) : null)));

  renderClocks(advice.clocks);
  $('draft').value = advice.draft.text;
  renderFindings(advice.findings);
  $('warnings').replaceChildren(...advice.warnings.map((w) => el('li', {
    textContent: inUiLanguage(w.message, w.message_en), 'data-code': w.code,
  })));
  $('warnings-box').hidden = advice.warnings.length === 0;
  $('fill-result').textContent = '';
  $('fill-fields').replaceChildren();
  $('fill-fields').hidden = true;
}

// The checklist: ticks the shopper set, plus what 截图存证 has captured for each code.
export function renderEvidence(items, { onTick, captured = view.captured || [] } = {}) {
  $('evidence').replaceChildren(...items.map((item) => {
    const id = `ev-${item.code}`;
    const box = el('input', { type: 'checkbox', id, checked: view.ticks.includes(item.code) });
    box.addEventListener('change', () => onTick?.(item.code, box.checked));
    const badge = el('span', {
      className: `badge ${item.required ? 'required' : 'recommended'}`,
      textContent: t(item.required ? 'required' : 'recommended'),
    });
    const shots = captured.filter((c) => c.code === item.code);
    return el('li', { 'data-code': item.code },
      box,
      el('label', { htmlFor: id }, item.name, badge),
      el('span', { className: 'why', textContent: item.why }),
      shots.length ? el('span', {
        className: 'captured',
        textContent: t('capturedAt', formatTime(shots.at(-1).captured_at), shots.at(-1).sha256.slice(0, 12)),
      }) : null);
  }));
  const missing = items.filter((i) => i.required && !view.ticks.includes(i.code));
  $('evidence-summary').textContent = [
    captured.length ? t('capturedCount', captured.length) : '',
    missing.length ? t('missingRequired', missing.length) : t('allRequiredReady'),
  ].filter(Boolean).join(' ');
}

export function renderClocks(clocks) {
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

// Findings carry code-point offsets into the text they were computed for.
function ranges(text, findings) {
  return findings
    .map((f) => ({ ...f, from: utf16Offset(text, f.start), to: utf16Offset(text, f.end) }))
    .filter((f) => f.to > f.from && f.to <= text.length)
    .sort((a, b) => a.from - b.from);
}

function selectInDraft(from, to) {
  const draft = $('draft');
  draft.focus();
  draft.setSelectionRange(from, to);
}

// A read-only copy of the draft with each finding wrapped in <mark>, rebuilt on every lint.
function renderMarked(text, found) {
  const parts = [];
  let at = 0;
  for (const f of found) {
    if (f.from < at) continue; // overlapping findings: the first one is marked
    parts.push(text.slice(at, f.from));
    parts.push(el('mark', { className: `mark-${f.severity}`, title: f.message, 'data-code': f.code },
      text.slice(f.from, f.to)));
    at = f.to;
  }
  parts.push(text.slice(at));
  $('draft-marked').replaceChildren(...parts.filter((p) => p !== ''));
  $('draft-marked').hidden = found.length === 0;
}

export function renderFindings(findings) {
  const text = $('draft').value;
  const found = ranges(text, findings);
  renderMarked(text, found);
  $('findings').replaceChildren(...(found.length
    ? found.map((f) => {
      const jump = el('button', { type: 'button', className: 'link', textContent: `「${text.slice(f.from, f.to)}」` });
      jump.setAttribute('aria-label', t('findingJump', text.slice(f.from, f.to)));
      jump.addEventListener('click', () => selectInDraft(f.from, f.to));
      return el('li', { className: `finding-${f.severity}`, 'data-code': f.code },
        jump, f.message,
        f.suggestion ? el('span', { className: 'basis', textContent: t('suggestion', f.suggestion) }) : null);
    })
    : [el('li', { className: 'muted', textContent: t('noFindings') })]));
}

let lintTimer = null;
export function onDraftInput() {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(async () => {
    try {
      const { findings } = await send({
        type: 'lint',
        text: $('draft').value,
        order: view.order,
        complaintType: view.advice?.types?.[0]?.code,
        // Only the shopper's own choice of goods; inferred ones the helper infers again.
        affectedItems: (view.advice?.affected_items || [])
          .filter((a) => a.source === 'shopper' && a.sub_order_id)
          .map(({ sub_order_id: id, quantity }) => ({ sub_order_id: id, quantity })),
      });
      renderFindings(findings);
    } catch {
      // A failed live check must not interrupt typing; the next keystroke retries.
    }
  }, 300);
  saveState({ draft: $('draft').value });
}
