// A controlled form in four skins, for the fill e2e tests (served with page routes).
// State is the truth: every change re-renders the whole form from it, replacing every node, so
// a value put into the DOM without the events a framework listens to is lost at the next
// render. The skins differ in markup only: the refund kit (`mod-select-pc`), Fusion-like (popup
// listbox attached to body), antd-like (opens on mousedown, virtual list of 8 rows) and a
// variant with other classes (ARIA combobox that counts a click only after a mousedown, and one
// picker with no semantics at all that a fill cannot identify).
(() => {
  const spec = JSON.parse(document.getElementById('spec').textContent);
  const skin = spec.skin;
  const state = { values: {}, files: [], items: {}, open: null, loading: false, scroll: 0 };
  const api = { submitted: false, submitCount: 0, state: () => JSON.parse(JSON.stringify({
    ...state.values, files: state.files.map((f) => f.name), items: state.items })) };
  window.__tousuMockForm = api;
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const root = document.getElementById('form-root');

  const optionsOf = (field) => (field.depends
    ? (field.options_by[state.values[field.depends]] || field.options_by._default || []) : field.options);

  function set(name, value) {
    state.values[name] = value;
    const field = spec.fields.find((f) => f.name === name);
    render();
    if (field?.cascade) {
      // The "adjust" round trip: later fields are replaced and reset when it answers.
      state.loading = true;
      setTimeout(() => {
        state.loading = false;
        const later = spec.fields.slice(spec.fields.indexOf(field) + 1);
        for (const f of later) if (f.kind !== 'readonly') delete state.values[f.name];
        if (later.some((f) => f.kind === 'upload')) state.files = [];
        render();
      }, spec.cascade_ms);
    }
  }

  const row = (field, inner) => {
    const req = field.required ? '<i class="req">*</i>' : '';
    if (skin === 'ultron') return `<div class="form-line" data-name="${field.name}"><div class="line-label">${req}<label>${field.label}</label></div>${inner}</div>`;
    if (skin === 'fusion') return `<div class="next-form-item" data-name="${field.name}"><label class="next-form-item-label">${req}${field.label}</label><div class="next-form-item-control">${inner}</div></div>`;
    if (skin === 'antd') return `<div class="ant-form-item" data-name="${field.name}"><div class="ant-form-item-label"><label>${req}${field.label}</label></div>${inner}</div>`;
    return `<div class="qq-row" data-name="${field.name}"><label class="qq-cap">${req}${field.label}</label>${inner}</div>`;
  };

  function select(field) {
    const shown = state.values[field.name] || '';
    const open = state.open === field.name;
    if (field.opaque) {
      return row(field, `<div class="zz-drop" data-select="${field.name}">${esc(shown || '请选择')}</div>`);
    }
    if (skin === 'ultron') {
      const opts = optionsOf(field).map((o) => `<div class="options-item" data-option="${esc(o)}">${esc(o)}<span class="desc">${field.desc ? esc(field.desc) : ''}</span></div>`).join('');
      return `<div class="form-line" data-name="${field.name}"><div class="mod-select-pc" data-select="${field.name}"><div class="select-title">${field.required ? '*' : ''}${field.label}</div><div class="selected-wrap">${esc(shown || '请选择')}<i class="arrow-down"></i></div><div class="options-list" style="display:${open ? 'block' : 'none'}">${opts}</div></div></div>`;
    }
    if (skin === 'fusion') {
      return row(field, `<span class="next-select next-select-trigger next-select-single" data-select="${field.name}" aria-haspopup="true" aria-expanded="${open}" aria-controls="pop-${field.name}"><span class="next-select-values">${shown ? `<em title="${esc(shown)}">${esc(shown)}</em>` : '<span class="ph">请选择</span>'}</span><i class="next-select-arrow"></i></span>`);
    }
    if (skin === 'antd') {
      return row(field, `<div class="ant-select" data-select="${field.name}"><div class="ant-select-selector">${shown ? `<span class="ant-select-selection-item" title="${esc(shown)}">${esc(shown)}</span>` : '<span class="ant-select-selection-placeholder">请选择</span>'}</div></div>`);
    }
    return row(field, `<div class="qq-pick" role="combobox" aria-expanded="${open}" aria-controls="lb-${field.name}" data-select="${field.name}">${esc(shown || '请选择')}</div>`);
  }

  function popup() {
    const field = spec.fields.find((f) => f.name === state.open);
    if (!field || skin === 'ultron' || field.opaque) return '';
    const opts = optionsOf(field);
    if (skin === 'fusion') return `<div class="next-overlay-wrapper opened"><ul class="next-menu" role="listbox" id="pop-${field.name}">${opts.map((o) => `<li class="next-menu-item" role="option" title="${esc(o)}" data-option="${esc(o)}"><div class="next-menu-item-inner">${esc(o)}</div></li>`).join('')}</ul></div>`;
    if (skin === 'antd') {
      const first = Math.floor(state.scroll / 32);
      const rows = opts.slice(first, first + 8).map((o, i) => `<div class="ant-select-item ant-select-item-option" title="${esc(o)}" data-option="${esc(o)}" style="position:absolute;top:${(first + i) * 32}px;height:32px"><div class="ant-select-item-option-content">${esc(o)}</div></div>`).join('');
      return `<div class="ant-select-dropdown"><div class="rc-virtual-list-holder" style="height:256px;overflow-y:auto;position:relative"><div style="height:${opts.length * 32}px;position:relative">${rows}</div></div></div>`;
    }
    return `<div role="listbox" id="lb-${field.name}" class="qq-list">${opts.map((o) => `<div role="option" class="qq-opt" data-option="${esc(o)}">${esc(o)}</div>`).join('')}</div>`;
  }

  function field(f) {
    const v = state.values[f.name] ?? '';
    if (f.kind === 'select') return select(f);
    if (f.kind === 'text') {
      const hint = f.max ? `<span class="hint">最多 ￥${f.max}</span>` : '';
      const err = f.max && Number(v) > Number(f.max) ? '<span class="err">不能超过最多可退金额</span>' : '';
      return row(f, `<input type="text" id="${f.id || ''}" data-input="${f.name}" value="${esc(v)}">${hint}${err}`);
    }
    if (f.kind === 'readonly') return row(f, `<input type="text" readonly value="${esc(f.value)}">`);
    if (f.kind === 'textarea') {
      return row(f, `<textarea class="textarea" data-input="${f.name}" maxlength="${f.maxlength}">${esc(v)}</textarea><span class="counter">${[...v].length}/${f.maxlength}</span>`);
    }
    if (f.kind === 'items') {
      return row(f, spec.items.map((it) => {
        const on = it.sub_order_id in state.items;
        return `<div class="item-line"><label class="item-check"><input type="checkbox" name="targets" value="${it.sub_order_id}" ${on ? 'checked' : ''}>${esc(it.title)}</label><input type="number" class="qty" data-qty="${it.sub_order_id}" min="1" max="${it.quantity}" value="${on ? state.items[it.sub_order_id] : 1}"></div>`;
      }).join(''));
    }
    if (f.kind === 'upload') {
      const thumbs = state.files.map((x) => (x.done ? `<div class="thumb"><img alt="${esc(x.name)}" src="${x.url}"></div>` : '<div class="thumb">上传中</div>')).join('');
      const full = state.files.length >= f.limit;
      return row(f, `<div class="uploader">${thumbs}${full ? '' : '<div class="upload-btn">+<input type="file" name="photoUploader" accept="image/*" style="display:none"></div>'}<span class="count">${state.files.length}/${f.limit}</span></div>`);
    }
    return '';
  }

  function valid() {
    return spec.fields.every((f) => !f.required || f.kind === 'upload' || (f.kind === 'items' ? Object.keys(state.items).length : state.values[f.name]));
  }

  function render() {
    const fields = spec.fields.map((f) => (state.loading && spec.fields.indexOf(f) > spec.fields.findIndex((x) => x.cascade) ? '' : field(f))).join('');
    const submit = skin === 'variant'
      ? `<button type="submit" class="qq-go">提交</button>`
      : `<div id="submitButtonContainer_1"><div class="button-item center highlight${valid() ? '' : ' disabled'}">提交</div></div>`;
    root.innerHTML = `<form id="mock-form" onsubmit="return false">${fields}${state.loading ? '<p class="loading">加载中…</p>' : ''}${submit}</form>`;
    document.getElementById('popup-root').innerHTML = popup();
    const holder = document.querySelector('.rc-virtual-list-holder');
    if (holder) {
      holder.scrollTop = state.scroll;
      holder.addEventListener('scroll', () => { if (holder.isConnected && holder.scrollTop !== state.scroll) { state.scroll = holder.scrollTop; render(); } });
    }
  }

  function submitted() { api.submitted = true; api.submitCount += 1; }

  let armed = null; // the variant's picker counts a click only after a mousedown on it
  document.addEventListener('mousedown', (e) => {
    armed = e.target.closest('[data-select]');
    const antd = e.target.closest('.ant-select-selector');
    if (antd && skin === 'antd') {
      const name = antd.parentElement.dataset.select;
      state.open = state.open === name ? null : name;
      state.scroll = 0;
      render();
    }
  });
  document.addEventListener('click', (e) => {
    const option = e.target.closest('[data-option]');
    if (option && state.open) {
      const name = state.open;
      state.open = null;
      return set(name, option.dataset.option);
    }
    const trigger = e.target.closest('[data-select]');
    if (trigger && skin !== 'antd') {
      const name = trigger.dataset.select;
      const f = spec.fields.find((x) => x.name === name);
      if (f.opaque || (skin === 'variant' && armed !== trigger)) return;
      if (skin === 'ultron' && !e.target.closest('.selected-wrap, .arrow-down')) return;
      state.open = state.open === name ? null : name;
      return render();
    }
    if (e.target.closest('.button-item') && !e.target.closest('.disabled')) return submitted();
    if (e.target.name === 'targets') {
      // Like React, a checkbox changes on click; a bare change event does nothing.
      if (e.target.checked) state.items[e.target.value] = 1; else delete state.items[e.target.value];
      return render();
    }
    if (state.open && !e.target.closest('[role=listbox], .ant-select-dropdown, .ant-select')) { state.open = null; render(); }
  });
  document.addEventListener('submit', (e) => { e.preventDefault(); submitted(); });
  document.addEventListener('input', (e) => {
    const name = e.target.dataset.input;
    if (name) { state.values[name] = e.target.value; render(); }
    const qty = e.target.dataset.qty;
    if (qty && qty in state.items) { state.items[qty] = Number(e.target.value); render(); }
  });
  document.addEventListener('change', (e) => {
    if (e.target.type === 'file' && e.target.files.length) {
      const limit = spec.fields.find((f) => f.kind === 'upload').limit;
      for (const file of [...e.target.files].slice(0, 1)) {
        if (state.files.length >= limit) break;
        const entry = { name: file.name, done: false, url: '' };
        state.files.push(entry);
        const reader = new FileReader();
        reader.onload = () => setTimeout(() => { entry.done = true; entry.url = reader.result; render(); }, 300);
        reader.readAsDataURL(file);
      }
      render();
    }
  });
  setTimeout(render, spec.late_ms || 0);
})();
