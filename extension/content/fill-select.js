// Selects: native <select> by its value setter + change; custom selects the way a person uses
// them — open, wait for the option (inside the component, or a popup attached to body, maybe a
// virtual list that renders ten rows), pick it with the full pointer sequence, read back the
// value the component shows.

(() => {
  const kit = globalThis.tousuFillKit;
  const { norm } = kit;

  const firstLine = (el) => {
    const title = el.getAttribute('title');
    if (title) return title;
    for (const child of el.childNodes) {
      const text = (child.textContent || '').trim();
      if (text) return text;
    }
    return (el.textContent || '').trim();
  };

  // Per kit: where the shown value is, what opens it, where its options appear.
  const KITS = {
    ultron: {
      shown: (root) => root.querySelector('.selected-wrap')?.textContent,
      triggers: (root) => [root.querySelector('.selected-wrap'), root.querySelector('.arrow-down')],
      options: (root) => [...root.querySelectorAll('.options-item')].filter(kit.visible),
    },
    fusion: {
      shown: (root) => root.querySelector('em[title]')?.getAttribute('title')
        || root.querySelector('.next-select-values')?.textContent,
      triggers: (root) => [root.querySelector('.next-select-trigger') || root, root.querySelector('.next-select-arrow')],
      options: (root) => popupOptions(root, '[role=option]'),
    },
    antd: {
      shown: (root) => root.querySelector('.ant-select-selection-item')?.getAttribute('title')
        || root.querySelector('.ant-select-selection-item')?.textContent,
      triggers: (root) => [root.querySelector('.ant-select-selector') || root],
      options: () => [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')]
        .filter(kit.visible),
      scroller: () => document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .rc-virtual-list-holder'),
    },
    aria: {
      shown: (root) => root.value || root.textContent,
      triggers: (root) => [root],
      options: (root) => popupOptions(root, '[role=option]'),
    },
  };

  // The listbox the trigger names, else any visible listbox (a body portal has no other tie).
  function popupOptions(root, optionSelector) {
    const owner = root.matches('[aria-controls],[aria-owns]') ? root : root.querySelector('[aria-controls],[aria-owns]');
    const id = owner?.getAttribute('aria-controls') || owner?.getAttribute('aria-owns');
    const named = id ? document.getElementById(id) : null;
    const boxes = named ? [named] : [...document.querySelectorAll('[role=listbox]')].filter(kit.visible);
    return boxes.flatMap((box) => [...box.querySelectorAll(optionSelector)]).filter(kit.visible);
  }

  function pick(options, wanted) {
    const texts = options.map((o) => norm(firstLine(o)));
    for (const want of wanted.map(norm)) {
      const i = texts.indexOf(want);
      if (i >= 0) return options[i];
    }
    for (const want of wanted.map(norm)) {
      const i = texts.findIndex((t) => t.startsWith(want));
      if (i >= 0) return options[i];
    }
    return null;
  }

  const isDisabled = (el) => el.getAttribute('aria-disabled') === 'true'
    || [...el.classList].some((c) => /(^|-)disabled$/.test(c));

  // The component re-renders as it opens: always work on the live root.
  async function findOption(live, spec, wanted) {
    return kit.waitFor(() => live() && pick(spec.options(live()), wanted), 1200);
  }

  // Virtual lists render only the rows in view: scroll through until the option appears.
  async function scrollFor(live, spec, wanted) {
    const holder = () => spec.scroller?.()
      || spec.options(live())[0]?.closest('[role=listbox]');
    if (!holder()) return null;
    for (let top = 0, guard = 0; guard < 200; guard += 1) {
      const h = holder();
      if (!h) return null;
      top += Math.max(h.clientHeight - 32, 32);
      if (top > h.scrollHeight) return null;
      h.scrollTop = top;
      h.dispatchEvent(new Event('scroll', { bubbles: true }));
      await kit.sleep(60);
      const found = pick(spec.options(live()), wanted);
      if (found) return found;
    }
    return null;
  }

  function shownMatches(step, spec, chosen) {
    const root = kit.resolve(step.locator.target);
    const shown = root ? norm(spec.shown(root) || '') : '';
    const want = norm(chosen);
    return Boolean(shown && want) && (shown === want || shown.startsWith(want));
  }

  kit.widgets = kit.widgets || {};

  kit.selectShown = (locator) => {
    const root = kit.resolve(locator.target);
    return root ? (KITS[locator.kit] || KITS.aria).shown(root) || '' : '';
  };

  kit.widgets.custom_select = async (step) => {
    const spec = KITS[step.locator.kit] || KITS.aria;
    const root = kit.resolve(step.locator.target);
    if (!root) return kit.result(step, 'left_for_shopper', 'not_found');
    const wanted = [step.value, ...(step.alternatives || [])].filter(Boolean);
    if (wanted.some((w) => shownMatches(step, spec, w))) {
      return kit.result(step, 'filled_verified', null, { shown: spec.shown(root)?.trim() });
    }
    const live = () => kit.resolve(step.locator.target);
    let option = null;
    const triggerCount = spec.triggers(root).length;
    for (let i = 0; i < triggerCount && !option; i += 1) {
      const trigger = live() && spec.triggers(live())[i];
      if (!trigger) continue;
      kit.realClick(trigger);
      option = (await findOption(live, spec, wanted)) || (await scrollFor(live, spec, wanted));
      if (!option && live() && spec.options(live()).some(kit.visible)) break; // open: not offered
    }
    if (!option) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      return kit.result(step, 'left_for_shopper', 'no_option');
    }
    if (isDisabled(option)) return kit.result(step, 'left_for_shopper', 'option_disabled');
    const chosen = firstLine(option).trim();
    kit.realClick(option);
    const ok = await kit.waitFor(() => shownMatches(step, spec, chosen), 2000);
    const now = kit.resolve(step.locator.target);
    if (ok) kit.mark(now);
    return kit.result(step, ok ? 'filled_verified' : 'filled_unconfirmed', ok ? null : 'not_verified',
      { value: chosen, shown: now ? (spec.shown(now) || '').trim() : null });
  };

  kit.widgets.native_select = async (step) => {
    let el = kit.resolve(step.locator.target);
    if (!el || el.tagName !== 'SELECT') return kit.result(step, 'left_for_shopper', 'not_found');
    const wanted = [step.value, ...(step.alternatives || [])].filter(Boolean).map(norm);
    const option = [...el.options].find((o) => wanted.includes(norm(o.textContent)));
    if (!option) return kit.result(step, 'left_for_shopper', 'no_option');
    if (option.disabled) return kit.result(step, 'left_for_shopper', 'option_disabled');
    el.focus?.({ preventScroll: true });
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, option.value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    kit.blur(el);
    await kit.settle(250, 1500);
    el = el.isConnected ? el : kit.resolve(step.locator.target);
    const ok = el && el.selectedOptions[0] && norm(el.selectedOptions[0].textContent) === norm(option.textContent);
    if (ok) kit.mark(el);
    return kit.result(step, ok ? 'filled_verified' : 'filled_unconfirmed', ok ? null : 'not_verified',
      { value: option.textContent.trim() });
  };
})();
