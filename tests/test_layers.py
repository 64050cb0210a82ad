"""The architecture, checked: layers point one way and no import cycle hides anywhere.

``base`` (types, errors, settings, protocols, text helpers) imports nothing of ours; ``ingest``
and ``vectorstore`` stand on it and not on each other; ``assistant`` stands on them; on top are
``assistant.cli`` and the app (``app.py`` and its pages in ``ui/``), and nothing below imports
them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("base", "ingest", "vectorstore", "assistant", "ui")
ALLOWED = {
    "base": {"base"},
    "ingest": {"base", "ingest"},
    "vectorstore": {"base", "vectorstore"},
    "assistant": {"base", "ingest", "vectorstore", "assistant"},
    "ui": {"base", "ingest", "vectorstore", "assistant", "ui"},
}
TOP = {"assistant.cli", "app"}


def _modules() -> dict[str, Path]:
    """Every module of the project by its dotted name, subpackages' modules included."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if path.stem == "__init__" else parts)
            found[name] = path
    found["app"] = ROOT / "app.py"
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The project module an import names (a package's submodule when it is one)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(path: Path, *, module_level_only: bool) -> set[str]:
    """Project modules imported by a file: everywhere, or only when it is first imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    if module_level_only:  # also imports inside module-level if/try blocks, not TYPE_CHECKING
        expanded = []
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, (ast.If, ast.Try)):
                expanded.extend(ast.walk(node))
            else:
                expanded.append(node)
        nodes = expanded
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # `from assistant import extract` imports a submodule
                sub = f"{node.module}.{alias.name}"
                names.add(sub if sub in MODULES else node.module)
    return {m for m in (_resolve(n) for n in names) if m}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_import_points_down_the_layers(module):
    package = module.partition(".")[0]
    imported = _imports(MODULES[module], module_level_only=False)
    if module == "app":
        assert "assistant.cli" not in imported
        return
    if package == "ui":
        assert "assistant.cli" not in imported and "app" not in imported
    wrong = {m for m in imported if m.partition(".")[0] not in ALLOWED[package]}
    assert not wrong, f"{module} imports {sorted(wrong)} from a layer above or beside it"
    assert not (imported & TOP), f"{module} imports the top layer {sorted(imported & TOP)}"
    if package != "ui":
        pages = {m for m in imported if m.startswith("ui")}
        assert not pages, f"{module} imports the app's pages {sorted(pages)}"


def test_no_package_hides_an_import_behind_a_lazy_getattr():
    for package in PACKAGES:
        tree = ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))
        names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert "__getattr__" not in names, package


def test_module_level_imports_have_no_cycle():
    graph = {m: _imports(p, module_level_only=True) - {m} for m, p in MODULES.items()}
    for module in MODULES:  # importing a submodule runs its package first
        package = module.rpartition(".")[0]
        if package in MODULES:
            graph[module].add(package)
    # a package importing its own submodules is how packages work, not a cycle
    edges = {m: {d for d in deps if not d.startswith(f"{m}.")} for m, deps in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges[node]):
            if state.get(dep) == 1:
                cycle = stack[stack.index(dep) :] + [dep]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_alone_without_pulling_in_the_layers_above(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(' '.join(sorted({n.split('.')[0] for n in sys.modules} & "
        f"{set(PACKAGES)!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = set(done.stdout.split())
    assert package in loaded and loaded <= ALLOWED[package], loaded


def test_the_answering_stages_stand_below_the_rest_of_the_assistant():
    """``assistant.answering`` (the stages) imports base, ingest and itself, never the API,
    the CLI, evaluation or briefs above it; and no stage imports the pipeline that wires them."""
    for module, path in MODULES.items():
        if not module.startswith("assistant.answering"):
            continue
        imported = _imports(path, module_level_only=False)
        above = {
            m
            for m in imported
            if m.startswith("assistant") and not m.startswith("assistant.answering")
        }
        assert not above, f"{module} imports {sorted(above)} from above the answering stages"
        assert not {m for m in imported if m.startswith("vectorstore")}, module
        if module not in ("assistant.answering", "assistant.answering.pipeline"):
            assert "assistant.answering.pipeline" not in imported, module


def test_every_package_is_shipped():
    """A wheel holds the packages pyproject.toml lists: every folder with an __init__.py of
    the layers must be there, or an install from a wheel misses it (an editable one does not)."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for package in PACKAGES
        if package != "ui"
        for init in (ROOT / package).rglob("__init__.py")
    }
    assert found <= listed, sorted(found - listed)
