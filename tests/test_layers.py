"""The layers are a contract the build enforces (import-linter), and the contract bites.

catalog → rules → workbooks → summary/validation → adapters (cli, server, xlam, udfs, macros);
nothing imports upward, function-level imports included.  The contracts live in
pyproject.toml ([tool.importlinter]); `make test` runs `lint-imports` before the suite.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def test_the_tree_keeps_every_contract():
    proc = _lint(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 kept, 0 broken" in proc.stdout


@pytest.fixture(scope="module")
def scratch_tree(tmp_path_factory) -> Path:
    """A copy of the packages and the contracts, to break on purpose."""
    tree = tmp_path_factory.mktemp("tree")
    for pkg in ("subsidykit", "udfs", "macros"):
        shutil.copytree(ROOT / pkg, tree / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.yaml", "data"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


SCRATCH = {
    # a function-level import of openpyxl inside the rules: the forbidden contract
    "subsidykit/rules/_scratch_openpyxl.py": ("def f():\n    import openpyxl\n    return openpyxl\n", "never touch a workbook library"),
    # the rules importing a workflow, inside a function: the layers contract
    "subsidykit/rules/_scratch_up.py": ("def f():\n    from subsidykit.validation import report\n    return report\n", "Layers"),
    # the catalog importing an adapter
    "subsidykit/catalog/_scratch_udfs.py": ("def f():\n    import udfs\n    return udfs\n", "Layers"),
    # the build of the .xlam importing the macros it is given by the CLI
    "subsidykit/xlam/_scratch_macros.py": ("def f():\n    from macros.help import help_rows\n    return help_rows\n", "Layers"),
    # a workbook reader importing the command line
    "subsidykit/workbooks/_scratch_cli.py": ("import subsidykit.cli.app\n", "Layers"),
    # the rules importing SQLAlchemy (the register's database library), inside a function
    "subsidykit/rules/_scratch_sqlalchemy.py": ("def f():\n    import sqlalchemy\n    return sqlalchemy\n", "never touch a workbook library"),
    # the register (database I/O) reading a workbook: forbidden, and workbooks | register are siblings
    "subsidykit/register/_scratch_openpyxl.py": ("def f():\n    import openpyxl\n    return openpyxl\n", "register (database I/O) never touches"),
    "subsidykit/workbooks/_scratch_register.py": ("def f():\n    import subsidykit.register.store\n", "Layers"),
    # the register importing the import workflow above it
    "subsidykit/register/_scratch_up.py": ("def f():\n    import subsidykit.intake.run\n", "Layers"),
    # two workflows are independent of each other
    "subsidykit/summary/_scratch_sibling.py": ("def f():\n    import subsidykit.validation.report\n", "Layers"),
}


@pytest.mark.parametrize("path", sorted(SCRATCH))
def test_a_wrong_import_breaks_the_build(scratch_tree, path):
    text, contract = SCRATCH[path]
    target = scratch_tree / path
    target.write_text(text, encoding="utf-8")
    try:
        proc = _lint(scratch_tree)
    finally:
        target.unlink()
    assert proc.returncode != 0, proc.stdout
    assert "BROKEN" in proc.stdout and contract in proc.stdout, proc.stdout
    assert Path(path).stem in proc.stdout  # the report names the offending module


def test_the_scratch_tree_itself_is_clean(scratch_tree):
    """The copy passes without the scratch modules: the failures above come from them alone."""
    proc = _lint(scratch_tree)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _cycles(graph) -> list[list[str]]:
    adj = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in adj[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for m in sorted(adj):
        if m not in index:
            visit(m)
    return out


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("subsidykit", "udfs", "macros", cache_dir=None)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(scratch_tree):
    a, b = scratch_tree / "subsidykit/rules/_cyc_a.py", scratch_tree / "subsidykit/rules/_cyc_b.py"
    a.write_text("def f():\n    from subsidykit.rules import _cyc_b\n", encoding="utf-8")
    b.write_text("from subsidykit.rules import _cyc_a\n", encoding="utf-8")
    try:
        code = (
            "import grimp, sys; sys.path.insert(0, sys.argv[1]);"
            "from tests_layers_probe import _cycles;"
            "print(_cycles(grimp.build_graph('subsidykit', cache_dir=None)))"
        )
        shutil.copy(Path(__file__), scratch_tree / "tests_layers_probe.py")
        proc = subprocess.run(
            [sys.executable, "-c", code, str(scratch_tree)],
            cwd=scratch_tree, env={**os.environ, "PYTHONPATH": str(scratch_tree)}, capture_output=True, text=True, timeout=300,
        )
    finally:
        a.unlink()
        b.unlink()
    assert "subsidykit.rules._cyc_a" in proc.stdout and "subsidykit.rules._cyc_b" in proc.stdout, proc.stdout + proc.stderr


# The xlwings Server project (addin/server) is loaded by xlwings-server from its own folder, so
# import-linter cannot see it as a package: its modules may import only the adapters' entry
# points, the server package and the web framework.
ADDIN_ALLOWED = ("udfs", "macros", "subsidykit.server", "xlwings", "xlwings_server", "fastapi", "starlette", "ribbon")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_server_project_imports_only_adapters_and_the_server():
    bad = []
    for path in sorted((ROOT / "addin" / "server").rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or top == "__future__":
                continue
            if not any(name == a or name.startswith(a + ".") for a in ADDIN_ALLOWED):
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    assert bad == []


PACKAGES = sorted(p for p in ROOT.glob("subsidykit/**/__init__.py") if "__pycache__" not in p.parts) + [
    ROOT / "udfs" / "__init__.py",
    ROOT / "macros" / "__init__.py",
]


@pytest.mark.parametrize("init", PACKAGES, ids=lambda p: str(p.parent.relative_to(ROOT)))
def test_every_package_says_its_layer_and_what_it_may_import(init):
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert "Layer:" in doc and "May import:" in doc, f"{init}: docstring must name its layer and what it may import"
