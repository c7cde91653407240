/* Widget skins for the mock forms, all real React components with controlled state:
 *   kit    Taobao's Ultron refund kit (mod-select-pc; options inside the component)
 *   fusion Fusion Next-like (popup listbox portalled to body; radios change on click only)
 *   antd   Ant Design-like (selects open on mousedown only; virtual list renders ~10 rows)
 *   variant classes of none of them, same visible labels: an ARIA combobox that counts a click
 *          only after a mousedown on it, and one picker with no semantics at all (Picker)
 * Each skin gives Select({id,title,options,value,onChange,required}), Choice (a radio group or a
 * select), Picker (a select a fill may not be able to identify; Select in every skin but variant),
 * Field({title,children}), Submit({enabled,onSubmit}) and uploader names. */
(function () {
  "use strict";
  var h = React.createElement;
  var useState = React.useState;
  var useEffect = React.useEffect;
  var useRef = React.useRef;

  function cx() { return Array.prototype.filter.call(arguments, Boolean).join(" "); }
  function find(options, value) { return options.find(function (o) { return o.name === value; }); }

  // A popup closes on a pointer press anywhere outside both the trigger and the popup.
  function useOutside(open, setOpen, refs) {
    useEffect(function () {
      if (!open) return undefined;
      function onDown(e) {
        if (refs.some(function (r) { return r.current && r.current.contains(e.target); })) return;
        setOpen(false);
      }
      document.addEventListener("mousedown", onDown, true);
      return function () { document.removeEventListener("mousedown", onDown, true); };
    }, [open]);
  }

  // ------------------------------------------------------------------ kit
  function KitSelect(props) {
    var open = useState(false);
    var chosen = find(props.options, props.value);
    function toggle() { open[1](!open[0]); }
    return h("div", { className: "mod-select-pc", id: props.id },
      h("div", { className: "select-title" }, props.required ? h("i", { className: "required" }, "*") : null, props.title),
      h("div", { className: cx("selected-wrap", !chosen && "placeholder"), onClick: toggle },
        h("span", { className: "selected-text" }, chosen ? chosen.name : "请选择"),
        h("i", { className: "arrow-down", onClick: function (e) { e.stopPropagation(); toggle(); } })),
      h("div", { className: "options-wrap", style: { display: open[0] ? "block" : "none" } },
        props.options.map(function (o) {
          return h("div", {
            key: o.name,
            className: cx("options-item", o.disabled && "disabled", o.name === props.value && "selected"),
            onClick: function () { if (o.disabled) return; open[1](false); props.onChange(o.name); },
          }, h("span", { className: "option-name" }, o.name), o.desc ? h("span", { className: "option-desc" }, o.desc) : null);
        })));
  }
  function KitField(props) {
    return h("div", { className: props.cls || "mod-field-pc", id: props.id },
      h("div", { className: props.titleCls || "field-title" },
        props.required ? h("i", { className: "required" }, "*") : null, props.title),
      props.children);
  }
  function KitSubmit(props) {
    return h("div", { id: "submitButtonContainer_1", className: "mod-button-pc" },
      h("div", { className: cx("button-item", "center", "highlight", !props.enabled && "disabled"),
        onClick: function () { if (props.enabled) props.onSubmit(); } }, props.label || "提交"));
  }

  // ------------------------------------------------------------------ fusion
  function FusionSelect(props) {
    var open = useState(false);
    var trigger = useRef(null);
    var popup = useRef(null);
    var pos = useState(null);
    useOutside(open[0], open[1], [trigger, popup]);
    var chosen = find(props.options, props.value);
    function toggle() {
      var r = trigger.current.getBoundingClientRect();
      pos[1]({ left: r.left + window.scrollX, top: r.bottom + window.scrollY, width: r.width });
      open[1](!open[0]);
    }
    var menu = open[0] && pos[0] ? ReactDOM.createPortal(
      h("div", { className: "next-overlay-wrapper opened", ref: popup },
        h("div", { className: "next-overlay-inner next-select-single-menu", style: {
          position: "absolute", left: pos[0].left, top: pos[0].top, minWidth: pos[0].width } },
          h("div", { className: "next-select-spacing-tb" },
            h("ul", { className: "next-menu next-select-menu", role: "listbox", id: props.id + "-listbox" },
              props.options.map(function (o) {
                var sel = o.name === props.value;
                return h("li", { key: o.name, role: "option", title: o.name, "aria-selected": sel ? "true" : "false",
                  "aria-disabled": o.disabled ? "true" : undefined,
                  className: cx("next-menu-item", "next-select-menu-item", sel && "next-selected", o.disabled && "next-disabled"),
                  onClick: function () { if (o.disabled) return; open[1](false); props.onChange(o.name); } },
                  h("div", { className: "next-menu-item-inner" }, o.name,
                    o.desc ? h("span", { className: "next-menu-item-helper" }, o.desc) : null));
              }))))), document.body) : null;
    return h(FusionField, { title: props.title, required: props.required, id: props.id },
      h("span", { ref: trigger, className: "next-select next-select-trigger next-select-single next-medium",
        "aria-haspopup": "true", "aria-expanded": open[0] ? "true" : "false", onClick: toggle,
        onMouseDown: function (e) { e.preventDefault(); } },
        h("span", { className: "next-input next-select-inner" },
          h("span", { className: "next-select-values next-input-text-field" },
            chosen ? h("em", { title: chosen.name }, chosen.name)
              : h("span", { className: "next-select-trigger-search" }, h("span", null, "请选择"))),
          h("input", { role: "combobox", readOnly: true, "aria-expanded": open[0] ? "true" : "false",
            "aria-controls": props.id + "-listbox", "aria-label": props.title, value: "", onChange: function () {} }),
          h("span", { className: "next-select-arrow" }, h("i", { className: "next-icon next-icon-arrow-down" })))),
      menu);
  }
  // Radios whose onChange React fires from click only: a bare `change` event does nothing.
  function FusionRadios(props) {
    return h(FusionField, { title: props.title, required: props.required, id: props.id },
      h("div", { className: "next-radio-group", role: "radiogroup", "aria-label": props.title },
        props.options.map(function (o) {
          var on = o.name === props.value;
          return h("label", { key: o.name, className: cx("next-radio-wrapper", on && "checked", o.disabled && "disabled"),
            "aria-checked": on ? "true" : "false" },
            h("span", { className: cx("next-radio", on && "checked") },
              h("span", { className: "next-radio-inner" }),
              h("input", { type: "radio", className: "next-radio-input", name: props.id, value: o.name, checked: on,
                disabled: !!o.disabled, "aria-checked": on ? "true" : "false",
                onChange: function () { props.onChange(o.name); } })),
            h("span", { className: "next-radio-label" }, o.name));
        })));
  }
  function FusionField(props) {
    return h("div", { className: "next-form-item next-left", id: props.id + "-item" },
      h("div", { className: "next-form-item-label" },
        h("label", { className: props.required ? "next-form-item-required" : "" }, props.title)),
      h("div", { className: "next-form-item-control" }, props.children));
  }
  function FusionSubmit(props) {
    return h("div", { className: "next-form-item submit-row" },
      h("button", { type: "button", className: cx("next-btn", "next-medium", "next-btn-primary", !props.enabled && "next-btn-disabled"),
        disabled: !props.enabled, onClick: props.onSubmit }, h("span", { className: "next-btn-helper" }, props.label || "提交")));
  }

  // ------------------------------------------------------------------ antd
  var ROW = 32;
  var ROWS = 10;
  function AntSelect(props) {
    var open = useState(false);
    var top = useState(0);
    var trigger = useRef(null);
    var popup = useRef(null);
    var pos = useState(null);
    useOutside(open[0], open[1], [trigger, popup]);
    var chosen = find(props.options, props.value);
    // rc-select opens on mousedown of the selector; a click alone only focuses.
    function onMouseDown(e) {
      e.preventDefault();
      var r = trigger.current.getBoundingClientRect();
      pos[1]({ left: r.left + window.scrollX, top: r.bottom + window.scrollY, width: r.width });
      open[1](!open[0]);
    }
    var first = Math.floor(top[0] / ROW);
    var rows = props.options.slice(first, first + ROWS);
    var list = ReactDOM.createPortal(
      h("div", { ref: popup, className: cx("ant-select-dropdown", !open[0] && "ant-select-dropdown-hidden"),
        style: pos[0] ? { position: "absolute", left: pos[0].left, top: pos[0].top, width: pos[0].width } : { display: "none" } },
        h("div", { role: "listbox", id: props.id + "-list", className: "ant-select-a11y" },
          props.options.slice(0, 2).map(function (o) { return h("div", { key: o.name, role: "option", "aria-label": o.name }, o.name); })),
        h("div", { className: "rc-virtual-list" },
          h("div", { className: "rc-virtual-list-holder", style: { maxHeight: ROW * 8, overflowY: "auto" },
            onScroll: function (e) { top[1](e.currentTarget.scrollTop); } },
            h("div", { style: { height: props.options.length * ROW, position: "relative" } },
              h("div", { className: "rc-virtual-list-holder-inner", style: { position: "absolute", top: first * ROW, left: 0, right: 0 } },
                rows.map(function (o) {
                  var sel = o.name === props.value;
                  return h("div", { key: o.name, title: o.name, style: { height: ROW },
                    className: cx("ant-select-item", "ant-select-item-option", sel && "ant-select-item-option-selected",
                      o.disabled && "ant-select-item-option-disabled"),
                    onMouseDown: function (e) { e.preventDefault(); },
                    onClick: function () { if (o.disabled) return; open[1](false); props.onChange(o.name); } },
                    h("div", { className: "ant-select-item-option-content" }, o.name));
                })))))), document.body);
    return h(AntField, { title: props.title, required: props.required, id: props.id },
      h("div", { ref: trigger, className: cx("ant-select", "ant-select-single", open[0] && "ant-select-open") },
        h("div", { className: "ant-select-selector", onMouseDown: onMouseDown },
          h("span", { className: "ant-select-selection-search" },
            h("input", { role: "combobox", readOnly: true, className: "ant-select-selection-search-input",
              "aria-expanded": open[0] ? "true" : "false", "aria-controls": props.id + "-list", "aria-label": props.title,
              value: "", onChange: function () {} })),
          chosen ? h("span", { className: "ant-select-selection-item", title: chosen.name }, chosen.name)
            : h("span", { className: "ant-select-selection-placeholder" }, "请选择")),
        h("span", { className: "ant-select-arrow" })),
      list);
  }
  function AntField(props) {
    return h("div", { className: "ant-form-item", id: props.id + "-item" },
      h("div", { className: "ant-row ant-form-item-row" },
        h("div", { className: "ant-col ant-form-item-label" },
          h("label", { className: props.required ? "ant-form-item-required" : "", title: props.title }, props.title)),
        h("div", { className: "ant-col ant-form-item-control" }, props.children)));
  }
  // H5-style: the button acts only on a click that follows a mousedown on it (a bare .click() is ignored).
  function AntSubmit(props) {
    var armed = useRef(false);
    return h("div", { className: "ant-form-item submit-row" },
      h("button", { type: "button", className: "ant-btn ant-btn-primary", disabled: !props.enabled,
        onMouseDown: function () { armed.current = true; },
        onClick: function () { if (armed.current && props.enabled) props.onSubmit(); armed.current = false; } },
        h("span", null, props.label || "提交")));
  }

  // ------------------------------------------------------------------ variant
  // Markup of no known kit (class names look like a CSS-module build), labels as on every skin.
  // A click counts only when a mousedown on the same element came first (a bare .click() from
  // a script is ignored, as some Taobao H5 widgets do).
  function useArmedClick(action) {
    var armed = useRef(false);
    return {
      onMouseDown: function () { armed.current = true; },
      onClick: function (e) { if (!armed.current) return; armed.current = false; action(e); },
    };
  }
  function VariantOption(props) {
    var o = props.option;
    var press = useArmedClick(function () { if (!o.disabled) props.onPick(o.name); });
    return h("div", Object.assign({ role: "option", id: props.id, "aria-selected": props.selected ? "true" : "false",
      "aria-disabled": o.disabled ? "true" : undefined,
      className: cx("qx7-opt", props.selected && "qx7-opt--on", o.disabled && "qx7-opt--off") }, press),
      h("span", null, o.name), o.desc ? h("small", { className: "qx7-opt-note" }, o.desc) : null);
  }
  function VariantSelect(props) {
    var open = useState(false);
    var trigger = useRef(null);
    var popup = useRef(null);
    var pos = useState(null);
    useOutside(open[0], open[1], [trigger, popup]);
    var chosen = find(props.options, props.value);
    var press = useArmedClick(function () {
      var r = trigger.current.getBoundingClientRect();
      pos[1]({ left: r.left + window.scrollX, top: r.bottom + window.scrollY, width: r.width });
      open[1](!open[0]);
    });
    var listId = props.id + "-opts";
    var menu = open[0] && pos[0] ? ReactDOM.createPortal(
      h("div", { ref: popup, role: "listbox", id: listId, "aria-label": props.title, className: "qx7-pop",
        style: { position: "absolute", left: pos[0].left, top: pos[0].top, minWidth: pos[0].width } },
        props.options.map(function (o, i) {
          return h(VariantOption, { key: o.name, id: listId + "-" + i, option: o, selected: o.name === props.value,
            onPick: function (v) { open[1](false); props.onChange(v); } });
        })), document.body) : null;
    return h(VariantField, { title: props.title, required: props.required, id: props.id },
      h("div", Object.assign({ ref: trigger, role: "combobox", tabIndex: 0, "aria-haspopup": "listbox",
        "aria-expanded": open[0] ? "true" : "false", "aria-controls": listId, "aria-label": props.title,
        className: cx("qx7-box", !chosen && "qx7-box--empty") }, press),
        chosen ? chosen.name : "请选择"),
      menu);
  }
  // No role, no label tie, no form element: chips a fill cannot recognise as a control.
  function VariantPicker(props) {
    return h(VariantField, { title: props.title, required: props.required, id: props.id },
      h("div", { className: "qx7-chips" },
        props.options.map(function (o) {
          return h("span", { key: o.name, className: cx("qx7-chip", o.name === props.value && "qx7-chip--on",
            o.disabled && "qx7-chip--off"), onClick: function () { if (!o.disabled) props.onChange(o.name); } }, o.name);
        })));
  }
  function VariantField(props) {
    return h("div", { className: "qx7-row", id: props.id + "-row" },
      h("label", { className: "qx7-cap" }, props.required ? h("b", { className: "qx7-must" }, "*") : null, props.title),
      h("div", { className: "qx7-ctl" }, props.children));
  }
  function VariantSubmit(props) {
    var press = useArmedClick(function () { if (props.enabled) props.onSubmit(); });
    return h("div", { className: "qx7-row qx7-foot" },
      h("a", Object.assign({ className: cx("qx7-go", !props.enabled && "qx7-go--off"), role: "button",
        "aria-disabled": props.enabled ? "false" : "true" }, press), props.label || "提交"));
  }

  window.__tousuSkins = {
    kit: { Select: KitSelect, Choice: KitSelect, Picker: KitSelect, Field: KitField, Submit: KitSubmit,
      upload: { name: "photoUploader", multiple: false, cls: "mod-upload-pc" }, textarea: "textarea", input: "input" },
    fusion: { Select: FusionSelect, Choice: FusionRadios, Picker: FusionSelect, Field: FusionField, Submit: FusionSubmit,
      upload: { name: "file", multiple: true, cls: "next-upload" }, textarea: "next-input-textarea", input: "next-input" },
    antd: { Select: AntSelect, Choice: AntSelect, Picker: AntSelect, Field: AntField, Submit: AntSubmit,
      upload: { name: "file", multiple: false, cls: "ant-upload" }, textarea: "ant-input", input: "ant-input" },
    variant: { Select: VariantSelect, Choice: VariantSelect, Picker: VariantPicker, Field: VariantField,
      Submit: VariantSubmit, upload: { name: "img", multiple: false, cls: "qx7-up" }, textarea: "qx7-area",
      input: "qx7-in" },
  };
})();
