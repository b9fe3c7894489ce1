"""Outputs never replace inputs, never clobber without --force, and annotated copies hold values only.

Every CLI case runs `subsidykit` as a real process under an address-space limit (a regression
fails instead of swapping) and a timeout (a regression fails instead of hanging), on real
workbooks copied from examples/submissions.
"""

from __future__ import annotations

import hashlib
import io
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.hyperlink import Hyperlink

from subsidykit.validation.pool import validate_paths
from subsidykit.errors import BadInputError
from subsidykit.workbooks.outputs import Inputs, check_output_dir, check_output_file, fit_name, free_path, json_text, term
from subsidykit.validation.report import write_annotated

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "submissions"
CLEAN = EXAMPLES / "03_示例常州远泰新材.xlsx"  # template layout, no finding
CLEAN2 = EXAMPLES / "01_示例无锡华宇精密.xlsx"
ERRORS = EXAMPLES / "20_示例淮安瑞安食品.xlsx"  # CAP_EXCEEDED
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: the CLI needs well under 600 MB


def _limits():
    def preexec():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return preexec


def as_user(uid: int) -> list[str]:
    """A command prefix that runs as `uid` (root ignores file permissions), via util-linux setpriv."""
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]


def run_cli(*args, cwd=None, timeout=120, drop_to=None):
    """(exit code, stdout, stderr) of `python -m subsidykit.cli ARGS` (output decoded leniently)."""
    prefix = as_user(drop_to) if drop_to is not None else []
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "subsidykit.cli", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=_limits(),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out = proc.stdout.decode("utf-8", "surrogateescape")
    err = proc.stderr.decode("utf-8", "surrogateescape")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ finding 2: inputs overwritten


def test_report_onto_the_submission_is_refused(tmp_path):
    sub = tmp_path / "sub.xlsx"
    shutil.copy(CLEAN, sub)
    before = sha(sub)
    for extra in ([], ["--force"]):
        code, _, err = run_cli("validate", sub, "--report", sub, "--no-progress", *extra)
        assert code == 2 and "输入文件" in err and chinese(err)
        assert sha(sub) == before


def test_report_onto_a_link_to_the_submission_is_refused(tmp_path):
    sub = tmp_path / "sub.xlsx"
    shutil.copy(CLEAN, sub)
    before = sha(sub)
    (tmp_path / "soft.xlsx").symlink_to(sub)
    os.link(sub, tmp_path / "hard.xlsx")
    for name in ("soft.xlsx", "hard.xlsx"):
        code, _, err = run_cli("validate", sub, "--report", tmp_path / name, "--force", "--no-progress")
        assert code == 2 and "同一文件" in err, name
        assert sha(sub) == before
    assert (tmp_path / "soft.xlsx").is_symlink()


def test_report_inside_the_validated_folder_is_refused(tmp_path):
    folder = tmp_path / "申报材料"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CLEAN, folder / "a.xlsx")
    before = tree(folder)
    for report in (folder / "报告.xlsx", folder / "sub" / "报告.xlsx"):
        code, _, err = run_cli("validate", folder, "--report", report, "--no-progress")
        assert code == 2 and "被校验的文件夹" in err
    assert tree(folder) == before


