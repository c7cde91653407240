/* The after-sales form (refund2 dispute/apply.htm): 服务类型 first; choosing it makes a simulated
 * Ultron "adjust" round trip after which every later field is remounted (new nodes, reset values). */
(function () {
  "use strict";
  var F = window.__tousuForm;
  var h = F.h;
  var cfg = F.cfg;
  var skin = F.skin;
  var useState = React.useState;

  function later(s) {
    return { reason: "", refundFee: cfg.maxAmount, desc: "", files: [], uploadProblem: "" };
  }

  function LaterFields(props) {
    var s = props.state;
    var set = props.set;
    return h("div", { className: "later-fields", "data-generation": props.generation },
      h(skin.Picker, { id: "reasonSelect_1", title: "退款原因", required: true, value: s.reason,
        options: cfg.reasons[s.refundType] || [], onChange: function (v) { set({ reason: v }); } }),
      h(F.MoneyInput, { id: "applyRefundFeeInput_1", title: "退款金额", value: s.refundFee, max: cfg.maxAmount,
        error: s.refundFee !== cfg.maxAmount ? props.amountError : "",
        onChange: function (v) { set({ refundFee: v }); } }),
      h(F.LimitedTextarea, { id: "refundMemo_1", title: "补充描述", max: cfg.descMax, value: s.desc,
        placeholder: "补充描述，有助于商家更好的处理售后问题", onChange: function (v) { set({ desc: v }); } }),
      h(F.Uploader, Object.assign({ id: "uploadImages_1", title: "上传凭证", limit: cfg.uploadLimit, files: s.files,
        problem: s.uploadProblem, onProblem: function (p) { set({ uploadProblem: p }); } }, F.addFiles(set, "files"))));
  }

  function AfterSalesForm() {
    var fs = F.useFormState(Object.assign({ refundType: "" }, later()));
    var s = fs[0];
    var set = fs[1];
    var adjusting = useState(false);
    var generation = useState(0);

    function chooseType(v) {
      if (v === s.refundType) return;
      set({ refundType: v });
      adjusting[1](true);
      setTimeout(function () {
        set(later());
        generation[1](function (g) { return g + 1; });
        adjusting[1](false);
      }, cfg.adjustDelay);
    }

    var needPositive = s.refundType === "仅退款" || s.refundType === "退货退款";
    var amountError = s.refundType ? F.moneyProblem(s.refundFee, cfg.maxAmount, needPositive) : "";
    var valid = !!(s.refundType && s.reason && !amountError && !adjusting[0] && generation[0] > 0);
    F.hook._state = { bizOrderId: cfg.subOrderId, type: cfg.type, refundType: s.refundType, reason: s.reason,
      refundFee: s.refundFee, desc: s.desc, files: F.fileSummary(s.files), valid: valid, adjusting: adjusting[0] };

    function submit() {
      if (!valid) return;
      F.postForm(cfg.submitUrl, { bizOrderId: cfg.subOrderId, type: cfg.type, _tb_token_: cfg.token,
        refundType: s.refundType, reason: s.reason, refundFee: s.refundFee, desc: s.desc }, s.files, "proofFiles");
    }

    var ready = s.refundType && !adjusting[0] && generation[0] > 0;
    return h("div", { className: "mod-dispute-apply skin-" + cfg.skin, id: "rootContainer_1" },
      h(skin.Choice, { id: "refundTypeSelect_1", title: "服务类型", required: true, value: s.refundType,
        options: cfg.types, onChange: chooseType }),
      ready ? h(LaterFields, { key: "g" + generation[0], generation: generation[0], state: s, set: set, amountError: amountError })
        : s.refundType ? h("div", { className: "adjust-loading" }, "加载中…") : null,
      h(skin.Submit, { enabled: valid, onSubmit: submit }));
  }

  F.mount(AfterSalesForm);
})();
