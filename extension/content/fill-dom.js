// Shared by the fill modules: resolve the helper's element references, operate elements the
// way a person does, and wait for the page to settle. DOM only: no network, no decisions.

(() => {
  const ns = (globalThis.tousuFillKit = globalThis.tousuFillKit || {});
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const norm = (text) => (text || '').replace(/\s+/g, '').replace(/^[*＊]+/, '').replace(/[:：*＊]+$/, '');

  ns.sleep = sleep;
  ns.norm = norm;

  // The helper's ElementRef: the ordinal-th match of its selector, in document order.
  ns.resolve = (ref) => {
    if (!ref) return null;
    try {
      return document.querySelectorAll(ref.selector)[ref.ordinal || 0] || null;
    } catch {
      return null;
    }
  };

  // A control whose form row no longer shows its label is not the one the plan meant (the
  // page re-rendered between snapshot and fill): the caller asks for a new plan.
  ns.scopeMatches = (locator) => {
    if (!locator?.scope) return true;
    const scope = ns.resolve(locator.scope);
    if (!scope) return false;
    // An ARIA widget may carry its name instead of showing it (aria-label, aria-labelledby).
    const named = [scope.textContent, scope.getAttribute('aria-label'),
      ...(scope.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent)];
    return named.some((text) => norm(text).includes(norm(locator.label)));
  };

  ns.visible = (el) => {
    if (!el || !el.isConnected) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  ns.waitFor = async (predicate, ms = 3000, step = 50) => {
    const end = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > end) return null;
      await sleep(step);
    }
  };

  // Until no mutation for `quietMs` (or `maxMs`): the cascade re-renders asynchronously.
  // Resolves with whether elements were added or removed meanwhile.
  // Custom selects of the known kits hold no form element at all: their roots count too.
  const CONTROLS = 'input,select,textarea,[role=combobox],[role=radiogroup],.mod-select-pc,.next-select,.ant-select';
  ns.settle = (quietMs = 350, maxMs = 3000) => new Promise((resolve) => {
    let structural = false;
    let timer;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes]
        .some((n) => n.nodeType === 1 && (n.matches?.(CONTROLS) || n.querySelector?.(CONTROLS))))) structural = true;
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    const hardStop = setTimeout(done, maxMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(hardStop);
      resolve(structural);
    }
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(done, quietMs);
  });

  const SUBMIT_LIKE = 'button[type=submit], input[type=submit], input[type=image], [class~="button-item"], [id^="submitButtonContainer"]';

  // Never the form's submit: the shopper presses it.
  ns.isSubmitLike = (el) => {
    if (!el) return false;
    if (el.closest(SUBMIT_LIKE)) return true;
    return el.tagName === 'BUTTON' && el.type === 'submit' && Boolean(el.form);
  };

  // pointerdown → mousedown → (focus) → pointerup → mouseup → click: satisfies onClick,
  // onMouseDown (antd, ChatUI) and widgets that count a click only after a mousedown.
  ns.realClick = (el) => {
    if (ns.isSubmitLike(el)) throw new Error('refusing to click a submit control');
    el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    const box = el.getBoundingClientRect();
    const init = {
      bubbles: true, cancelable: true, composed: true, view: window, button: 0,
      clientX: box.x + box.width / 2, clientY: box.y + box.height / 2,
    };
    const fire = (type) => {
      const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
      el.dispatchEvent(new Ctor(type, { ...init, pointerId: 1, isPrimary: true, pointerType: 'mouse' }));
    };
    ['pointerover', 'pointerenter', 'mouseover', 'pointerdown', 'mousedown'].forEach(fire);
    el.focus?.({ preventScroll: true });
    ['pointerup', 'mouseup'].forEach(fire);
    if (typeof el.click === 'function') el.click(); else fire('click');
  };

  ns.blur = (el) => {
    el.dispatchEvent(new FocusEvent('blur'));
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  };

  ns.mark = (el) => {
    if (!el?.style) return;
    el.style.outline = '2px solid #e64628';
    el.style.outlineOffset = '1px';
    el.setAttribute('data-tousu-filled', 'true');
  };

  ns.result = (step, status, reason = null, extra = {}) => ({
    label: step.label, value: step.value ?? null, widget: step.locator?.widget ?? step.control,
    status, reason, note: step.note ?? null, ...extra,
  });
})();
