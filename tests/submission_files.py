"""Helpers for the submission tests: hand-written form data and hostile files written on the spot."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile
from pathlib import Path

from example_forms import write_form

# A clean 2023/智能制造示范工厂项目 application, every number chosen by hand against
# 000_e236479adaf7e68e.txt lines 434-456 (完工 2021-01-01..2022-06-30, 周期 ≤3 年, 总投入 ≥3000,
# 软件等投入 ≥300, 规模以上工业企业, 10% 最高 2000 万元) and the notice's 申报条件 (lines 80-100).
# 统一社会信用代码 with its check digit worked out by hand (GB 32100-2015, DOMAIN.md):
# values 9,1,3,2,0,5,0,0,M=21,A=10,1,Q=24,7,K=19,1,X=29,3 x weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
# = 9+3+27+54+0+130+0+0+420+290+25+312+56+456+10+870+84 = 2746; 2746 mod 31 = 18; 31-18 = 13 -> "D".
USCC = "91320500MA1Q7K1X3D"
USCC_BAD = "91320500MA1Q7K1X3M"  # same body, wrong 18th character


SMART = {
    "申报年度": 2023,
    "地区": "苏州市",
    "申报项目类别": "2023/智能制造示范工厂项目",
    "是否集群项目": "否",
    "单位名称": "苏州示例精密机械有限公司",
    "统一社会信用代码": USCC,
    "所属行业": "通用设备制造业",
    "单位主要经营地址": "苏州市吴中区示例路1号",
    "主营业务收入": 52000,
    "实缴税金": 1800,
    "利润总额": 4200,
    "项目责任人": "张建国",
    "联系电话": "13812345678",
    "申报项目名称": "高端数控机床智能制造示范工厂项目",
    "所在地": "苏州市吴中区",
    "项目总投入": 3500,
    "固定资产投资": 2800,
    "开工日期": dt.date(2020, 3, 1),
    "完工日期": dt.date(2022, 6, 30),
    "申请补助资金": 350,
    "成立日期": dt.date(2010, 5, 1),
    "注册地省份": "江苏省",
    "独立法人资格": "是",
    "近三年重大以上安全环保质量事故": "否",
    "严重失信行为": "否",
    "本专项资金已支持项目未完成验收": "否",
    "同一项目已获国家或省级财政资金支持": "否",
    "项目实施周期": 2.5,
    "软件投入": 350,
    "示范级别": "省级",
    "规模以上工业企业": "是",
    # lines 430-440 (issue 12 item 8): 手续完备; 在项目申报截止日期前由项目推荐单位完成验收工作
    "手续完备": "是",
    "已完成验收": "是",
}

# 2021/高端化改造升级项目/产业基础再造项目 (002_1632e1bcc76db33b.txt lines 14-28): 总投资 ≥5000 万元,
# 已投入 ≥20%, 已开工, 2023 年 6 月底前完成, 研发类不支持; 每个设区市限报 6 个, 其中产业基础再造 2 个.
BASE_2021 = {
    "申报年度": 2021,
    "地区": "苏州市",
    "申报项目类别": "2021/高端化改造升级项目/产业基础再造项目",
    "单位名称": "苏州示例基础零部件有限公司",
    "统一社会信用代码": USCC,
    "项目责任人": "李海燕",
    "联系电话": "0512-66881234",
    "申报项目名称": "关键基础零部件产业化项目",
    "项目总投入": 6200,
    "固定资产投资": 5000,
    "开工日期": dt.date(2020, 10, 1),
    "完工日期": dt.date(2023, 5, 31),
    "申请补助资金": 1200,
    "已投入比例": "30%",
    "已开工建设": "是",
    "研发类项目": "否",
    # line 20 (issue 12 item 8): 项目备案（核准）、环评、能评、安评、规划、土地等手续完备
    "手续完备": "是",
}


def write(path: Path, values: dict, layout: str = "template", **kw) -> Path:
    path.write_bytes(write_form(values, layout, **kw))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def replace_members(data: bytes, members: dict[str, bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in members:
                dst.writestr(info.filename, src.read(info.filename))
        for name, body in members.items():
            dst.writestr(name, body)
    return out.getvalue()


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (512-byte sectors; streams padded to 4096 bytes so they
    live in regular sectors): header, one FAT sector, one directory sector, the streams."""
    size = 512
    fat: dict[int, int] = {0: 0xFFFFFFFD, 1: 0xFFFFFFFE}
    blobs = b""
    entries = []
    nxt = 2
    for name, body in streams.items():
        body = body.ljust(4096, b"\0")
        n = -(-len(body) // size)
        for k in range(n):
            fat[nxt + k] = nxt + k + 1 if k < n - 1 else 0xFFFFFFFE
        entries.append((name, nxt, len(body)))
        blobs += body.ljust(n * size, b"\0")
        nxt += n
    assert nxt <= 128 and len(entries) <= 3

    def entry(name: str, typ: int, start: int, length: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(raw), typ, 1, 0xFFFFFFFF, right, child)
            + b"\0" * 16
            + struct.pack("<IQQIQ", 0, 0, 0, start, length)
        )

    dir_sector = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    for i, (name, start, length) in enumerate(entries, start=1):
        dir_sector += entry(name, 2, start, length, right=i + 1 if i < len(entries) else 0xFFFFFFFF)
    dir_sector = dir_sector.ljust(size, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<109I", 0, *([0xFFFFFFFF] * 108))
    )
    assert len(header) == 512
    fat_sector = b"".join(struct.pack("<I", fat.get(i, 0xFFFFFFFF)) for i in range(128))
    return header + fat_sector + dir_sector + blobs
