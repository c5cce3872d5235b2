"""The UI is a thin layer: services never import textual or typer (checked on the source)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "claimtrack"
SERVICES = ["db.py", "models.py", "shapes.py", "store", "ingest", "extract", "check", "report"]
UI_LIBRARIES = {"textual", "typer", "click"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_services_do_not_import_ui_libraries() -> None:
    files = [
        f
        for entry in SERVICES
        for f in ([PACKAGE / entry] if entry.endswith(".py") else (PACKAGE / entry).rglob("*.py"))
    ]
    assert len(files) > 20
    offenders = {str(f.relative_to(PACKAGE)): _imports(f) & UI_LIBRARIES for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_cli_has_no_sql() -> None:
    assert not {"sqlalchemy", "sqlmodel", "sqlite3"} & _imports(PACKAGE / "cli.py")


def test_every_package_ships_in_the_wheel() -> None:
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")
    }
    assert found <= listed
