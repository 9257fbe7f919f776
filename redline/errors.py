"""One error type for everything the user can do wrong, and the exit codes.

Every `RedlineError` carries the exit code it ends a command with (`exit_code`,
2); the CLI turns it into one line on stderr and that code, in one place.
Anything else is a bug and shows a traceback only with ``--debug``.

>>> e = InputError("report.md", "file is empty")
>>> str(e), e.exit_code
('report.md: file is empty', 2)
"""

from __future__ import annotations

EXIT_OK = 0
"""``diff`` wrote its output, ``check`` found a match, ``verify-tracked`` all tracked."""
EXIT_DIFFERS = 1
"""``check`` (and ``diff --exit-code``) found a difference; some change is untracked."""
EXIT_ERROR = 2
"""Always an error: bad input or arguments, or a bug; one line on stderr."""


class RedlineError(Exception):
    """Base of all errors that are the input's fault, not redline's."""

    exit_code: int = EXIT_ERROR
    """The exit code the command ends with."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class InputError(RedlineError):
    """A file that cannot be read as a document (missing, binary, too big, …), or
    arguments that cannot go together."""


class PickError(RedlineError):
    """A ``#II`` / ``#SYMBOL`` pick that names no resolution in the file."""