def test_annotate_into_the_validated_folder_is_refused(tmp_path):
    """The folder holds a.xlsx and another submission named a_校验标注.xlsx: nothing is overwritten."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ERRORS, folder / "a.xlsx")
    shutil.copy(CLEAN, folder / "a_校验标注.xlsx")
    before = tree(folder)
    code, _, err = run_cli("validate", folder, "--annotate", folder, "--no-progress")
    assert code == 2 and "不能是被校验的文件夹" in err
    code, _, err = run_cli("validate", folder, "--annotate", folder / "标注", "--no-progress")
    assert code == 2 and "被校验的文件夹" in err
    assert tree(folder) == before  # no copy written, no folder created


def test_annotated_copies_never_overwrite_and_take_free_names(tmp_path):
    a, other = tmp_path / "a.xlsx", tmp_path / "a_校验标注.xlsx"
    shutil.copy(ERRORS, a)
    shutil.copy(CLEAN, other)
    before = sha(other)
    code, out, err = run_cli("validate", a, other, "--annotate", tmp_path, "--no-progress")
    assert code == 1, err
    assert sha(other) == before  # the submission named like a copy is untouched
    copy_a = tmp_path / "a_校验标注（2）.xlsx"
    copy_other = tmp_path / "a_校验标注_校验标注.xlsx"
    assert load_workbook(copy_a).sheetnames[0] == "校验结果"
    assert "CAP_EXCEEDED" in [c.value for c in load_workbook(copy_a)["校验结果"]["E"]]
    assert load_workbook(copy_other).sheetnames[0] == "校验结果"
    # a second run into the same folder keeps the first run's copies
    first = {p.name: sha(p) for p in (copy_a, copy_other)}
    code, _, _ = run_cli("validate", a, "--annotate", tmp_path, "--no-progress")
    assert code == 1
    assert {p.name: sha(p) for p in (copy_a, copy_other)} == first
    assert (tmp_path / "a_校验标注（3）.xlsx").exists()


def test_existing_report_needs_force(tmp_path):
    sub = tmp_path / "in" / "a.xlsx"
    sub.parent.mkdir()
    shutil.copy(CLEAN, sub)
    report = tmp_path / "报告.xlsx"
    assert run_cli("validate", sub.parent, "--report", report, "--no-progress")[0] == 0
    wb = load_workbook(report)
    wb["汇总"]["A30"] = "科员的批注"
    wb.save(report)
    edited = sha(report)
    ann = tmp_path / "ann"
    code, _, err = run_cli("validate", sub.parent, "--report", report, "--annotate", ann, "--no-progress")
    assert code == 2 and "已存在" in err and "--force" in err
    assert sha(report) == edited
    assert not ann.exists()  # refused before any work: no copy was written
    code, out, _ = run_cli("validate", sub.parent, "--report", report, "--force", "--no-progress")
    assert code == 0 and "报告已写入" in out
    assert load_workbook(report)["汇总"]["A30"].value is None


def test_report_and_annotated_copy_of_the_same_name_do_not_collide(tmp_path):
    sub = tmp_path / "a.xlsx"
    shutil.copy(ERRORS, sub)
    ann = tmp_path / "ann"
    report = ann / "a_校验标注.xlsx"
    code, _, err = run_cli("validate", sub, "--report", report, "--annotate", ann, "--no-progress")
    assert code == 1, err
    assert load_workbook(report).sheetnames == ["汇总", "文件", "问题清单", "批次问题"]
    assert load_workbook(ann / "a_校验标注（2）.xlsx").sheetnames[0] == "校验结果"


@pytest.fixture()
def ledger(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from ledgers import write_ledger

    return write_ledger(tmp_path / "台账.xlsx")


def test_second_summary_run_does_not_overwrite_the_first(tmp_path, ledger):
    out = tmp_path / "汇总.xlsx"
    forms = tmp_path / "f"
    args = ("summary", ledger, "--year", "2023", "--out", out, "--forms", forms)
    assert run_cli(*args)[0] == 0
    wb = load_workbook(out)
    wb.worksheets[0]["Q1"] = "科员改过的内容"
    wb.save(out)
    edited = {p: sha(p) for p in (out, forms / "附件3_信用承诺书.xlsx", forms / "附件4_真实性核查表.xlsx")}
    code, _, err = run_cli(*args)
    assert code == 2 and "已存在" in err and "--force" in err
    assert {p: sha(p) for p in edited} == edited
    # the forms folder alone is protected too
    code, _, err = run_cli("summary", ledger, "--year", "2023", "--out", tmp_path / "新.xlsx", "--forms", forms)
    assert code == 2 and "附件3" in err and not (tmp_path / "新.xlsx").exists()
    code, stdout, err = run_cli(*args, "--force")
    assert code == 0, err
    assert load_workbook(out).worksheets[0]["Q1"].value is None


def test_default_summary_output_is_not_overwritten(tmp_path, ledger):
    assert run_cli("summary", ledger, "--year", "2023")[0] == 0
    default = tmp_path / "台账_附件2_入库项目汇总表_2023.xlsx"
    before = sha(default)
    code, _, err = run_cli("summary", ledger, "--year", "2023")
    assert code == 2 and "--force" in err
    assert sha(default) == before


def test_summary_never_writes_onto_the_ledger(tmp_path, ledger):
    before = sha(ledger)
    os.link(ledger, tmp_path / "硬链接.xlsx")
    for out in (ledger, tmp_path / "硬链接.xlsx"):
        code, _, err = run_cli("summary", ledger, "--year", "2023", "--out", out, "--force")
        assert code == 2 and chinese(err)
    forms = tmp_path / "f"
    forms.mkdir()
    os.link(ledger, forms / "附件3_信用承诺书.xlsx")
    code, _, err = run_cli("summary", ledger, "--year", "2023", "--out", tmp_path / "o.xlsx", "--forms", forms, "--force")
    assert code == 2 and "输入文件" in err
    assert sha(ledger) == before


# ------------------------------------------------------------------ finding 3: values-only copies

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DDE = "cmd|' /C calc'!A0"


def _hostile_submission(path: Path) -> Path:
    """The clean template submission plus a DDE formula, =HYPERLINK, an external cell link, a
    defined name into another workbook and an externalLink part holding a ddeLink."""
    wb = load_workbook(CLEAN)
    ws = wb.worksheets[0]
    ws["H1"] = f"={_DDE}"
    ws["H2"] = '=HYPERLINK("http://example.invalid/steal","点我")'
    ws["H3"] = "外部链接"
    ws["H3"].hyperlink = "http://example.invalid/x"
    ws["H4"] = "内部链接"
    ws["H4"].hyperlink = Hyperlink(ref="H4", location=f"'{ws.title}'!A1")
    ws["H5"] = "=SUM(1,2)"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/externalLinks/externalLink1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="{_MAIN}">'
        '<ddeLink ddeService="cmd" ddeTopic=" /C calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink>'
        "</externalLink>"
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink"'
        ' Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    book = parts["xl/workbook.xml"].decode()
    assert "<definedNames>" not in book
    book = book.replace(
        "</sheets>",
        '</sheets><externalReferences><externalReference r:id="rIdX1"/></externalReferences>'
        '<definedNames><definedName name="外部">[1]!\'x\'</definedName></definedNames>',
        1,
    )
    parts["xl/workbook.xml"] = book.encode()
    types = parts["[Content_Types].xml"].decode().replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, data in parts.items():
            dst.writestr(n, data)
    path.write_bytes(out.getvalue())
    # the planted parts really are in the submission
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert "xl/externalLinks/externalLink1.xml" in names
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" in sheet and "HYPERLINK" in sheet
    return path


def test_annotated_copy_holds_values_only(tmp_path):
    (tmp_path / "in").mkdir()
    sub = _hostile_submission(tmp_path / "in" / "危险.xlsx")
    ann = tmp_path / "ann"
    code, _, err = run_cli("validate", sub, "--annotate", ann, "--no-progress")
    assert code in (0, 1), err
    copy = ann / "危险_校验标注.xlsx"
    assert copy.exists(), err
    with zipfile.ZipFile(copy) as z:
        names = z.namelist()
        assert not [n for n in names if "externalLink" in n]
        assert not [n for n in names if n.endswith(".bin")]  # no vbaProject
        for name in names:
            data = z.read(name)
            assert b"ddeLink" not in data and b"externalReference" not in data, name
            if name.endswith((".xml", ".rels")):
                root = ET.fromstring(data)
                assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "f"], f"formula in {name}"
                assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "definedName"], name
                for rel in root.iter("{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"):
                    assert rel.get("TargetMode") != "External", (name, rel.attrib)
    wb = load_workbook(copy)
    ws = wb[wb.sheetnames[1]]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["H3"].value == "外部链接" and ws["H3"].hyperlink is None
    assert ws["H4"].hyperlink is not None and ws["H4"].hyperlink.location  # a link inside the workbook stays


def test_annotation_refuses_a_file_changed_after_validation(tmp_path, monkeypatch):
    import subsidykit.validation.report as report

    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    shutil.copy(ERRORS, a)
    shutil.copy(ERRORS, b)
    result = validate_paths([a, b], workers=1)
    assert all(r.sha256 for r in result.files)
    shutil.copy(CLEAN2, a)  # replaced by another workbook after validation
    given = []
    real = report.load_workbook
    monkeypatch.setattr(report, "load_workbook", lambda src, **kw: given.append(src) or real(src, **kw))
    skipped: dict[str, str] = {}
    copies = write_annotated(result, tmp_path / "ann", skipped=skipped)
    assert list(copies) == [str(b)]
    assert "改动" in skipped[str(a)]
    assert not (tmp_path / "ann" / "a_校验标注.xlsx").exists()
    assert given and all(isinstance(src, io.BytesIO) for src in given)  # never a path: the checked bytes


def test_annotation_of_a_file_swapped_for_a_fifo_does_not_hang(tmp_path):
    a = tmp_path / "a.xlsx"
    shutil.copy(ERRORS, a)
    result = validate_paths([a], workers=1)
    a.unlink()
    os.mkfifo(a)
    skipped: dict[str, str] = {}
    assert write_annotated(result, tmp_path / "ann", skipped=skipped) == {}
    assert "普通文件" in skipped[str(a)]


# ------------------------------------------------------------------ the helpers themselves


def test_free_path_and_fit_name(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"1")
    (tmp_path / "x（2）.xlsx").symlink_to(tmp_path / "nowhere")  # a dangling link is taken too
    assert free_path(tmp_path / "x.xlsx") == tmp_path / "x（3）.xlsx"
    assert free_path(tmp_path / "y.xlsx", taken=[tmp_path / "y.xlsx"]) == tmp_path / "y（2）.xlsx"
    long = fit_name("申" * 120, "_校验标注.xlsx")
    assert long.endswith("_校验标注.xlsx") and len(long.encode()) <= 255 - len("（999）".encode())
    assert fit_name("abc", ".xlsx") == "abc.xlsx"


def test_output_checks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sub = folder / "a.xlsx"
    shutil.copy(CLEAN, sub)
    inputs = Inputs.of_paths([folder], [sub])
    with pytest.raises(BadInputError, match="输入文件"):
        check_output_file(tmp_path / "in" / ".." / "in" / "a.xlsx", inputs, what="报告文件", force=True)
    with pytest.raises(BadInputError, match="被校验的文件夹"):
        check_output_file(folder / "new" / "r.xlsx", inputs, what="报告文件")
    with pytest.raises(BadInputError, match="不能是被校验的文件夹"):
        check_output_dir(tmp_path / "in" / ".", inputs, what="标注副本文件夹")
    (tmp_path / "link").symlink_to(folder)
    with pytest.raises(BadInputError, match="不能是被校验的文件夹"):
        check_output_dir(tmp_path / "link", inputs, what="标注副本文件夹")
    with pytest.raises(BadInputError, match="不是普通文件"):
        check_output_file("/dev/null", inputs, what="报告文件", force=True)
    assert check_output_file(tmp_path / "r.xlsx", inputs, what="报告文件") == tmp_path / "r.xlsx"


def test_term_and_json_escape_what_a_terminal_would_obey():
    assert term("a\n[通过] b") == "a\\n[通过] b"
    assert term("\x1b[31m红\x07\r\u202eabc\x9b") == "\\x1b[31m红\\x07\\r\\u202eabc\\x9b"
    assert term("坏\udcff字节") == "坏\\xff字节"
    text = json_text({"file": "\u202e\x1b\x85\udcff"})
    assert "\u202e" not in text and "\x1b" not in text and "\x85" not in text
    import json

    assert json.loads(text) == {"file": "\u202e\x1b\x85\udcff"}
