"""The output of ``redline verify-tracked``: a `redline.verify.Verification` as lines.

Names and text from the input go through `terminal_safe`.

>>> from redline.verify import Verification
>>> print("\\n".join(render_text(Verification(2, ("OP1",), ()), "a.docx", "b.txt")))
a.docx: 2 tracked changes in OP1
all changes are tracked: rejecting them gives b.txt
"""

from __future__ import annotations

from redline.render.safe import terminal_safe
from redline.verify import Verification


def render_text(v: Verification, submitted: str, base: str) -> list[str]:
    """The lines to print: the tracked changes, then what they leave out, or that
    all are tracked."""
    n = v.tracked_changes
    where = f" in {terminal_safe(', '.join(v.tracked_in))}" if v.tracked_in else ""
    out = [f"{terminal_safe(submitted)}: {n} tracked change{'s' if n != 1 else ''}{where}"]
    if v.untracked:
        k = len(v.untracked)
        out.append(
            f"{k} untracked change{'s' if k != 1 else ''} "
            f"(rejecting all tracked changes does not give {terminal_safe(base)}):"
        )
        out += [f"  {terminal_safe(line)}" for line in v.untracked]
    # fail closed: what Word shows and is not compared cannot be called tracked
    if v.unverified:
        out.append(f"not verified (not compared with {terminal_safe(base)}):")
        out += [f"  {terminal_safe(line)}" for line in v.unverified]
    if v.ok:
        out.append(f"all changes are tracked: rejecting them gives {terminal_safe(base)}")
    return out
