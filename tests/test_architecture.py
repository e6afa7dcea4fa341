"""The layout keeps its promises: rooms by role, dependencies one way, no hidden imports.

Read from the code's own imports (ast), so a change that breaks a rule fails here with
the module and line to look at.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "storage")
ROOMS = {"whatsapp", "api", "cli", "worker", "chat", "services", "text", "web"}
# What each room may import of ours (besides itself, bot.config, bot.logs and storage).
ALLOWED = {
    "text": set(),
    "services": {"text"},
    "chat": {"services", "text"},
    "whatsapp": {"services", "text", "runtime"},
    "worker": {"whatsapp", "chat", "services", "text"},
    "api": {"services", "text", "runtime"},
    "web": {"services", "text", "runtime"},
    "cli": {"worker", "whatsapp", "services", "text", "runtime"},
}
EDGE_LIBRARIES = {"flask", "werkzeug", "requests", "httpx", "gunicorn", "click"}


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def imports(path: Path):
    """(line, imported module of ours or library top name, inside a function?) for each import."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    in_function = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")
                keep = len(parts) - node.level + (1 if path.name == "__init__.py" else 0)
                base = ".".join(parts[:keep] + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            while target not in MODULES and "." in target:
                target = target.rsplit(".", 1)[0]
            yield node.lineno, target, id(node) in in_function


def room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "bot" and parts[1] in ROOMS else None


def test_the_folder_list_shows_the_rooms():
    assert {p.name for p in (ROOT / "bot").iterdir() if p.is_dir() and (p / "__init__.py").exists()} == ROOMS


def test_storage_knows_nothing_of_the_bot():
    wrong = [f"{path.relative_to(ROOT)}:{line} imports {target}"
             for module, path in MODULES.items() if module.startswith("storage")
             for line, target, _ in imports(path) if target.split(".")[0] == "bot"]
    assert wrong == []


def test_no_module_imports_ours_inside_a_function():
    hidden = [f"{path.relative_to(ROOT)}:{line} imports {target}"
              for path in MODULES.values() for line, target, inside in imports(path)
              if inside and target in MODULES]
    assert hidden == []


def test_dependencies_point_one_way():
    wrong = []
    for module, path in MODULES.items():
        mine = room(module)
        if mine is None:
            continue
        for line, target, _ in imports(path):
            theirs = room(target)
            if target == "bot" or (theirs and theirs != mine and theirs not in ALLOWED[mine]) \
                    or (target == "bot.runtime" and "runtime" not in ALLOWED[mine]):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {mine} imports {target}")
    assert wrong == []


def test_the_domain_knows_no_http_and_no_whatsapp_client():
    wrong = [f"{path.relative_to(ROOT)}:{line} imports {target}"
             for module, path in MODULES.items() if room(module) in ("services", "chat", "text")
             for line, target, _ in imports(path)
             if target.split(".")[0] in EDGE_LIBRARIES or room(target) in ("whatsapp", "api", "cli", "worker")]
    assert wrong == []


def test_no_circles_between_our_modules():
    graph = {m: {t for _, t, _ in imports(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    # A package's __init__ is imported with any of its modules: follow only real module edges.
    state: dict[str, int] = {}
    circles = []

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
