"""No module in ui/ opens a database session on the GUI thread: reads and writes go through ui/ops.py."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"

# The one module that opens sessions for the window (on its worker threads), and the start-up read
# of the first chat-list page (plain sqlite3, before the event loop starts: nothing to stall yet).
OPENS_SESSIONS = {"ui.ops", "app.first_page"}

# Start-up before the window exists (no event loop yet, nothing to stall): the database is opened,
# migrated, its preferences read; the first-run wizard's answers and the demo shop are written.
BEFORE_THE_WINDOW = {
    "ui.application.open_inbox",
    "ui.application.run_first_setup",
    "ui.application.finish_setup",  # run_first_setup's second half, still before the window
    "ui.demo.start_demo",
    "ui.demo.prepare_demo",  # `--demo`'s on its own thread behind the splash (ui/demo_start.py)
    "ui.demo_language.demo_language",  # a kept demo's language, read (plain sqlite3) before it is installed
}

# Modules still to be converted to ops (or whose database handle the check cannot yet tell is only
# kept for an op), named one by one; this set only shrinks.
NOT_CONVERTED_YET: set[str] = set()

# Calls whose function argument (a def, a lambda, or functools.partial of one) runs off the GUI thread.
RUNS_OFF_THE_GUI_THREAD = {
    "run_op",
    "run_change",
    "run_change_returning",
    "run_read",
    "run_write",
    "run_write_returning",
    "Op",
    "start_job",
    "run_in_turn",  # ui/op_queue.py: the window's edits, one after another
}
# Methods that are a worker thread's body.
THREAD_BODIES = {"run"}
THREAD_BASES = {"QRunnable", "QThread", "Thread"}
# Constructors that only keep the database handle for their own threads.
KEEPS_THE_HANDLE = {"SyncEngine", "AppContext", "replace"}
DB_NAMES = {"db", "database"}


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


@dataclass
class SessionFinder(ast.NodeVisitor):
    """Finds `<db>.read()` / `<db>.write()` anywhere, and a database handed to a call off an op.

    A database is `x.db` (`ctx.db`, `self.ctx.db`), a parameter named `db`/`database` or annotated
    `Database`, or a name assigned from one of those (`db = ctx.db`).
    """

    module: str
    problems: list[str] = field(default_factory=list)
    aliases: list[set[str]] = field(default_factory=lambda: [set(DB_NAMES)])
    worker_depth: int = 0
    in_class: int = 0
    worker_defs: list[set[str]] = field(default_factory=lambda: [set()])
    params: list[set[str]] = field(default_factory=lambda: [set()])
    function: str = ""  # the module-level function being read (qualified), or ""

    def is_db(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr == "db"
        if isinstance(node, ast.Name):
            return any(node.id in scope for scope in self.aliases)
        return False

    def report(self, node: ast.AST, what: str) -> None:
        self.problems.append(f"{self.module}:{getattr(node, 'lineno', '?')}: {what}")

    # ------------------------------------------------------------------ scopes
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases}
        self.in_class += 1
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name in THREAD_BODIES and bases & THREAD_BASES:
                self.worker_depth += 1
                self.visit(item)
                self.worker_depth -= 1
            else:
                self.visit(item)
        self.in_class -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        scope = set()
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            if arg.arg in DB_NAMES or annotation.endswith("Database"):
                scope.add(arg.arg)
        # Nested functions handed to run_op & co. by name run off the GUI thread.
        handed: set[str] = set()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and _call_name(inner) in RUNS_OFF_THE_GUI_THREAD:
                handed.update(arg.id for arg in inner.args if isinstance(arg, ast.Name))
        worker = node.name in self.worker_defs[-1]
        top = not self.function and not self.in_class
        if top:
            self.function = f"{self.module}.{node.name}"
        worker |= self.function in BEFORE_THE_WINDOW
        self.aliases.append(scope)
        self.params.append(set(scope))
        self.worker_defs.append(handed)
        self.worker_depth += worker
        for item in node.body:
            self.visit(item)
        self.worker_depth -= worker
        self.worker_defs.pop()
        self.params.pop()
        self.aliases.pop()
        if top:
            self.function = ""

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.is_db(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases[-1].add(target.id)
        self.generic_visit(node)

    # ------------------------------------------------------------------ calls
    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("read", "write") and self.is_db(func.value):
            self.report(node, f"opens a database session: {ast.unparse(func)}()")
        name = _call_name(node)
        if name in RUNS_OFF_THE_GUI_THREAD:
            # The op's function (first for run_op/Op, after the context for the others) runs there.
            self.visit(node.func)
            self.worker_depth += 1
            for arg in node.args:
                self.visit(arg)
            self.worker_depth -= 1
            for keyword in node.keywords:
                self.visit(keyword)
            return
        if not self.worker_depth and name not in KEEPS_THE_HANDLE:
            # A database that came in as this function's parameter is its caller's to answer for.
            handed = [
                a
                for a in [*node.args, *(k.value for k in node.keywords)]
                if self.is_db(a) and not (isinstance(a, ast.Name) and a.id in self.params[-1])
            ]
            if handed:
                self.report(node, f"hands the database to {name}() on the GUI thread")
        self.generic_visit(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        # A lambda is handed on (to an op, an op queue, a command): what it hands the database to
        # runs where it is called. Sessions opened in it are still found (.read()/.write() above).
        self.worker_depth += 1
        self.generic_visit(node)
        self.worker_depth -= 1


def problems_in(path: Path) -> list[str]:
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    finder = SessionFinder(module)
    finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return finder.problems


def ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py"))


def test_no_widget_module_opens_a_database_session() -> None:
    found: list[str] = []
    for path in ui_modules():
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if module in OPENS_SESSIONS or module in NOT_CONVERTED_YET:
            continue
        found += problems_in(path)
    assert not found, "open sessions in ops (ui/ops.py run_read/run_write), not here:\n" + "\n".join(found)


def test_the_modules_not_converted_yet_still_open_sessions() -> None:
    """The allow-list only shrinks: a converted module leaves it."""
    converted = [
        m for m in sorted(NOT_CONVERTED_YET) if not problems_in(ROOT / (m.replace(".", "/") + ".py"))
    ]
    assert not converted, f"converted: remove from NOT_CONVERTED_YET: {converted}"


def test_the_check_follows_aliases_and_sees_a_store_on_the_gui_path(tmp_path: Path) -> None:
    source = """
class Panel:
    def show(self):
        db = self.ctx.db
        with db.read() as s:
            pass
        AutomationsStore(self.ctx.db).state()

    def later(self):
        def work():
            return QuickReplyLibrary(self.ctx.db).all()

        run_op(work, self.done)
        run_op(lambda: queue_outgoing(self.ctx.db, 1), self.done)

    def edit(self, database):
        with database.write() as s:
            pass


def export_now(ctx):
    return ChatExport(ctx.db).text()


def scan(db, path):
    return import_context(db, path)  # the caller hands it the database: checked there
"""
    path = UI / "_probe_for_the_check.py"
    finder = SessionFinder("ui._probe_for_the_check")
    finder.visit(ast.parse(source, filename=str(path)))
    assert [p.split(": ", 1)[1] for p in finder.problems] == [
        "opens a database session: db.read()",
        "hands the database to AutomationsStore() on the GUI thread",
        "opens a database session: database.write()",
        "hands the database to ChatExport() on the GUI thread",
    ]
