/* The complaint form (投诉卖家): fields real (bpass submit schema), DOM invented. 投诉原因 (level 1)
 * -> 具体原因 (level 2, remounted after a short round trip), the items of the order with
 * quantities, 问题描述 (proof memo), evidence images, the masked contact phone (read-only). */
(function () {
  "use strict";
  var F = window.__tousuForm;
  var h = F.h;
  var cx = F.cx;
  var cfg = F.cfg;
  var skin = F.skin;
  var useState = React.useState;

  function reasonOf(name) { return cfg.reasons.find(function (r) { return r.name === name; }); }

  // One row per item: a checkbox (onChange from click, as React does) and a quantity stepper.
  function Targets(props) {
    var chosen = props.value;
    function toggle(t) {
      var next = Object.assign({}, chosen);
      if (next[t.subOrderId]) delete next[t.subOrderId];
      else next[t.subOrderId] = t.quantity;
      props.onChange(next);
    }
    function setQty(t, q) {
      var next = Object.assign({}, chosen);
      next[t.subOrderId] = Math.max(1, Math.min(t.quantity, q));
      props.onChange(next);
    }
    return h(skin.Field, { id: "complaintTargets_1", title: "投诉商品", required: true, cls: "mod-targets-pc", titleCls: "field-title" },
      h("div", { className: "target-list" }, cfg.targets.map(function (t) {
        var on = chosen[t.subOrderId] !== undefined;
        return h("div", { key: t.subOrderId, className: cx("target-item", on && "checked"), "data-sub-order-id": t.subOrderId },
          h("label", { className: "target-check" },
            h("input", { type: "checkbox", className: "target-checkbox", name: "complaintTargets", value: t.subOrderId, checked: on, onChange: function () { toggle(t); } }),
            h("span", { className: "target-title" }, t.title)),
          t.sku ? h("span", { className: "target-sku" }, t.sku) : null,
          h("span", { className: "target-price" }, "￥" + t.unitPrice + " × " + t.quantity),
          h("span", { className: "quantity-stepper" + (on ? "" : " disabled") },
            h("span", { className: "quantity-minus", role: "button", "aria-label": "减少",
              onClick: function () { if (on) setQty(t, chosen[t.subOrderId] - 1); } }, "−"),
            h("input", { className: "quantity-input", type: "text", "aria-label": "投诉数量", disabled: !on,
              value: on ? String(chosen[t.subOrderId]) : "0",
              onChange: function (e) { var q = parseInt(e.target.value, 10); if (on && q) setQty(t, q); } }),
            h("span", { className: "quantity-plus", role: "button", "aria-label": "增加",
              onClick: function () { if (on) setQty(t, chosen[t.subOrderId] + 1); } }, "+"),
            h("span", { className: "quantity-max" }, "最多" + t.quantity)));
      })));
  }

  function ComplaintForm() {
    var single = cfg.targets.length === 1 ? (function () { var o = {}; o[cfg.targets[0].subOrderId] = cfg.targets[0].quantity; return o; })() : {};
    var fs = F.useFormState({ reason: "", subReason: "", targets: single, content: "", files: [], uploadProblem: "" });
    var s = fs[0];
    var set = fs[1];
    var loading = useState(false);
    var generation = useState(0);

    function chooseReason(v) {
      if (v === s.reason) return;
      set({ reason: v, subReason: "" });
      loading[1](true);
      setTimeout(function () { generation[1](function (g) { return g + 1; }); loading[1](false); }, cfg.adjustDelay);
    }

    var reason = reasonOf(s.reason);
    var sub = reason && reason.subs.find(function (x) { return x.name === s.subReason; });
    var targetList = Object.keys(s.targets).map(function (id) { return { subOrderId: id, quantity: s.targets[id] }; });
    var valid = !!(reason && sub && targetList.length && s.content.trim() && !loading[0]);
    F.hook._state = { bizId: cfg.orderId, reasonCode: reason ? reason.code : "", reason: s.reason,
      subReasonCode: sub ? sub.code : "", subReason: s.subReason,
      complaintTargets: targetList.map(function (t) { return { orderId: cfg.orderId, subOrderId: t.subOrderId, quantity: t.quantity }; }),
      proofTask: { memo: s.content, voucherList: F.fileSummary(s.files) },
      contact: { phoneNumber: cfg.phone, desensitized: true }, valid: valid, adjusting: loading[0] };

    function submit() {
      if (!valid) return;
      F.postForm(cfg.submitUrl, { bizId: cfg.orderId, _tb_token_: cfg.token, complaintReason: s.reason,
        reasonCode: reason.code, subReason: s.subReason, subReasonCode: sub.code, content: s.content,
        complaintTargets: JSON.stringify(targetList) }, s.files, "proofFiles");
    }

    var subOptions = reason ? reason.subs : [];
    return h("div", { className: "mod-complaint-apply skin-" + cfg.skin, id: "complaintRoot_1" },
      h(skin.Select, { id: "complaintReason_1", title: "投诉原因", required: true, value: s.reason,
        options: cfg.reasons, onChange: chooseReason }),
      s.reason && !loading[0] && generation[0] > 0
        ? h(skin.Select, { key: "sub" + generation[0], id: "complaintSubReason_1", title: "具体原因", required: true,
            value: s.subReason, options: subOptions, onChange: function (v) { set({ subReason: v }); } })
        : s.reason ? h("div", { className: "adjust-loading" }, "加载中…") : null,
      h(Targets, { value: s.targets, onChange: function (v) { set({ targets: v }); } }),
      h(F.LimitedTextarea, { id: "complaintMemo_1", title: "问题描述", required: true, max: cfg.descMax, value: s.content,
        placeholder: "请详细描述您遇到的问题", onChange: function (v) { set({ content: v }); } }),
      h(F.Uploader, Object.assign({ id: "complaintProof_1", title: "上传凭证", limit: cfg.uploadLimit, files: s.files,
        problem: s.uploadProblem, onProblem: function (p) { set({ uploadProblem: p }); } }, F.addFiles(set, "files"))),
      h(skin.Field, { id: "contactPhone_1", title: "联系电话", cls: "mod-contact-pc", titleCls: "field-title" },
        h("span", { className: "contact-phone", "data-desensitized": "true" }, cfg.phone)),
      h(skin.Submit, { enabled: valid, onSubmit: submit, label: "提交投诉" }));
  }

  F.mount(ComplaintForm);
})();
