/* 申请淘宝介入 (from a refund's detail page): 介入原因, 问题说明, evidence, 提交申请. The real form is
 * UNCONFIRMED; this follows the kit's in-page action form shape. */
(function () {
  "use strict";
  var F = window.__tousuForm;
  var h = F.h;
  var cfg = F.cfg;
  var skin = F.skin;

  function InterventionForm() {
    var fs = F.useFormState({ reason: "", memo: "", files: [], uploadProblem: "" });
    var s = fs[0];
    var set = fs[1];
    var valid = !!(s.reason && s.memo.trim());
    F.hook._state = { disputeId: cfg.disputeId, reason: s.reason, memo: s.memo, files: F.fileSummary(s.files), valid: valid };
    function submit() {
      if (!valid) return;
      F.postForm(cfg.submitUrl, { disputeId: cfg.disputeId, _tb_token_: cfg.token, reason: s.reason, memo: s.memo },
        s.files, "proofFiles");
    }
    return h("div", { className: "mod-intervention-apply skin-" + cfg.skin, id: "interventionRoot_1" },
      h(skin.Select, { id: "interventionReason_1", title: "介入原因", required: true, value: s.reason,
        options: cfg.reasons, onChange: function (v) { set({ reason: v }); } }),
      h(F.LimitedTextarea, { id: "interventionMemo_1", title: "问题说明", required: true, max: cfg.descMax, value: s.memo,
        placeholder: "请说明需要淘宝介入处理的问题", onChange: function (v) { set({ memo: v }); } }),
      h(F.Uploader, Object.assign({ id: "interventionProof_1", title: "上传凭证", limit: cfg.uploadLimit, files: s.files,
        problem: s.uploadProblem, onProblem: function (p) { set({ uploadProblem: p }); } }, F.addFiles(set, "files"))),
      h(skin.Submit, { enabled: valid, onSubmit: submit, label: "提交申请" }));
  }

  F.mount(InterventionForm);
})();
