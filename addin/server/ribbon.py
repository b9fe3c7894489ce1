"""The Office.js ribbon of 专项资金助手: the same buttons as the desktop add-in
(addin/desktop/customUI14.xml). Rendered into templates/manifest.xml; the ExecuteFunction
names are bound in static/js/ribbon.js, the views are sections of templates/taskpane.html.
Tooltips are the help texts of `macros.help` (one wording for both add-ins)."""

from macros.help import BUTTONS

_TIPS = dict(BUTTONS)


def _button(id_: str, label: str, *, function: str = "", view: str = "") -> dict:
    return {"id": id_, "label": label, "function": function, "view": view, "tooltip": _TIPS[label]}


RIBBON = [
    {
        "id": "GroupMain",
        "label": "汇总与校验",
        "buttons": [
            _button("GenerateSummary", "生成汇总表", function="generate-summary"),
            _button("ValidateBatch", "批量校验", view="validate"),
            _button("MatchPrograms", "政策匹配", function="match-programs"),
        ],
    },
    {
        "id": "GroupLedger",
        "label": "台账与目录",
        "buttons": [
            _button("InsertLedgerTemplate", "插入台账模板", function="insert-ledger-template"),
            _button("ProgramCatalog", "项目目录", function="program-catalog"),
        ],
    },
    {
        "id": "GroupHelp",
        "label": "设置与帮助",
        "buttons": [
            _button("Settings", "设置", view="settings"),
            _button("Help", "帮助", function="show-help"),
        ],
    },
]
