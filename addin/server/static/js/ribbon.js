// 专项资金 ribbon (templates/manifest.xml): each ExecuteFunction button runs a custom
// script of custom_scripts/__init__.py on the open workbook. 批量校验 and 设置 open the
// task pane instead (see the manifest).
function subsidykitSetting(name) {
  try {
    return localStorage.getItem("subsidykit." + name) || "";
  } catch (e) {
    return "";
  }
}

function subsidykitYear() {
  const year = subsidykitSetting("year");
  return year ? parseInt(year, 10) : null;
}

async function subsidykitRun(event, scriptName, args) {
  const authResult =
    typeof globalThis.getAuth === "function"
      ? await globalThis.getAuth()
      : { token: "", provider: "" };
  try {
    await xlwings.runPython({
      auth: authResult.token,
      scriptName: scriptName,
      headers: { "Auth-Provider": authResult.provider },
      args: args,
    });
  } finally {
    event.completed();
  }
}

const SUBSIDYKIT_RIBBON = {
  "generate-summary": (e) =>
    subsidykitRun(e, "generate_summary", [subsidykitYear(), subsidykitSetting("region")]),
  "match-programs": (e) => subsidykitRun(e, "match_programs", [subsidykitYear()]),
  "insert-ledger-template": (e) => subsidykitRun(e, "insert_ledger_template", [subsidykitYear()]),
  "program-catalog": (e) => subsidykitRun(e, "insert_program_catalog", [subsidykitYear()]),
  "show-help": (e) => subsidykitRun(e, "show_help", []),
};

// Associated at load time, as Office.js requires for ExecuteFunction commands; outside
// Excel (a plain browser) there is no Office.actions and nothing to bind.
if (typeof Office !== "undefined" && Office.actions && Office.actions.associate) {
  for (const [name, fn] of Object.entries(SUBSIDYKIT_RIBBON)) {
    Office.actions.associate(name, fn);
  }
}
