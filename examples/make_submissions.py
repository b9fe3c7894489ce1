"""Write ``examples/submissions/``: ~30 fictional application workbooks and a manifest of planted problems.

Seeded and deterministic (same bytes on every run).  The enterprises, people and numbers
are invented; the 统一社会信用代码 are valid codes made by ``subsidykit.rules.uscc.make``.  Some
files are clean, the others carry exactly the problems listed in ``submissions_manifest.json``
(written beside the folder)
(file, code, field; batch problems list their files), spread over the three form layouts
of ``examples/form_fixtures.py``.

The clean values of each program were chosen by hand from the guides:
- 2023/智能制造示范工厂项目 (000_e236479adaf7e68e.txt lines 434-451): 完工 2021-01-01..2022-06-30,
  周期 ≤3 年, 总投入 ≥3000 万元, 软件等投入 ≥300 万元; 10%, 最高 2000 万元.
- 2023/绿色化改造升级项目 (lines 1188-1210): 总投入 ≥2000, 已投入 ≥20%, 已开工尚未建成, 2024-06-30 前完工.
- 2021/高端化改造升级项目 (002_1632e1bcc76db33b.txt lines 14-28): 产业链现代化提升 ≥1 亿元, 产业基础再造
  ≥5000 万元, 已投入 ≥20%, 已开工, 2023 年 6 月底前完成; 20%, 最高 4000 万元; 每个设区市限报 6 个,
  其中产业链现代化提升 4 个、产业基础再造 2 个.
- 2026/工业大模型建设项目 (004_4f6895fa74c99952.txt lines 429-445): 总投入 ≥5000, 实缴注册资本不低于总投入,
  周期 ≤2 年, 2026-01-01..2027-12-31; 20%, 最高 2000 万元.
And the 2023 notice's general conditions (000 lines 80-100) for the 2023 files.

Usage: python examples/make_submissions.py [OUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

from form_fixtures import LAYOUTS, write_form  # beside this script (examples/form_fixtures.py)

from subsidykit.rules.regions import region_code
from subsidykit.rules.uscc import make
from subsidykit.workbooks.atomic import write_bytes_atomic, write_text_atomic
from subsidykit.workbooks.reproducible import reproducible_zip

SEED = 20230105
OUT = Path(__file__).with_name("submissions")

GENERAL_2023 = {
    "成立日期": dt.date(2012, 4, 18),
    "注册地省份": "江苏省",
    "独立法人资格": "是",
    "近三年重大以上安全环保质量事故": "否",
    "严重失信行为": "否",
    "本专项资金已支持项目未完成验收": "否",
    "同一项目已获国家或省级财政资金支持": "否",
}

PROGRAMS = {
    "smart": {
        "申报年度": 2023,
        "申报项目类别": "2023/智能制造示范工厂项目",
        "项目总投入": 3500,
        "固定资产投资": 2800,
        "开工日期": dt.date(2020, 3, 1),
        "完工日期": dt.date(2022, 6, 30),
        "申请补助资金": 350,
        "项目实施周期": 2.5,
        "软件投入": 350,
        "示范级别": "省级",
        "规模以上工业企业": "是",
        "手续完备": "是",  # 000 lines 430-432 (issue 12 item 8)
        "已完成验收": "是",  # 000 lines 436-440
        **GENERAL_2023,
    },
    "green": {
        "申报年度": 2023,
        "申报项目类别": "2023/绿色化改造升级项目",
        "项目总投入": 2600,
        "固定资产投资": 2100,
        "开工日期": dt.date(2022, 3, 1),
        "完工日期": dt.date(2024, 3, 31),
        "申请补助资金": 500,
        "已投入比例": "35%",
        "已开工且尚未建成": "是",
        "手续完备": "是",  # 000 lines 1211-1213 (issue 12 item 8)
        **GENERAL_2023,
    },
    "base": {  # 2021 产业基础再造
        "申报年度": 2021,
        "申报项目类别": "2021/高端化改造升级项目/产业基础再造项目",
        "项目总投入": 6200,
        "固定资产投资": 5000,
        "开工日期": dt.date(2020, 10, 1),
        "完工日期": dt.date(2023, 5, 31),
        "申请补助资金": 1200,
        "已投入比例": 0.3,
        "已开工建设": "是",
        "研发类项目": "否",
        "手续完备": "是",  # 002 line 20 (issue 12 item 8)
    },
    "chain": {  # 2021 产业链现代化提升
        "申报年度": 2021,
        "申报项目类别": "2021/高端化改造升级项目/产业链现代化提升项目",
        "项目总投入": 15000,
        "固定资产投资": 12000,
        "开工日期": dt.date(2020, 6, 1),
        "完工日期": dt.date(2023, 6, 30),
        "申请补助资金": 3000,
        "已投入比例": "25%",
        "已开工建设": "是",
        "研发类项目": "否",
        "手续完备": "是",  # 002 line 20 (issue 12 item 8)
    },
    "model": {
        "申报年度": 2026,
        "申报项目类别": "2026/工业大模型建设项目",
        "项目总投入": 6000,
        "固定资产投资": 1500,
        "开工日期": dt.date(2026, 3, 1),
        "完工日期": dt.date(2027, 12, 31),
        "申请补助资金": 1200,
        "项目实施周期": 1.8,
        "实缴注册资本不低于项目总投资投入": "是",
        "联合申报": "否",
    },
}

COMPANIES = [
    ("南京", "南京市", "江宁区", "智能装备"), ("无锡", "无锡市", "新吴区", "精密制造"), ("徐州", "徐州市", "经开区", "工程机械"),
    ("常州", "常州市", "武进区", "新材料"), ("苏州", "苏州市", "吴中区", "数控机床"), ("南通", "南通市", "崇川区", "船舶配套"),
    ("连云港", "连云港市", "海州区", "医药化工"), ("淮安", "淮安市", "清江浦区", "食品机械"), ("盐城", "盐城市", "亭湖区", "新能源"),
    ("扬州", "扬州市", "邗江区", "汽车零部件"), ("镇江", "镇江市", "京口区", "电力装备"), ("泰州", "泰州市", "海陵区", "生物医药"),
    ("宿迁", "宿迁市", "宿城区", "纺织"),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["建国", "海燕", "志强", "丽娟", "永明", "晓东", "春华", "文杰", "静怡", "国平"]


def company(rng: random.Random, i: int, city_index: int | None = None) -> dict:
    short, city, district, trade = COMPANIES[city_index if city_index is not None else i % len(COMPANIES)]
    name = f"示例{short}{rng.choice(['华', '瑞', '恒', '中', '新', '博', '远'])}{rng.choice(['泰', '达', '诚', '安', '宇', '信'])}{trade}有限公司"
    return {
        "地区": city,
        "是否集群项目": rng.choice(["是", "否"]),
        "单位名称": name,
        "统一社会信用代码": make(rng, region_code(city)),
        "所属行业": f"{trade}制造",
        "单位主要经营地址": f"{city}{district}示例路{rng.randint(1, 300)}号",
        "主营业务收入": rng.randint(20000, 90000),
        "实缴税金": rng.randint(800, 3000),
        "利润总额": rng.randint(1000, 8000),
        "项目责任人": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "联系电话": f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
        "所在地": f"{city}{district}",
    }


def project_name(rng: random.Random, kind: str) -> str:
    what = {"smart": "智能制造示范工厂", "green": "绿色化改造", "base": "关键基础零部件产业化", "chain": "高端产品技术改造", "model": "工业大模型"}[kind]
    return f"年产{rng.randint(2, 90)}万件{rng.choice(['高端', '精密', '新型'])}产品{what}项目"


def _break_check_digit(vals: dict) -> None:
    code = vals["统一社会信用代码"]
    vals["统一社会信用代码"] = code[:17] + ("0" if code[17] != "0" else "1")


def main(out: Path = OUT) -> list[dict]:
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*"):
        if old.is_file() and old.suffix in (".xlsx", ".xlsm", ".json"):
            old.unlink()
    manifest: list[dict] = []
    batch: list[dict] = []
    layouts = LAYOUTS
    counter = iter(range(1, 1000))

    def emit(kind: str, *, layout: str | None = None, change: dict | None = None, drop=(), formulas=None, hidden=None,
             problems=(), base: dict | None = None, fix=None, city: int | None = None, name: str | None = None, suffix: str = ".xlsx", extra_members=None) -> str:
        i = next(counter)
        vals = dict(base) if base else {**company(rng, i, city), **PROGRAMS[kind], "申报项目名称": project_name(rng, kind)}
        vals.update(change or {})
        for k in drop:
            vals.pop(k, None)
        if fix:
            fix(vals)
        lay = layout or layouts[i % 3]
        data = write_form(vals, lay, formulas=formulas, hidden=hidden)
        if extra_members:
            data = reproducible_zip(data, extra_members)
        fname = name or f"{i:02d}_{vals.get('单位名称', '未知单位')[:8]}{suffix}"
        write_bytes_atomic(out / fname, data)
        for code, fld in problems:
            manifest.append({"file": fname, "code": code, "field": fld, "layout": lay})
        if not problems:
            manifest.append({"file": fname, "code": None, "field": None, "layout": lay})
        emit.last = vals  # type: ignore[attr-defined]
        return fname

    # clean files: every program, every layout
    for kind, n in (("smart", 3), ("green", 2), ("chain", 1), ("model", 2)):
        for _ in range(n):
            emit(kind)
    emit("base", city=0)
    emit("smart", layout="template", hidden={"申报项目类别": "2023/不存在的项目", "项目总投入": 10, "联系电话": "123"})

    # one planted problem per file
    emit("smart", layout="template", change={"项目责任人": None}, problems=[("REQUIRED_MISSING", "项目责任人")])
    emit("smart", layout="attachment3", fix=_break_check_digit, problems=[("USCC_CHECKSUM", "统一社会信用代码")])
    emit("green", layout="columns", change={"联系电话": "8765432"}, problems=[("PHONE_FORMAT", "联系电话")])
    emit("smart", layout="template", change={"申报项目类别": "2023/智能制造示范车间项目"}, problems=[("PROGRAM_UNKNOWN", "申报项目类别")])
    emit("base", layout="attachment3", change={"申报项目类别": "2021/高端化改造升级项目"}, problems=[("PROGRAM_UNKNOWN", "申报项目类别")])
    emit("smart", layout="columns", change={"项目总投入": 2800, "固定资产投资": 2200, "申请补助资金": 250}, problems=[("BELOW_THRESHOLD", "项目总投入")])
    emit("smart", layout="attachment3", change={"软件投入": 250}, problems=[("BELOW_THRESHOLD", "软件投入")])
    emit("smart", layout="template", change={"完工日期": dt.date(2022, 7, 1)}, problems=[("DATE_WINDOW", "完工日期")])
    emit("green", layout="template", change={"开工日期": dt.date(2023, 5, 1), "完工日期": dt.date(2022, 12, 31)}, problems=[("DATE_ORDER", "完工日期")])
    emit("smart", layout="columns", change={"申请补助资金": 400}, problems=[("CAP_EXCEEDED", "申请补助资金")])
    emit("smart", layout="attachment3", change={"固定资产投资": 3800}, problems=[("FIXED_GT_TOTAL", "固定资产投资")])
    emit("smart", layout="template", change={"申请补助资金": 3500000}, problems=[("UNIT_SUSPECT", "申请补助资金")])
    emit("smart", layout="columns", change={"项目总投入": 35000000}, problems=[("UNIT_SUSPECT", "项目总投入")])
    emit("smart", layout="template", formulas={"申请补助资金": "=ROUND(E16*0.1,2)"}, drop=("申请补助资金",), problems=[("FORMULA_UNCACHED", "申请补助资金")])
    emit("model", layout="attachment3", change={"固定资产投资": "#REF!"}, problems=[("CELL_ERROR", "固定资产投资")])
    emit("smart", layout="columns", drop=("规模以上工业企业",), problems=[("CONDITION_MISSING", "规模以上工业企业")])
    emit("green", layout="template", change={"完工日期": "2024年13月1日"}, problems=[("VALUE_INVALID", "完工日期")])
    macro_ct = b'<?xml version="1.0"?><x/>'
    emit("model", layout="template", suffix=".xlsm", extra_members={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not a real vba project " + macro_ct},
         problems=[("MACROS_PRESENT", None)])

    # batch problems: the same applicant twice (2023), the same project twice, 2021 city limit
    a = emit("smart", layout="template")
    first = emit.last  # type: ignore[attr-defined]
    b = emit("green", layout="columns", change={k: first[k] for k in ("单位名称", "统一社会信用代码", "地区", "单位主要经营地址", "所在地")})
    batch.append({"code": "DUPLICATE_APPLICANT", "files": sorted([a, b])})
    c = emit("model", layout="attachment3")
    d = emit("model", layout="columns", base=emit.last)  # type: ignore[attr-defined]
    batch.append({"code": "DUPLICATE_PROJECT", "files": sorted([c, d])})
    suzhou = [emit("base", layout=lay, city=4) for lay in layouts]
    batch.append({"code": "CITY_LIMIT", "files": sorted(suzhou)})

    # files that cannot be read
    (out / "90_损坏的申报表.xlsx").write_bytes(write_form({**company(rng, 5), **PROGRAMS["smart"]})[:3000])
    manifest.append({"file": "90_损坏的申报表.xlsx", "code": "FILE_UNREADABLE", "field": "corrupt", "layout": None})
    write_text_atomic(out / "91_改了扩展名的文本.xlsx", "项目申报单位,统一社会信用代码\n示例公司,91320500MA1XXXXXXX\n")
    manifest.append({"file": "91_改了扩展名的文本.xlsx", "code": "FILE_UNREADABLE", "field": "not_workbook", "layout": None})

    doc = {
        "seed": SEED,
        "files": manifest,
        "batch": batch,
        "note": "code 为 null 的文件没有任何问题；FILE_UNREADABLE 的 field 为原因代码；batch 列出跨文件的问题。",
    }
    # beside the folder, not in it: validating the folder must see only submissions
    write_text_atomic(manifest_path(out), json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return manifest


def manifest_path(folder: Path) -> Path:
    """examples/submissions -> examples/submissions_manifest.json"""
    return folder.with_name(f"{folder.name}_manifest.json")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    rows = main(target)
    print(f"已写入 {len({r['file'] for r in rows})} 个申报表到 {target}，清单 {manifest_path(target)}")
