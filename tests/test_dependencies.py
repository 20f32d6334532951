"""Declared = used: every dependency in pyproject.toml earns its place.

A runtime dependency (or one of an extra such as ``spark``) must be imported
somewhere under ``src/newsledger``; a development one somewhere under ``tests/``, ``eval/`` or ``bench/`` (or run by
the Makefile).  Distribution names are mapped to import names with
:func:`importlib.metadata.packages_distributions`, so the test needs the
declared packages installed (``make install``).  The few packages used without
an import statement are listed below with the reason.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runtime packages used without an ``import`` of their own.
RUNTIME_WITHOUT_IMPORT = {
    # FastAPI parses the web upload form (File/Form in web/write.py) with it.
    "python-multipart": "fastapi.Form",
}
# Development packages used without an ``import`` of their own.
DEV_WITHOUT_IMPORT = {
    # fastapi.testclient (starlette's TestClient) sends its requests with httpx.
    "httpx": "fastapi.testclient",
}
# Development tools that are run, not imported: the Makefile must run them.
DEV_TOOLS = frozenset({"mypy", "ruff"})


def canonical(dist: str) -> str:
    """A distribution name as PEP 503 normalises it (``Jinja2`` -> ``jinja2``)."""
    return re.sub(r"[-_.]+", "-", dist).lower()


def requirement_name(req: str) -> str:
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
    assert m is not None, f"cannot read the requirement {req!r}"
    return canonical(m.group(1))


def project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        data = tomllib.load(fh)
    proj = data["project"]
    assert isinstance(proj, dict)
    return proj


def runtime_requirements() -> list[str]:
    return [requirement_name(r) for r in project()["dependencies"]]  # type: ignore[attr-defined]


def dev_requirements() -> list[str]:
    extras = project()["optional-dependencies"]
    return [requirement_name(r) for r in extras["dev"]]  # type: ignore[index]


def import_names() -> dict[str, set[str]]:
    """Distribution (normalised) -> the top-level modules it installs."""
    out: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for d in dists:
            out.setdefault(canonical(d), set()).add(module)
    return out


def imported_modules(folders: Iterable[Path]) -> set[str]:
    """Top-level modules imported (or loaded with ``need_module``) by the Python files under ``folders``."""
    found: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
                elif (  # need_module("playwright.sync_api", ...): imported when present
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "need_module"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value.split(".")[0])
    return found


def model_requirement() -> str:
    """The declared spaCy model package (the one that is not imported but loaded by name)."""
    models = [r for r in runtime_requirements() if r.startswith("en-core-web")]
    assert len(models) == 1, f"expected one spaCy model package, found {models}"
    return models[0]


def optional_runtime_requirements() -> list[str]:
    """Extras other than ``dev`` (e.g. ``spark``): features of the package itself."""
    extras = project()["optional-dependencies"]
    assert isinstance(extras, dict)
    return [requirement_name(r) for name, reqs in extras.items() if name != "dev" for r in reqs]


def test_every_runtime_dependency_is_imported_in_src() -> None:
    names = import_names()
    used = imported_modules([ROOT / "src" / "newsledger"])
    model = model_requirement()
    unused = []
    for dist in runtime_requirements() + optional_runtime_requirements():
        if dist == model or dist in RUNTIME_WITHOUT_IMPORT:
            continue
        modules = names.get(dist)
        if not modules:
            pytest.fail(f"{dist} is declared but not installed: run `make install`.")
        if not modules & used:
            unused.append(dist)
    assert not unused, f"declared in pyproject.toml but never imported under src/: {unused}"


def test_the_model_package_is_the_one_spacy_loads() -> None:
    from newsledger.nlp.spacy_adapter import MODEL_NAME

    modules = import_names().get(model_requirement(), set())
    assert MODEL_NAME in modules, f"spacy.load({MODEL_NAME!r}) is not the declared model"


def test_packages_used_without_an_import_are_still_needed() -> None:
    """An allow-listed package stays listed only while what needs it is used."""
    used = imported_modules([ROOT / "src" / "newsledger"])
    write = (ROOT / "src" / "newsledger" / "web" / "write.py").read_text(encoding="utf-8")
    assert "fastapi" in used and "Form(" in write, "no form left: drop python-multipart"
    tests_src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("*.py"))
    assert "fastapi.testclient" in tests_src, "no TestClient left: drop httpx"
    assert set(RUNTIME_WITHOUT_IMPORT) <= set(runtime_requirements())
    assert set(DEV_WITHOUT_IMPORT) | DEV_TOOLS <= set(dev_requirements())


def test_every_dev_dependency_is_used_by_tests_eval_bench_train_or_make() -> None:
    names = import_names()
    used = imported_modules([ROOT / "tests", ROOT / "eval", ROOT / "bench", ROOT / "train"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    unused = []
    for dist in dev_requirements():
        if dist in DEV_WITHOUT_IMPORT:
            continue
        if dist in DEV_TOOLS:
            if f"$(BIN)/{dist} " not in makefile and f"$(BIN)/{dist}\n" not in makefile:
                unused.append(dist)
            continue
        modules = names.get(dist)
        if not modules:
            pytest.fail(f"{dist} is declared but not installed: run `make install`.")
        if not modules & used:
            unused.append(dist)
    assert not unused, (
        f"dev dependencies used by no test, eval, bench, trainer or make target: {unused}"
    )


def test_the_checks_see_an_unused_package() -> None:
    """The import scan is not vacuous: a module nobody imports is not found."""
    used = imported_modules([ROOT / "src" / "newsledger"])
    assert "spacy" in used and "rapidfuzz" in used
    assert "dateparser" not in used
