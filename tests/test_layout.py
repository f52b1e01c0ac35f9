"""The package's layout is its pipeline: the stages as subpackages, imports in one direction
(text <- anchors <- editions <- data <- site <- archive <- build, cli, preview), no cycle,
and no room too big (a module over 400 lines, a function over 40)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("text", "anchors", "editions", "data", "site", "archive")
TOP = {"__init__", "__main__", "build", "cli", "preview"}
MODULE_LINES, FUNCTION_LINES = 400, 40


def modules() -> dict[str, Path]:
    """Return every module of the package by dotted name (generator.site.render)."""
    return {".".join(path.relative_to(ROOT).with_suffix("").parts): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path) -> set[str]:
    """Return the modules and packages of the generator that a module imports (any depth)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            found |= ({base} if node.module else set()) | {f"{base}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "generator":
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "generator"}
    return found


def stage(name: str) -> int:
    """Return the rank of a module's stage (the top modules come last)."""
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else len(STAGES)


def test_every_module_stands_in_its_stage():
    loose = [name for name in modules() if name.count(".") == 1 and name.split(".")[1] not in TOP | set(STAGES)]
    assert loose == []
    for package in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "May import" in doc, f"generator/{package}/__init__.py does not say what it may import"


def test_imports_run_one_way():
    against = [f"{name} imports {target}" for name, path in modules().items() for target in imports(name, path)
               if stage(target) > stage(name)]
    assert against == []


def test_no_module_imports_itself_in_a_cycle():
    known = modules()
    graph = {name: {t for t in imports(name, path) if t in known and t != name} for name, path in known.items()}
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> list[str]:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                return trail + [name, target]
            if target not in state and (cycle := visit(target, trail + [name])):
                return cycle
        state[name] = 2
        return []

    cycles = [cycle for name in sorted(graph) if name not in state and (cycle := visit(name, []))]
    assert cycles == []


def test_the_direction_test_catches_an_import_against_it(tmp_path):
    path = tmp_path / "figures.py"
    path.write_text("from ..site import render\nfrom . import model\n", encoding="utf-8")
    found = imports("generator.text.figures", path)
    assert found == {"generator.site", "generator.site.render", "generator.text.model"}
    assert sorted(t for t in found if stage(t) > stage("generator.text.figures")) == ["generator.site", "generator.site.render"]


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_room_too_big(name):
    path = modules()[name]
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MODULE_LINES, f"{name} has {text.count(chr(10))} lines"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(text))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > FUNCTION_LINES]
    assert long == []
