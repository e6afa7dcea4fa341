"""The plan PostgreSQL keeps for a prepared statement, for tests about query plans.

psycopg prepares a query run five times, and PostgreSQL may then keep one generic plan,
made without the parameters' values. `generic_plans` captures the statements a step runs
and returns the generic plan of each SELECT, as EXPLAIN prints it."""
from __future__ import annotations

import re
from typing import Callable

from sqlalchemy import event


def generic_plans(runtime, step: Callable[[], object]) -> list[tuple[str, str]]:
    """(statement, generic plan) for every SELECT that `step` runs on `runtime`'s engine."""
    seen: list[tuple[str, dict]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and isinstance(parameters, dict):
            seen.append((statement, parameters))

    event.listen(runtime.engine, "before_cursor_execute", capture)
    try:
        step()
    finally:
        event.remove(runtime.engine, "before_cursor_execute", capture)
    out = []
    with runtime.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        for statement, parameters in seen:
            names: list[str] = []

            def numbered(match):
                names.append(match.group(1))
                return f"${len(names)}"

            prepared = re.sub(r"%\((\w+)\)s", numbered, statement)
            prepared = re.sub(r"\s+FOR UPDATE\b.*$", "", prepared, flags=re.S)
            cursor.execute("PREPARE planned AS " + prepared)
            args = ", ".join(_literal(parameters[name]) for name in names)
            cursor.execute(f"EXPLAIN EXECUTE planned({args})" if names else "EXPLAIN EXECUTE planned")
            out.append((statement, "\n".join(row[0] for row in cursor.fetchall())))
            cursor.execute("DEALLOCATE planned")
        cursor.execute("RESET plan_cache_mode")
    return out


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "ARRAY[" + ", ".join(_literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"
