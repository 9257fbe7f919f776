"""One error type for everything the user can do wrong.

The CLI turns a `RedlineError` into one line on stderr and exit code 2; anything
else is a bug and shows a traceback only with ``--debug``.

>>> str(InputError("report.md", "file is empty"))
'report.md: file is empty'
"""

from __future__ import annotations


class RedlineError(Exception):
    """Base of all errors that are the input's fault, not redline's."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class InputError(RedlineError):
    """A file that cannot be read as a document (missing, binary, too big, …)."""


class PickError(RedlineError):
    """A ``#II`` / ``#SYMBOL`` pick that names no resolution in the file."""
