// 专项资金助手 task pane (templates/taskpane.html). Plain JS; works inside Excel and in
// any browser (uploads need no Office.js; the 当前工作簿 buttons need Excel).
(function () {
  "use strict";
  // Outside Excel (the page opened in a browser, e.g. for uploads only) Office.js never
  // attaches to a host: don't let xlwings' task-pane recovery reload the page (its budget is
  // kept in this sessionStorage key) and hide its "didn't load" prompt (html.sk-browser).
  // Office opens add-in pages with _host_Info in the URL, Excel on the web in a frame.
  const IN_OFFICE = /[?&]_host_Info=/i.test(location.search) || window.top !== window;
  if (!IN_OFFICE) {
    document.documentElement.classList.add("sk-browser");
    try { sessionStorage.setItem("xlwingsTaskpaneReloadCount", "999"); } catch (e) {}
  }

  const KEY = { token: "subsidykit.token", year: "subsidykit.year", region: "subsidykit.region" };
  let limits = { max_files: 300, max_upload_mb: 100, max_file_mb: 20, extensions: [".xlsx", ".xlsm", ".xls", ".ods", ".csv"] };

  const $ = (id) => document.getElementById(id);
  const store = {
    get(name) {
      try { return localStorage.getItem(KEY[name]) || ""; } catch (e) { return ""; }
    },
    set(name, value) {
      try {
        if (value) localStorage.setItem(KEY[name], value);
        else localStorage.removeItem(KEY[name]);
      } catch (e) {}
    },
  };

  function appPath() {
    try { return JSON.parse($("config").textContent).appPath || ""; } catch (e) { return ""; }
  }

  function status(id, text, kind) {
    const el = $(id);
    el.textContent = text;
    el.classList.toggle("sk-error", kind === "error");
    el.classList.toggle("sk-ok", kind === "ok");
  }

  function authHeaders() {
    const token = store.get("token");
    return token ? { Authorization: "Bearer " + token } : {};
  }

  async function errorText(resp) {
    let detail = "";
    try {
      const body = await resp.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (e) {
      try { detail = await resp.text(); } catch (e2) {}
    }
    if (resp.status === 401) return detail || "未授权：请在「设置」中填写有效的访问令牌。";
    if (resp.status === 413) return detail || "上传内容超过服务器限制，请分批上传。";
    return detail || "服务器返回错误 " + resp.status;
  }

  function blobUrl(base64, type) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: type }));
  }
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  // --- views -------------------------------------------------------------------------------
  function show(view) {
    document.querySelectorAll(".sk-view").forEach((s) => s.classList.toggle("d-none", s.id !== "view-" + view));
    document.querySelectorAll(".sk-nav .nav-link").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  }

  // --- settings ----------------------------------------------------------------------------
  function applySettings() {
    const year = store.get("year");
    const region = store.get("region");
    $("token-input").value = store.get("token");
    $("year-input").value = year;
    $("region-input").value = region;
    if (!$("validate-year").value) $("validate-year").value = year;
    if (!$("summary-year").value) $("summary-year").value = year;
    const y = year ? parseInt(year, 10) : null;
    document.querySelector('[xw-click="generate_summary"]').setAttribute("xw-args", JSON.stringify([y, region]));
    document.querySelector('[xw-click="validate_submissions"]').setAttribute("xw-args", JSON.stringify([y]));
    document.querySelector('[xw-click="match_programs"]').setAttribute("xw-args", JSON.stringify([y]));
    $("sk-token-missing").classList.toggle("d-none", Boolean(store.get("token")));
  }

  function saveSettings(event) {
    event.preventDefault();
    const year = $("year-input").value.trim();
    if (year && !(Number(year) >= 2021 && Number(year) <= 2030)) {
      status("settings-status", "年度应为 2021 至 2030 之间的数字。", "error");
      return;
    }
    if (!TOKEN_FORM.test($("token-input").value.trim())) {
      status("settings-status", BAD_TOKEN, "error");
      return;
    }
    store.set("token", $("token-input").value.trim());
    store.set("year", year);
    store.set("region", $("region-input").value.trim());
    applySettings();
    status("settings-status", "已保存。", "ok");
  }

  const TOKEN_FORM = /^[\x21-\x7e]*$/; // tokens are printable ASCII (HTTP headers allow no more)
  const BAD_TOKEN = "令牌格式不对：令牌只含字母、数字和 - _ 等符号，请从管理员的通知中复制。";

  async function checkToken() {
    const token = $("token-input").value.trim();
    if (!TOKEN_FORM.test(token)) {
      status("settings-status", BAD_TOKEN, "error");
      return;
    }
    status("settings-status", "正在验证……");
    try {
      const resp = await fetch(appPath() + "/subsidykit/whoami", {
        method: "POST",
        headers: token ? { Authorization: "Bearer " + token } : {},
      });
      if (resp.ok) {
        const body = await resp.json();
        status("settings-status", "令牌有效（" + body.name + "）。", "ok");
      } else {
        status("settings-status", await errorText(resp), "error");
      }
    } catch (e) {
      status("settings-status", "无法连接服务器：" + e.message, "error");
    }
  }

  // --- 批量校验 ------------------------------------------------------------------------------
  function chosenFiles() {
    const all = [...$("folder-input").files, ...$("files-input").files];
    const ok = all.filter((f) => limits.extensions.some((ext) => f.name.toLowerCase().endsWith(ext)) && !f.name.startsWith("~$"));
    return { all: all, ok: ok };
  }

  function describeSelection() {
    const { all, ok } = chosenFiles();
    const mb = ok.reduce((s, f) => s + f.size, 0) / 1048576;
    $("selection-info").textContent = all.length
      ? "已选择 " + ok.length + " 个工作簿（" + mb.toFixed(1) + " MB）" + (all.length > ok.length ? "，另有 " + (all.length - ok.length) + " 个非 Excel 文件将跳过" : "")
      : "未选择文件";
  }

  function precheck(files) {
    if (!files.length) return "请选择申报材料文件夹或文件。";
    if (files.length > limits.max_files) return "文件过多：一次最多上传 " + limits.max_files + " 个文件。请分批上传。";
    const total = files.reduce((s, f) => s + f.size, 0) / 1048576;
    if (total > limits.max_upload_mb) return "上传内容过大：" + total.toFixed(1) + " MB，超过上限 " + limits.max_upload_mb + " MB。请分批上传。";
    const big = files.find((f) => f.size / 1048576 > limits.max_file_mb);
    if (big) return "文件「" + big.name + "」超过单个文件上限 " + limits.max_file_mb + " MB。";
    return "";
  }

  function renderValidation(body) {
    $("validate-summary").textContent =
      "共 " + body.files + " 个文件：无错误 " + body.valid + " 个，有错误 " + body.with_errors + " 个" +
      (body.unreadable ? "（其中无法读取 " + body.unreadable + " 个）" : "") +
      "；问题 " + body.findings + " 条（错误 " + body.errors + "，警告/提示 " + body.warnings + "）。";
    const tbody = $("validate-files");
    tbody.textContent = "";
    for (const f of body.by_file) {
      const tr = document.createElement("tr");
      for (const [text, bad] of [[f.file, false], [String(f.errors), f.errors > 0], [String(f.warnings), false]]) {
        const td = document.createElement("td");
        td.textContent = text;
        if (bad) td.className = "sk-bad";
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    const link = $("report-link");
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.href = blobUrl(body.report.content_base64, XLSX);
    link.download = body.report.name;
    $("validate-result").classList.remove("d-none");
  }

  async function runValidation(event) {
    event.preventDefault();
    const { ok } = chosenFiles();
    const problem = precheck(ok);
    if (problem) {
      status("validate-status", problem, "error");
      return;
    }
    const form = new FormData();
    for (const f of ok) form.append("files", f, f.webkitRelativePath || f.name);
    const year = $("validate-year").value.trim();
    if (year) form.append("year", year);
    $("validate-button").disabled = true;
    $("validate-result").classList.add("d-none");
    status("validate-status", "正在上传并校验 " + ok.length + " 个文件……");
    try {
      const resp = await fetch(appPath() + "/subsidykit/validate", { method: "POST", headers: authHeaders(), body: form });
      if (!resp.ok) {
        status("validate-status", await errorText(resp), "error");
        return;
      }
      const body = await resp.json();
      renderValidation(body);
      status("validate-status", "校验完成，可下载校验报告。", "ok");
    } catch (e) {
      status("validate-status", "无法连接服务器：" + e.message, "error");
    } finally {
      $("validate-button").disabled = false;
    }
  }

  // --- 打印版汇总表 --------------------------------------------------------------------------
  async function runSummary(event) {
    event.preventDefault();
    const file = $("ledger-input").files[0];
    if (!file) {
      status("summary-status", "请选择台账工作簿。", "error");
      return;
    }
    const problem = precheck([file]);
    if (problem) {
      status("summary-status", problem, "error");
      return;
    }
    const form = new FormData();
    form.append("ledger", file, file.name);
    const year = $("summary-year").value.trim();
    if (year) form.append("year", year);
    if (store.get("region")) form.append("region", store.get("region"));
    status("summary-status", "正在生成……");
    $("summary-link").classList.add("d-none");
    let resp;
    try {
      resp = await fetch(appPath() + "/subsidykit/summary", { method: "POST", headers: authHeaders(), body: form });
    } catch (e) {
      status("summary-status", "无法连接服务器：" + e.message, "error");
      return;
    }
    if (!resp.ok) {
      status("summary-status", await errorText(resp), "error");
      return;
    }
    const body = await resp.json();
    const tables = Object.entries(body.tables).map(([k, v]) => k + " " + v + " 个").join("，");
    // the ledger columns not read and the 附件2 columns left empty come first, as on the console and in 审核
    const gaps = body.unmapped && body.unmapped.message ? body.unmapped.message + "\n" : "";
    status("summary-status", gaps + body.year + " 年度汇总表：" + (tables || "无项目") + (body.unmatched ? "；" + body.unmatched + " 行未对应到类别，见「审核」表" : "") + "。", gaps ? "error" : "ok");
    const link = $("summary-link");
    link.href = blobUrl(body.file.content_base64, XLSX);
    link.download = body.file.name;
    link.textContent = "下载 " + body.file.name;
    link.classList.remove("d-none");
  }

  // --- help ----------------------------------------------------------------------------------
  async function loadHelp() {
    try {
      const resp = await fetch(appPath() + "/xlwings/custom-functions-meta");
      const meta = await resp.json();
      const ul = $("help-functions");
      for (const f of meta.functions) {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = f.name;
        li.appendChild(code);
        li.appendChild(document.createTextNode("：" + (f.description || "")));
        ul.appendChild(li);
      }
    } catch (e) {}
  }

  async function loadLimits() {
    try {
      const resp = await fetch(appPath() + "/subsidykit/limits");
      if (resp.ok) limits = await resp.json();
    } catch (e) {}
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".sk-nav .nav-link").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
    $("settings-form").addEventListener("submit", saveSettings);
    $("token-check").addEventListener("click", checkToken);
    $("validate-form").addEventListener("submit", runValidation);
    $("summary-form").addEventListener("submit", runSummary);
    $("folder-input").addEventListener("change", describeSelection);
    $("files-input").addEventListener("change", describeSelection);
    const view = new URLSearchParams(location.search).get("view");
    show(["validate", "summary", "match", "settings", "help"].includes(view) ? view : store.get("token") ? "validate" : "settings");
    applySettings();
    if (!IN_OFFICE) {
      document.querySelectorAll(".sk-script").forEach((b) => {
        b.disabled = true;
        b.title = "在 Excel 中打开本任务窗格后可用";
      });
      document.querySelectorAll(".sk-excel-only").forEach((el) => el.classList.remove("d-none"));
    }
    loadLimits();
    loadHelp();
  });
})();
