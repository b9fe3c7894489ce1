"""docs/catalog.md: the catalog as tables a clerk can audit against the guides."""

from __future__ import annotations

from collections import defaultdict

from subsidykit.catalog import Catalog, load_catalog
from subsidykit.catalog.records import Threshold
from subsidykit.rules.parsing import fmt_ratio, fmt_wan
from subsidykit.rules.programs import KIND_ZH, OP_ZH, amount_text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _lines(src) -> str:
    if src is None:
        return "—"
    a, b = src.lines
    return f"{a}" if a == b else f"{a}-{b}"


def _threshold(t: Threshold, prefix: str = "") -> str:
    when = "".join(f"[{c.field}{OP_ZH[c.op]}{c.value}] " for c in t.when)
    but = [f"{c.field}{OP_ZH[c.op]}{'是' if c.value is True else c.value}" for c in t.unless] + list(t.exempt)
    except_ = f"；不适用：{'、'.join(but)}" if but else ""
    return f"{prefix}{when}{t.label}（{_lines(t.source)}{except_}）"


def render_catalog_md(catalog: Catalog | None = None) -> str:
    cat = catalog or load_catalog()
    out = [
        "# 政策目录（由 `subsidykit docs` 自动生成，请勿手工修改）",
        "",
        "每行一个项目；比例为“不超过”的比例，金额单位为万元；出处为 `../shared/seeds/` 中种子文件的行号。",
        "",
    ]
    counts = []
    for doc in cat.documents:
        counts.append(f"- `{doc.file}`（{doc.year}）{doc.title}：{len(doc.programs)} 个项目")
    out += ["## 概览", "", *counts, f"- 合计：{len(cat.programs)} 个项目", ""]
    for doc in cat.documents:
        out += [f"## {doc.title}", "", f"种子文件：`{doc.file}`；资金：{doc.fund}", ""]
        if doc.general_thresholds:
            out += ["通用申报条件（适用于：" + "、".join(doc.general_applies_to) + "）：", ""]
            out += [f"- {_threshold(t)}" for t in doc.general_thresholds]
            out.append("")
        if doc.sampling:
            s = doc.sampling
            out += [
                f"真实性核查：{s.all_up_to} 个以内全部核查，超出部分按 {fmt_ratio(s.extra_share)} 累加（{_lines(s.source)}）。{s.note}",
                "",
            ]
        by_guide = defaultdict(list)
        for p in doc.programs:
            by_guide[p.guide].append(p)
        for guide in doc.guides:
            progs = by_guide.get(guide, [])
            if not progs:
                continue
            out += [f"### {guide}", ""]
            out += ["| 编号 | 项目 | 方式 | 比例 | 上限 | 定额 | 支持数量 | 首拨 | 条件 | 出处 |", "|---|---|---|---|---|---|---|---|---|---|"]
            for p in progs:
                conds = [_threshold(t) for t in p.thresholds]
                for v in p.variants:
                    conds += [_threshold(t, f"[{v.name}] ") for t in v.thresholds]
                conds += [f"限报：{c.label}（{_lines(c.source)}）" for c in p.city_limits]
                fp = p.first_payment
                first = "" if fp is None else (fmt_ratio(fp.share) if fp.share is not None else f"{fmt_wan(fp.amount)}万元")
                title = p.title + ("（免申直达）" if p.no_application else "") + ("（非补助：额度）" if not p.grant else "") + ("（仅规定下限）" if p.minimum else "")
                row = [
                    f"`{p.id}`",
                    title,
                    KIND_ZH[p.kind],
                    fmt_ratio(p.rate) if p.rate is not None else "",
                    fmt_wan(p.cap) if p.cap is not None else "",
                    fmt_wan(p.fixed) if p.fixed is not None else "",
                    fmt_wan(p.quota.value) if p.quota else "",
                    first,
                    "<br>".join(conds),
                    _lines(p.source),
                ]
                if p.variants and p.kind == "tiered":
                    row[3] = amount_text(p)
                out.append("| " + " | ".join(_cell(c) for c in row) + " |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
