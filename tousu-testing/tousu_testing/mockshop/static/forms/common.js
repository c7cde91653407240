/* Pieces every mock form shares: the test hook, the uploader, the limited textarea, the money
 * input, the real form post, and mounting (with the late / storm faults). */
(function () {
  "use strict";
  var h = React.createElement;
  var useState = React.useState;
  var useEffect = React.useEffect;
  var cfg = window.__tousuFormConfig;
  var skin = window.__tousuSkins[cfg.skin] || window.__tousuSkins.kit;

  // The test hook: what the form would submit, and whether its own submit handler ran.
  var hook = { kind: cfg.kind, skin: cfg.skin, submitted: false, renders: 0, _state: {} };
  hook.state = function () { return JSON.parse(JSON.stringify(hook._state)); };
  window.__tousuMockForm = hook;

  function cx() { return Array.prototype.filter.call(arguments, Boolean).join(" "); }
  function mb(bytes) { return Math.round(bytes / 1048576); }

  function useFormState(initial) {
    var st = useState(initial);
    hook.renders += 1;
    function set(patch) {
      st[1](function (prev) {
        return Object.assign({}, prev, typeof patch === "function" ? patch(prev) : patch);
      });
    }
    useEffect(function () {
      if (!cfg.storm) return undefined;
      // Fault "storm": the page keeps re-rendering (every cfg.storm ms), as over-eager pages do.
      var t = setInterval(function () { set({}); }, cfg.storm);
      return function () { clearInterval(t); };
    }, []);
    return [st[0], set];
  }

  // One hidden file input, replaced (remounted) after every change, thumbnails, a count limit.
  function Uploader(props) {
    var busy = useState(false);
    var generation = useState(0);
    var limit = props.limit;
    function onChange(e) {
      var files = Array.prototype.slice.call(e.target.files || []);
      generation[1](generation[0] + 1);
      if (!files.length) return;
      if (!skin.upload.multiple) files = files.slice(0, 1);
      var room = limit - props.files.length;
      var accepted = [];
      var problems = [];
      files.forEach(function (f) {
        if (accepted.length >= room) problems.push("最多上传" + limit + "张凭证");
        else if (!/^image\//.test(f.type)) problems.push(f.name + "：仅支持图片");
        else if (f.size > cfg.uploadMaxBytes) problems.push(f.name + "：图片不能超过" + mb(cfg.uploadMaxBytes) + "MB");
        else accepted.push(f);
      });
      props.onProblem(problems.filter(function (p, i) { return problems.indexOf(p) === i; }).join("；"));
      if (!accepted.length) return;
      busy[1](true);
      setTimeout(function () { busy[1](false); props.onAdd(accepted); }, cfg.uploadDelay);
    }
    var input = h("input", { key: generation[0], type: "file", name: skin.upload.name, accept: "image/*",
      multiple: skin.upload.multiple, style: { display: "none" }, "aria-hidden": "true", onChange: onChange });
    return h(skin.Field, { id: props.id, title: props.title, cls: skin.upload.cls, titleCls: "upload-title" },
      h("div", { className: cx("upload-list", skin.upload.cls + "-list") },
        props.files.map(function (f, i) {
          return h("div", { key: f.key, className: "upload-thumb", title: f.file.name },
            h("img", { src: f.url, alt: f.file.name }),
            h("span", { className: "upload-remove", onClick: function () { props.onRemove(i); } }, "×"));
        }),
        busy[0] ? h("div", { className: "upload-thumb uploading" }, "上传中") : null,
        props.files.length < limit && !busy[0]
          ? h("label", { className: "upload-add", role: cfg.skin === "fusion" ? "application" : undefined }, "+", input)
          : null),
      h("div", { className: "upload-tip" }, "最多" + limit + "张，每张不超过" + mb(cfg.uploadMaxBytes) + "MB · 已上传 ",
        h("span", { className: "upload-count" }, props.files.length + "/" + limit)),
      props.problem ? h("div", { className: "upload-error" }, props.problem) : null);
  }
  function addFiles(set, key) {
    return {
      onAdd: function (fs) {
        set(function (prev) {
          var more = fs.map(function (f) {
            return { key: Math.random().toString(36).slice(2), file: f, url: URL.createObjectURL(f) };
          });
          var patch = {};
          patch[key] = prev[key].concat(more);
          return patch;
        });
      },
      onRemove: function (i) {
        set(function (prev) {
          var patch = {};
          patch[key] = prev[key].filter(function (_, j) { return j !== i; });
          return patch;
        });
      },
    };
  }

  // A controlled textarea with a maxlength and a live n/N counter; composition respected.
  function LimitedTextarea(props) {
    return h(skin.Field, { id: props.id, title: props.title, required: props.required, cls: "mod-textarea-pc",
      titleCls: "textarea-title" },
      h("span", { className: cx("textarea-wrap", skin.textarea !== "textarea" && skin.textarea) },
        h("textarea", { className: cx("textarea", skin.textarea), maxLength: props.max, value: props.value,
          placeholder: props.placeholder, "aria-label": props.title,
          onChange: function (e) { props.onChange(e.target.value.slice(0, props.max)); } }),
        h("span", { className: cx("textarea-count", cfg.skin === "fusion" && "next-input-len",
          cfg.skin === "antd" && "ant-input-data-count") }, props.value.length + "/" + props.max)));
  }

  function MoneyInput(props) {
    return h(skin.Field, { id: props.id, title: props.title, required: true, cls: "mod-input-pc", titleCls: "input-title" },
      h("input", { id: props.id + "-input", className: cx("input", skin.input), type: "text", value: props.value,
        "aria-label": props.title, onChange: function (e) { props.onChange(e.target.value); } }),
      h("span", { className: "input-tip" }, "最多 ￥", h("span", { className: "max-fee" }, props.max)),
      props.error ? h("div", { className: "input-error" }, props.error) : null);
  }
  function moneyProblem(value, max, needPositive) {
    if (!/^\d+(\.\d{1,2})?$/.test(value)) return "请输入正确的金额";
    var v = parseFloat(value);
    if (v > parseFloat(max)) return "金额不能超过 ￥" + max;
    if (v <= 0 && needPositive) return "金额应大于0";
    return "";
  }

  // A real form post (not fetch), so the browser navigates through the shop's redirect.
  function postForm(url, fields, files, fileField) {
    hook.submitted = true;
    var form = document.createElement("form");
    form.method = "post";
    form.enctype = "multipart/form-data";
    form.action = url;
    form.style.display = "none";
    Object.keys(fields).forEach(function (k) {
      [].concat(fields[k]).forEach(function (v) {
        var input = document.createElement("input");
        input.type = "hidden"; input.name = k; input.value = v;
        form.appendChild(input);
      });
    });
    var dt = new DataTransfer();
    files.forEach(function (f) { dt.items.add(f.file); });
    var fileInput = document.createElement("input");
    fileInput.type = "file"; fileInput.name = fileField; fileInput.multiple = true; fileInput.files = dt.files;
    form.appendChild(fileInput);
    document.body.appendChild(form);
    form.submit();
  }
  function fileSummary(files) {
    return files.map(function (f) { return { name: f.file.name, size: f.file.size, type: f.file.type }; });
  }

  function mount(App) {
    function go() { ReactDOM.createRoot(document.getElementById("App")).render(h(App)); }
    if (cfg.late) setTimeout(go, cfg.late);
    else go();
  }

  window.__tousuForm = { cfg: cfg, skin: skin, hook: hook, h: h, cx: cx, useFormState: useFormState,
    Uploader: Uploader, addFiles: addFiles, LimitedTextarea: LimitedTextarea, MoneyInput: MoneyInput,
    moneyProblem: moneyProblem, postForm: postForm, fileSummary: fileSummary, mount: mount };
})();
