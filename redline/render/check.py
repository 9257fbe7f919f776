"""The outputs of ``redline check``: text, GitHub Actions workflow commands, JUnit XML.

Each reads a `redline.check.Verdict` and nothing else; the word diffs are laid out
by `redline.render.wrap`, and text from the input goes through `redline.render.safe`.

>>> r = Result("OP5", 9, "differs", (Segment("=", "Urges "), Segment("+", "all")))
>>> render_text(Verdict("new.txt", "adopted.txt", (r,))).splitlines()[0]
'new.txt:9: OP5 differs'
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from redline.check import Result, Verdict  # noqa: F401 - Result: the doctests build one
from redline.model import Segment

__all__ = ["render_github", "render_junit", "render_text", "wdiff"]


# --- output -----------------------------------------------------------------------


def wdiff(segments: Sequence[Segment], color: bool = False) -> str:
    """A word diff on one line, wdiff style, or coloured.

    >>> wdiff([Segment("=", "Urges "), Segment("-", "all"), Segment("+", "some")])
    'Urges [-all-]{+some+}'
    """
    from redline.render.wrap import pieces, render_line

    return render_line(pieces(segments, color), color)


def _path(source: str) -> str:
    """The file a source names, without its ``#pick``."""
    return source.partition("#")[0] if "#" in source and not os.path.exists(source) else source


def render_text(verdict: Verdict, color: bool = False, width: int = 80) -> str:
    """Each differing paragraph with its candidate line and word diff, then the verdict.

    >>> r = Result("OP5", 9, "differs", (Segment("=", "Urges "), Segment("+", "all"),))
    >>> print(render_text(Verdict("new.txt", "adopted.txt", (r,))), end="")
    new.txt:9: OP5 differs
        Urges {+all+}
    differs: 1 paragraph (OP5), 1 word inserted, 0 deleted
    """
    from redline.render.safe import terminal_safe
    from redline.render.wrap import pieces, styled_wrap

    out: list[str] = []
    path = terminal_safe(_path(verdict.candidate))
    for r in verdict.differences:
        out.append(terminal_safe(f"{path}:{r.line}: {r.label} {r.problem}"))
        if r.segments:
            out += styled_wrap(pieces(r.segments, color), width, color, "    ")
        for f in r.footnotes:
            mark = terminal_safe(f.new_mark or f.old_mark or "?")
            out += styled_wrap(
                [("", f"footnote {mark}: "), *pieces(f.segments, color)], width, color, "    "
            )
    out.append(verdict.line())
    return "\n".join(out) + "\n"


def render_github(verdict: Verdict) -> str:
    """GitHub Actions workflow commands: one ``::error`` per differing paragraph.

    >>> r = Result("OP5", 9, "differs", (Segment("-", "all"),))
    >>> print(render_github(Verdict("new.txt", "adopted.txt", (r,))), end="")
    ::error file=new.txt,line=9,title=redline check::OP5 differs from the adopted text%0A[-all-]
    differs: 1 paragraph (OP5), 0 words inserted, 1 deleted
    """
    from redline.render.common import visible
    from redline.render.safe import github_data, github_property

    out = []
    path = github_property(_path(verdict.candidate))
    for r in verdict.differences:
        line = f",line={r.line}"
        what = "differs from the adopted text" if r.problem.startswith("differs") else r.problem
        body = [visible(f"{r.label} {what}")]
        if r.segments:
            body.append(visible(wdiff(r.segments)))
        body += [visible(f"footnote {f.new_mark or f.old_mark}: {wdiff(f.segments)}")
                 for f in r.footnotes]  # fmt: skip
        out.append(
            f"::error file={path}{line},title=redline check::{github_data(chr(10).join(body))}"
        )
    out.append(verdict.line())
    return "\n".join(out) + "\n"


def render_junit(verdicts: Sequence[Verdict]) -> str:
    """JUnit XML: a test suite per candidate, a test case per paragraph (and the title).

    >>> ok = Result("OP1", 3, "")
    >>> bad = Result("OP2", 5, "differs", (Segment("+", "<b>&"),))
    >>> xml = render_junit([Verdict("new.txt", "adopted.txt", (ok, bad))])
    >>> 'failures="1"' in xml, "&lt;b&gt;&amp;" in xml
    (True, True)
    """
    from redline.render.common import visible
    from redline.render.safe import terminal_safe, xml_safe

    total = sum(len(v.results) for v in verdicts)
    failed = sum(len(v.differences) for v in verdicts)
    root = ET.Element("testsuites", name="redline check", tests=str(total), failures=str(failed))
    for v in verdicts:
        path = terminal_safe(_path(v.candidate))  # also XML-safe: no control survives
        suite = ET.SubElement(
            root, "testsuite", name=terminal_safe(f"{v.candidate} vs {v.adopted}"),
            tests=str(len(v.results)), failures=str(len(v.differences)), errors="0",
        )  # fmt: skip
        for name, r in zip(v.names(), v.results, strict=True):
            case = ET.SubElement(suite, "testcase", classname=path, name=terminal_safe(name),
                                 file=path, line=str(r.line))  # fmt: skip
            if r.differs:
                fail = ET.SubElement(case, "failure", message=visible(f"{r.label} {r.problem}"),
                                     type="differs")  # fmt: skip
                body = [visible(wdiff(r.segments))] if r.segments else []
                body += [visible(f"footnote {f.new_mark or f.old_mark}: {wdiff(f.segments)}")
                         for f in r.footnotes]  # fmt: skip
                fail.text = xml_safe("\n".join(body))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
