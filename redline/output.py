"""Where output goes: never onto an input, never replacing what is not a file.

Every file a command reads (documents, sponsor lists, a manifest) is compared
with every file it writes (``-o``, ``--junit``) by identity, however the names
are spelled: ``nosuch/../old.txt``, ``old.txt/``, ``./old.txt//``, a symbolic
link or a hard link to an input are all the input. A regular file is written
atomically (a temporary file in its folder, then a rename; a signal removes
the temporary file); a FIFO, a device or a terminal is written through; a
symbolic link keeps being a link: the file it points to is replaced.

>>> same_file("x/../in.txt", "in.txt"), same_file("in.txt/", "./in.txt//")
(True, True)
"""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType

from redline.errors import InputError

__all__ = ["check_outputs", "same_file", "write_output"]


def _key(path: str) -> str:
    """The path as the file system resolves it, trailing slashes dropped.

    ``realpath`` of the folder plus the name; of the whole path when it exists
    (a link is the file it points to).
    """
    path = path.rstrip(os.sep) or os.sep
    if os.path.lexists(path):
        return os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(folder), name)


def same_file(a: str, b: str) -> bool:
    """True when two names are the same file: one resolved path, or one inode."""
    if _key(a) == _key(b):
        return True
    try:
        return os.path.samefile(a.rstrip(os.sep) or os.sep, b.rstrip(os.sep) or os.sep)
    except OSError:
        return False


def check_outputs(outputs: Iterable[tuple[str, str | None]], inputs: Iterable[str]) -> None:
    """Refuse, before any work, an output that is an input or cannot be a file.

    `outputs` are (option, path) pairs such as ``("-o", "out.html")``; `inputs`
    every file the command reads (``-`` and ``None`` are skipped).

    >>> check_outputs([("-o", "in.txt/")], ["in.txt"])
    Traceback (most recent call last):
    redline.errors.InputError: in.txt/: -o is one of the inputs; refusing to overwrite it
    """
    sources = [p for p in inputs if p and p != "-"]
    for option, path in outputs:
        if not path:
            continue
        for src in sources:
            if same_file(path, src):
                raise InputError(path, f"{option} is one of the inputs; refusing to overwrite it")
        if path.endswith(os.sep):
            raise InputError(path, f"{option} names a folder (it ends in {os.sep}), not a file")
        if os.path.isdir(path):
            raise InputError(path, f"{option} is a directory, not a file")
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise InputError(path, f"{option}: the output folder does not exist")


def write_output(path: str, data: str | bytes) -> None:
    """Write `data` to `path`: atomically for a regular file, directly otherwise.

    A symbolic link stays a link and the file it points to is replaced; a FIFO,
    a character device or a terminal is written through and never replaced.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None  # a new file, or a link to a file that does not exist yet
    except OSError as e:
        raise InputError(path, f"cannot write ({e.strerror or e})") from None
    try:
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory, not a file")
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(path, "wb") as f:  # follows a link to the device, as a shell's > does
                f.write(raw)
            return
        if os.path.islink(path):
            target = os.path.realpath(path)
        else:  # the folder as the kernel resolves it (``link/..`` is the link target's parent)
            folder, name = os.path.split(path)
            target = os.path.join(os.path.realpath(folder or "."), name)
        _atomic(target, raw, st)
    except OSError as e:  # disk full, read-only folder: the user's to fix
        raise InputError(path, f"cannot write ({e.strerror or e})") from None


def _atomic(target: str, raw: bytes, st: os.stat_result | None) -> None:
    import tempfile  # only here: most runs write to stdout

    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise InputError(target, "the output folder does not exist")
    with _signals_raise():
        fd, tmp = tempfile.mkstemp(prefix=".redline-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
            # mkstemp makes the file private (0600); give it the mode a plain write would
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, st.st_mode & 0o777 if st is not None else 0o666 & ~umask)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


class Interrupted(BaseException):
    """A termination signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise `Interrupted` (so the temporary file is removed) and are
    then re-delivered; SIGINT already raises KeyboardInterrupt."""
    wanted = (signal.SIGTERM, signal.SIGHUP)

    def handler(signum: int, _frame: FrameType | None) -> None:
        raise Interrupted(signum)

    try:
        old = {s: signal.signal(s, handler) for s in wanted}
    except ValueError:  # not the main thread: signals cannot be caught here
        yield
        return
    try:
        yield
    except Interrupted as e:
        for s, h in old.items():
            signal.signal(s, h)
        os.kill(os.getpid(), e.signum)  # die of the signal, as without us
        raise
    finally:
        for s, h in old.items():
            signal.signal(s, h)
