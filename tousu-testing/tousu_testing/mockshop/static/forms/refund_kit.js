/* The after-sales form (refund2 dispute/apply.htm) in the shape of Taobao's Ultron refund kit,
 * built with React itself so that every control is really controlled: a value written to the DOM
 * without the events React listens to is lost at the next render, as on the real page.
 * Config comes from the page: window.__tousuFormConfig (see pages/forms.py). */
(function () {
  "use strict";
  var h = React.createElement;
  var useState = React.useState;
  var useEffect = React.useEffect;
  var useRef = React.useRef;
  var cfg = window.__tousuFormConfig;

  // The test hook: what the form would submit, and whether its own submit handler ran.
  var hook = { kind: "refund", submitted: false, renders: 0, _state: {} };
  hook.state = function () { return JSON.parse(JSON.stringify(hook._state)); };
  window.__tousuMockForm = hook;

  function cx() {
    return Array.prototype.filter.call(arguments, Boolean).join(" ");
  }

  // div.mod-select-pc: .select-title label, .selected-wrap trigger + shown value, options inside.
  function KitSelect(props) {
    var open = useState(false);
    var chosen = props.options.find(function (o) { return o.name === props.value; });
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
            onClick: function () {
              if (o.disabled) return;
              open[1](false);
              props.onChange(o.name);
            },
          }, h("span", { className: "option-name" }, o.name), o.desc ? h("span", { className: "option-desc" }, o.desc) : null);
        })));
  }

  function Uploader(props) {
    var busy = useState(false);
    var generation = useState(0);
    function onChange(e) {
      var files = Array.prototype.slice.call(e.target.files || []);
      if (!files.length) return;
      var room = props.limit - props.files.length;
      var accepted = [];
      var problems = [];
      files.slice(0, 1).forEach(function (f) {
        if (room <= 0) problems.push("最多上传" + props.limit + "张凭证");
        else if (!/^image\//.test(f.type)) problems.push(f.name + "：仅支持图片");
        else if (f.size > props.maxBytes) problems.push(f.name + "：图片不能超过" + Math.round(props.maxBytes / 1048576) + "MB");
        else accepted.push(f);
      });
      props.onProblem(problems.join("；"));
      // The kit's input node is replaced after every upload (a new key remounts it).
      generation[1](generation[0] + 1);
      if (!accepted.length) return;
      busy[1](true);
      setTimeout(function () {
        busy[1](false);
        props.onAdd(accepted);
      }, cfg.uploadDelay);
    }
    return h("div", { className: "mod-upload-pc", id: "uploadImages_1" },
      h("div", { className: "upload-title" }, "上传凭证"),
      h("div", { className: "upload-list" },
        props.files.map(function (f, i) {
          return h("div", { key: f.key, className: "upload-thumb", title: f.file.name },
            h("img", { src: f.url, alt: f.file.name }),
            h("span", { className: "upload-remove", onClick: function () { props.onRemove(i); } }, "×"));
        }),
        busy[0] ? h("div", { className: "upload-thumb uploading" }, "上传中") : null,
        props.files.length < props.limit && !busy[0]
          ? h("label", { className: "upload-add" }, "+",
              h("input", { key: generation[0], type: "file", name: "photoUploader", accept: "image/*",
                style: { display: "none" }, onChange: onChange }))
          : null),
      h("div", { className: "upload-tip" }, "最多" + props.limit + "张，每张不超过" + Math.round(props.maxBytes / 1048576) + "MB",
        " · 已上传 ", h("span", { className: "upload-count" }, props.files.length + "/" + props.limit)),
      props.problem ? h("div", { className: "upload-error" }, props.problem) : null);
  }

  // The fields after 服务类型: remounted (new nodes, reset values) after each "adjust" round trip.
  function LaterFields(props) {
    var s = props.state;
    var amountError = props.amountError;
    return h("div", { className: "later-fields", "data-generation": props.generation },
      h(KitSelect, { id: "reasonSelect_1", title: "退款原因", required: true, value: s.reason,
        options: cfg.reasons[s.refundType] || [], onChange: function (v) { props.set({ reason: v }); } }),
      h("div", { className: "mod-input-pc", id: "applyRefundFeeInput_1" },
        h("div", { className: "input-title" }, h("i", { className: "required" }, "*"), "退款金额"),
        h("input", { id: "applyRefundFeeInput_1-input", className: "input", type: "text", value: s.refundFee,
          onChange: function (e) { props.set({ refundFee: e.target.value }); },
          onBlur: function () { props.set({ touchedFee: true }); } }),
        h("span", { className: "input-tip" }, "最多 ￥", h("span", { className: "max-fee" }, cfg.maxAmount)),
        amountError ? h("div", { className: "input-error" }, amountError) : null),
      h("div", { className: "mod-textarea-pc", id: "refundMemo_1" },
        h("div", { className: "textarea-title" }, "补充描述"),
        h("textarea", { className: "textarea", maxLength: cfg.descMax, value: s.desc, placeholder: "补充描述，有助于商家更好的处理售后问题",
          onCompositionStart: function () { props.composing.current = true; },
          onCompositionEnd: function (e) { props.composing.current = false; props.set({ desc: e.target.value.slice(0, cfg.descMax) }); },
          onChange: function (e) { props.set({ desc: e.target.value.slice(0, cfg.descMax) }); } }),
        h("span", { className: "textarea-count" }, s.desc.length + "/" + cfg.descMax)),
      h(Uploader, { limit: cfg.uploadLimit, maxBytes: cfg.uploadMaxBytes, files: s.files, problem: s.uploadProblem,
        onProblem: function (p) { props.set({ uploadProblem: p }); },
        onAdd: function (fs) {
          props.set(function (prev) {
            return { files: prev.files.concat(fs.map(function (f) {
              return { key: Math.random().toString(36).slice(2), file: f, url: URL.createObjectURL(f) };
            })).slice(0, cfg.uploadLimit) };
          });
        },
        onRemove: function (i) {
          props.set(function (prev) { return { files: prev.files.filter(function (_, j) { return j !== i; }) }; });
        } }));
  }

  function amountProblem(s) {
    if (!/^\d+(\.\d{1,2})?$/.test(s.refundFee)) return "请输入正确的金额";
    var v = parseFloat(s.refundFee);
    if (v > parseFloat(cfg.maxAmount)) return "退款金额不能超过 ￥" + cfg.maxAmount;
    if (v <= 0 && (s.refundType === "仅退款" || s.refundType === "退货退款")) return "退款金额应大于0";
    return "";
  }

  function RefundForm() {
    var initial = { refundType: "", reason: "", refundFee: cfg.maxAmount, desc: "",
      files: [], uploadProblem: "", touchedFee: false };
    var st = useState(initial);
    var adjusting = useState(false);
    var generation = useState(0);
    var sending = useState(false);
    var composing = useRef(false);
    var s = st[0];
    hook.renders += 1;

    function set(patch) {
      st[1](function (prev) {
        var p = typeof patch === "function" ? patch(prev) : patch;
        return Object.assign({}, prev, p);
      });
    }

    useEffect(function () {
      if (!cfg.storm) return undefined;
      // Fault "storm": the page keeps re-rendering, as an over-eager Ultron page does.
      var t = setInterval(function () { set({}); }, cfg.storm);
      return function () { clearInterval(t); };
    }, []);

    function chooseType(v) {
      if (v === s.refundType) return;
      set({ refundType: v });
      adjusting[1](true);
      // The "adjust" round trip: the later fields come back as new nodes with reset values.
      setTimeout(function () {
        set({ reason: "", refundFee: cfg.maxAmount, desc: "", files: [], uploadProblem: "", touchedFee: false });
        generation[1](function (g) { return g + 1; });
        adjusting[1](false);
      }, cfg.adjustDelay);
    }

    var amountError = s.refundType ? amountProblem(s) : "";
    var valid = !!(s.refundType && s.reason && !amountError && !adjusting[0] && !sending[0]);
    hook._state = {
      bizOrderId: cfg.subOrderId, type: cfg.type, refundType: s.refundType, reason: s.reason,
      refundFee: s.refundFee, desc: s.desc, files: s.files.map(function (f) { return { name: f.file.name, size: f.file.size, type: f.file.type }; }),
      valid: valid, adjusting: adjusting[0],
    };

    function submit() {
      if (!valid) return;
      hook.submitted = true;
      sending[1](true);
      // A real form post (not fetch), so the browser navigates through the shop's redirect.
      var form = document.createElement("form");
      form.method = "post";
      form.enctype = "multipart/form-data";
      form.action = cfg.submitUrl;
      form.style.display = "none";
      var fields = { bizOrderId: cfg.subOrderId, type: cfg.type, _tb_token_: cfg.token,
        refundType: s.refundType, reason: s.reason, refundFee: s.refundFee, desc: s.desc };
      Object.keys(fields).forEach(function (k) {
        var input = document.createElement("input");
        input.type = "hidden"; input.name = k; input.value = fields[k];
        form.appendChild(input);
      });
      var dt = new DataTransfer();
      s.files.forEach(function (f) { dt.items.add(f.file); });
      var files = document.createElement("input");
      files.type = "file"; files.name = "proofFiles"; files.multiple = true; files.files = dt.files;
      form.appendChild(files);
      document.body.appendChild(form);
      form.submit();
    }

    return h("div", { className: "mod-dispute-apply", id: "rootContainer_1" },
      h(KitSelect, { id: "refundTypeSelect_1", title: "服务类型", required: true, value: s.refundType,
        options: cfg.types, onChange: chooseType }),
      s.refundType && !adjusting[0] && generation[0] > 0
        ? h(LaterFields, { key: "g" + generation[0], generation: generation[0], state: s, set: set, composing: composing,
            amountError: s.touchedFee || s.refundFee !== cfg.maxAmount ? amountError : "" })
        : s.refundType ? h("div", { className: "adjust-loading" }, "加载中…") : null,
      h("div", { id: "submitButtonContainer_1", className: "mod-button-pc" },
        h("div", { className: cx("button-item", "center", "highlight", !valid && "disabled"), onClick: submit }, "提交")));
  }

  function mount() {
    ReactDOM.createRoot(document.getElementById("App")).render(h(RefundForm));
  }
  if (cfg.late) setTimeout(mount, cfg.late);
  else mount();
})();
