"""Saleor's data is read only through `saleor_glue/`, so one place knows Saleor's tables,
prefetches and version differences.

Every module of the package outside `saleor_glue/` and `migrations/` is parsed with `ast`; an
import of a Saleor module that is not on the infrastructure list below fails the test with the
module and line.

Allowed everywhere, because they are how the plugin is hosted by Saleor, not reads of its data:
- `saleor.graphql.*`: the schema the plugin's GraphQL types and mutations plug into;
- `saleor.permission.*`: the permission enums a field or mutation declares;
- `saleor.celeryconf`: the Celery app the plugin's tasks register on;
- `saleor.core.db.connection`: `allow_writer`, which lets a task or view write to the primary;
- `saleor.plugins.*`: the plugin base class, its error codes and its own configuration row.

Imports under `if TYPE_CHECKING:` are allowed too: they exist for annotations only and are never
executed, so they cannot query anything (a runtime use of such a name fails with NameError).
"""

import ast
from pathlib import Path

import saleor_tracking_plugin

PACKAGE_ROOT = Path(saleor_tracking_plugin.__file__).parent
# Where Saleor's data may be read: the glue, and migrations (they name Saleor's tables in
# their dependencies and foreign keys).
EXEMPT_FOLDERS = ("saleor_glue", "migrations")
INFRASTRUCTURE = (
    "saleor.graphql",
    "saleor.permission",
    "saleor.celeryconf",
    "saleor.core.db.connection",
    "saleor.plugins",
)


def _is_type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported_modules(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module == "saleor":
            return [f"saleor.{alias.name}" for alias in node.names]
        return [node.module]
    return []


def _is_saleor_data(module: str) -> bool:
    if module != "saleor" and not module.startswith("saleor."):
        return False
    return not any(
        module == allowed or module.startswith(f"{allowed}.") for allowed in INFRASTRUCTURE
    )


def saleor_data_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of each import of Saleor's data outside `if TYPE_CHECKING:` blocks."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if _is_type_checking_block(node):
            assert isinstance(node, ast.If)
            for child in node.orelse:
                visit(child)
            return
        found.extend(
            (node.lineno, module)  # type: ignore[attr-defined]
            for module in _imported_modules(node)
            if _is_saleor_data(module)
        )
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def _package_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE_ROOT.rglob("*.py"))
        if not set(path.relative_to(PACKAGE_ROOT).parts[:-1]) & set(EXEMPT_FOLDERS)
    ]


def test_no_module_outside_the_glue_imports_saleor_data():
    # Given every module of the plugin outside saleor_glue/ and migrations/
    modules = _package_modules()
    assert len(modules) > 50, "the walk found too few modules; is the package root right?"

    # When their imports are read
    offences = [
        f"{path.relative_to(PACKAGE_ROOT.parent)}:{line} imports {module}"
        for path in modules
        for line, module in saleor_data_imports(path.read_text())
    ]

    # Then none reads Saleor's data itself
    assert not offences, "Read Saleor's data through saleor_glue/:\n" + "\n".join(offences)


def test_the_check_names_the_line_of_a_model_import_anywhere_in_a_module():
    # Given a module importing Saleor's models at the top, from the package, and in a function
    source = (
        "from saleor.order.models import Order\n"
        "from saleor import order\n"
        "def find():\n"
        "    import saleor.account.models\n"
    )

    # When its imports are read
    found = saleor_data_imports(source)

    # Then all three are reported with their lines
    assert found == [
        (1, "saleor.order.models"),
        (2, "saleor.order"),
        (4, "saleor.account.models"),
    ]


def test_the_check_allows_infrastructure_and_annotation_only_imports():
    # Given a module importing Saleor's hosting infrastructure, and models for annotations only
    source = (
        "from typing import TYPE_CHECKING\n"
        "from saleor.celeryconf import app\n"
        "from saleor.core.db.connection import allow_writer\n"
        "from saleor.graphql.core.mutations import BaseMutation\n"
        "from saleor.permission.enums import OrderPermissions\n"
        "from saleor.plugins.base_plugin import BasePlugin\n"
        "if TYPE_CHECKING:\n"
        "    from saleor.order.models import Order\n"
        "else:\n"
        "    from saleor.order.models import OrderLine\n"
    )

    # When its imports are read
    found = saleor_data_imports(source)

    # Then only the import that runs outside the TYPE_CHECKING branch is reported
    assert found == [(10, "saleor.order.models")]
