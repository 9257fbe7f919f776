"""A fuzz target for Word input (issue 17): random .docx structures, built as real bytes.

Hypothesis draws trees of paragraphs (styles, automatic numbering, tracked or hidden
paragraph marks), runs (italic, bold, hidden, superscript; text, tabs, breaks,
footnote references, custom marks), tracked insertions, deletions and moves,
hyperlinks, content controls, tables and text boxes (VML, and DrawingML with its
fallback), with a numbering part (every format, huge and junk starts), a styles part
(hidden styles, a ``basedOn`` loop) and a footnotes part (references to missing
notes too). The text mixes resolution words with what looks like markup
(``[a](b)``, ``# ``, ``- ``, ``---``, ``*``, ``<sup>1</sup>``, ``&``) and any
character XML allows.

Every command answers with a document or a one-line error and exit 2, never a
traceback or a hang; and redline's own .docx redline of two such files verifies
against its source: ``verify-tracked`` finds no untracked change.
"""

from __future__ import annotations

import io
import json
import os
import signal
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from redline.cli import main
from redline.errors import InputError
from redline.model import Document
from redline.parser.load import load

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="wps"'
)
AUTHOR = 'w:author="A" w:date="2026-01-01T00:00:00Z"'
SECONDS = 30
"""Longer than this for one example's commands is a hang."""

WORDS = [
    "The General Assembly,", "Recalling", "its resolution 73/188,", "Urges", "States",
    "to act;", "Decides", "to remain seized of the matter.", "1.", "2.", "(a)", "(iv)",
    "Requests the Secretary-General:", "Draft resolution II", "Annex", "Agenda item 5",
    "[bracketed text](A/75/98)", "# ", "- ", "---", "*", "**", "_", "__", "<sup>1</sup>",
    "&", "&amp;", "<", "\\[", "1", "*", "A/C.3/80/L.5", "Chile and Peru: draft resolution",
    " ", "  ", "\u00a0", "\u2028", "\u200b", "\u202e", "recalling also", "all", ",", ";", ".",
]  # fmt: skip


def xml_legal(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"
    )


TEXT = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.text(max_size=12).map(xml_legal),
)
RUN_PROPS = [
    "<w:i/>", "<w:b/>", '<w:i w:val="0"/>', "<w:vanish/>", '<w:vanish w:val="false"/>',
    '<w:vertAlign w:val="superscript"/>', '<w:rStyle w:val="Hidden"/>',
    '<w:rStyle w:val="Loop1"/>',
    f'<w:rPrChange w:id="9" {AUTHOR}><w:rPr><w:i/></w:rPr></w:rPrChange>',
]  # fmt: skip
NOTE_IDS = ["1", "2", "3", "9", "-1"]
"""Footnote ids a reference may cite: 1-3 exist, 9 does not, -1 is the separator."""


def t(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<{tag} xml:space="preserve">{escape(text)}</{tag}>'


@st.composite
def run(draw: st.DrawFn, deleted: bool, notes: bool) -> str:
    props = draw(st.lists(st.sampled_from(RUN_PROPS), max_size=3, unique=True))
    parts = [
        st.builds(lambda s: t(s, deleted), TEXT),
        st.sampled_from(["<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>"]),
    ]
    if notes:
        parts.append(st.sampled_from(NOTE_IDS).map(lambda i: f'<w:footnoteReference w:id="{i}"/>'))
        parts.append(  # a reference whose mark is the text after it
            st.tuples(st.sampled_from(NOTE_IDS), st.sampled_from(["*", "**", "a", ""])).map(
                lambda x: (
                    f'<w:footnoteReference w:customMarkFollows="1" w:id="{x[0]}"/>'
                    + t(x[1], deleted)
                )
            )
        )
    content = draw(st.lists(st.one_of(parts), min_size=1, max_size=4))
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{''.join(content)}</w:r>"


def inline(depth: int, deleted: bool = False, notes: bool = True) -> st.SearchStrategy[str]:
    """Strategy for the content of a paragraph: runs, wrapped in changes, links, boxes."""
    leaf = run(deleted, notes)
    if depth <= 0:
        return leaf
    inner = st.lists(inline(depth - 1, deleted, notes), min_size=1, max_size=3).map("".join)
    gone = st.lists(inline(depth - 1, True, notes), min_size=1, max_size=2).map("".join)
    return st.one_of(
        leaf,
        leaf,
        inner.map(lambda x: f'<w:ins w:id="1" {AUTHOR}>{x}</w:ins>'),
        gone.map(lambda x: f'<w:del w:id="2" {AUTHOR}>{x}</w:del>'),
        inner.map(lambda x: f'<w:moveTo w:id="3" {AUTHOR}>{x}</w:moveTo>'),
        gone.map(lambda x: f'<w:moveFrom w:id="4" {AUTHOR}>{x}</w:moveFrom>'),
        inner.map(lambda x: f'<w:hyperlink w:anchor="x">{x}</w:hyperlink>'),
        inner.map(lambda x: f"<w:sdt><w:sdtContent>{x}</w:sdtContent></w:sdt>"),
        inner.map(lambda x: f'<w:fldSimple w:instr="PAGE">{x}</w:fldSimple>'),
        st.lists(paragraph(depth - 1), min_size=1, max_size=2).map(lambda ps: box("".join(ps))),
    )


def box(paragraphs: str) -> str:
    """A run holding a text box, VML or DrawingML (with its VML fallback)."""
    vml = f"<w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>"
    dml = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        f"{paragraphs}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
    return f"<w:r>{vml}</w:r>" if len(paragraphs) % 2 else f"<w:r>{dml}</w:r>"


@st.composite
def paragraph(draw: st.DrawFn, depth: int = 2, notes: bool = True) -> str:
    ppr = []
    style = draw(st.sampled_from([None, None, "Heading1", "Title", "Hidden", "Loop1", "Nope"]))
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if draw(st.booleans()):
        ilvl = draw(st.sampled_from(["0", "0", "1", "2", "zz", "-1", "99999999999"]))
        num = draw(st.sampled_from(["1", "1", "2", "7", "0"]))
        ppr.append(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
    mark = draw(st.sampled_from(["", "", "", "<w:vanish/>", f'<w:del w:id="5" {AUTHOR}/>',
                                 f'<w:ins w:id="6" {AUTHOR}/>', "<w:b/>"]))  # fmt: skip
    if mark:
        ppr.append(f"<w:rPr>{mark}</w:rPr>")
    body = draw(st.lists(inline(depth, notes=notes), max_size=4))
    pp = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{pp}{''.join(body)}</w:p>"


def plain(text: str, italic_lead: bool = False) -> str:
    """A paragraph of one run (an italic first word when `italic_lead`)."""
    if italic_lead and " " in text:
        lead, rest = text.split(" ", 1)
        return f"<w:p><w:r><w:rPr><w:i/></w:rPr>{t(lead)}</w:r><w:r>{t(' ' + rest)}</w:r></w:p>"
    return f"<w:p><w:r>{t(text)}</w:r></w:p>"


RESOLUTION = [
    plain("Chile and Peru: draft resolution"),
    plain("Crime prevention and criminal justice"),
    plain("The General Assembly,"),
    plain("Recalling its resolution 73/188,", True),
    plain("Noting the report of the Secretary-General,", True),
    plain("1. Urges States to act by 2030;"),
    plain("2. Requests the Secretary-General:"),
    plain("(a) To report;"),
    plain("3. Decides to remain seized of the matter."),
]


@st.composite
def body(draw: st.DrawFn) -> list[str]:
    """The body's blocks: some of a real resolution's paragraphs among random ones."""
    out = [p for p in RESOLUTION if draw(st.integers(0, 3))]
    for _ in range(draw(st.integers(0, 6))):
        block = draw(
            st.one_of(
                paragraph(),
                paragraph(),
                st.lists(paragraph(1), min_size=1, max_size=2).map(
                    lambda ps: f"<w:tbl><w:tr><w:tc>{''.join(ps)}</w:tc></w:tr></w:tbl>"
                ),
                paragraph(1).map(lambda p: f"<w:sdt><w:sdtContent>{p}</w:sdtContent></w:sdt>"),
            )
        )
        out.insert(draw(st.integers(0, len(out))), block)
    return out


FORMATS = ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet",
           "decimalZero", "ordinalText", "junk"]  # fmt: skip
STARTS = ["1", "1", "0", "-3", "27", "3999", "4000", "1000000000", "99999999999", "zz", ""]


@st.composite
def numbering(draw: st.DrawFn) -> str:
    out = []
    for aid in ("1", "2"):
        levels = []
        for ilvl in range(draw(st.integers(0, 3))):
            fmt = draw(st.sampled_from(FORMATS))
            start = draw(st.sampled_from(STARTS))
            text = draw(st.sampled_from(["%1.", f"(%{ilvl + 1})", "%1.%2.", "%9", "", "\u2022"]))
            levels.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val={quoteattr(start)}/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val={quoteattr(text)}/></w:lvl>'
            )
        out.append(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>')
    override = draw(st.sampled_from(["", "5", "99999999999", "x"]))
    restart = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val={quoteattr(override)}/></w:lvlOverride>'
        if override
        else ""
    )
    out.append('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    out.append(f'<w:num w:numId="2"><w:abstractNumId w:val="2"/>{restart}</w:num>')
    return f"<w:numbering {NAMESPACES}>{''.join(out)}</w:numbering>"


STYLES = (
    f"<w:styles {NAMESPACES}>"
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)


@st.composite
def footnotes(draw: st.DrawFn) -> str:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for fid in ("1", "2", "3"):
        ps = draw(st.lists(paragraph(1, notes=False), min_size=1, max_size=2))
        notes.append(f'<w:footnote w:id="{fid}">{"".join(ps)}</w:footnote>')
    return f"<w:footnotes {NAMESPACES}>{''.join(notes)}</w:footnotes>"


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{R_NS}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{R_NS}/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)


def package(paragraphs: list[str], numbering_xml: str, footnotes_xml: str) -> bytes:
    """The bytes of a .docx whose body holds `paragraphs` (body-level XML)."""
    document = f"<w:document {NAMESPACES}><w:body>{''.join(paragraphs)}</w:body></w:document>"
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/numbering.xml": numbering_xml,
        "word/footnotes.xml": footnotes_xml,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml.encode("utf-8"))
    return out.getvalue()


@st.composite
def word_file(draw: st.DrawFn) -> bytes:
    """A whole .docx: document, styles, numbering and footnotes parts."""
    return package(draw(body()), draw(numbering()), draw(footnotes()))


NO_NUMBERING = f"<w:numbering {NAMESPACES}/>"
ONE_NOTE = (
    f'<w:footnotes {NAMESPACES}><w:footnote w:id="1"><w:p><w:r><w:t>A/75/111.</w:t></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)
MARKS_ONLY = package(
    [
        plain("Requests the Secretary-General"),
        '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
        plain("to act;"),
    ],
    NO_NUMBERING,
    ONE_NOTE,
)
"""Found by a random seed (shrunk from two text boxes): a paragraph of a footnote
reference alone, then one in lower case. The lower-case paragraph continued the
mark-only one (read as `` to act;``, a leading blank); redline's .docx wrote it as
``to act;``, which then continued the paragraph before: rejecting gave one paragraph
where the source has two. A paragraph with no text is now continued by nothing."""
TITLE_LIKE_A_NUMBER = package(
    [
        '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>'
        "<w:r><w:t>(iv) The General Assembly,</w:t></w:r></w:p>",
        plain("3. Decides to remain seized of the matter."),
    ],
    NO_NUMBERING,
    ONE_NOTE,
)
"""Found by random seed 43: a heading whose text opens like a number, ``(iv) The General
Assembly,``, is a plain paragraph P1 of a text with no resolution structure; redline's
.docx wrote it as a plain paragraph, read back as the number (iv) before "The General
Assembly," and so a resolution (OP3). A heading is now written with an outline level."""


class Hang(BaseException):
    """Raised when an example's commands run longer than `SECONDS` (not an Exception,
    so neither redline nor click takes it for the command's own error)."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def hang(signum: int, frame: object) -> None:
        raise Hang(f"no answer in {seconds} s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def answered(result: Result, *args: str) -> None:
    """A document (exit 0 or 1) or one line of error (exit 2); never a traceback."""
    where = (args, result.exit_code, result.output[-2000:])
    assert result.exit_code in (0, 1, 2), where
    assert result.exception is None or isinstance(result.exception, SystemExit), where
    assert "Traceback" not in result.output and "internal error" not in result.output, where
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("redline: error: "), where
        assert result.stdout == "", where


@contextmanager
def folder(files: dict[str, bytes]) -> Iterator[Path]:
    """A temporary working folder holding `files`."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            (Path(tmp) / name).write_bytes(data)
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(here)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(word_file(), word_file())
def test_every_command_answers_a_random_docx(a: bytes, b: bytes) -> None:
    with folder({"a.docx": a, "b.docx": b}), time_limit(SECONDS):
        for args in (
            ("show", "a.docx"),
            ("show", "a.docx", "--format", "json", "--tracked", "reject"),
            ("sponsors", "a.docx", "--format", "json"),
            ("diff", "a.docx", "b.docx", "--color", "never"),
            ("diff", "a.docx", "b.docx", "-f", "json", "--tracked", "reject"),
            ("diff", "a.docx", "b.docx", "-o", "out.html"),
            ("check", "a.docx", "b.docx"),
            ("verify-tracked", "a.docx", "b.docx"),
        ):
            result = cli(*args)
            answered(result, *args)
            if args[:2] == ("show", "a.docx") and "json" in args and result.exit_code == 0:
                json.loads(result.stdout)


EXCEPTIONS_FILE = Path(__file__).parent / "corpus" / "fuzz_docx_exceptions.tsv"


EXCEPTIONS: dict[str, Callable[[Document], bool]] = {}
"""Predicates of the known failures listed, with their reasons, in `EXCEPTIONS_FILE`."""


def test_every_listed_exception_has_a_predicate() -> None:
    rows = [
        ln.split("\t")[0]
        for ln in EXCEPTIONS_FILE.read_text("utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    assert sorted(rows) == sorted(EXCEPTIONS)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(word_file(), word_file(), st.sampled_from(["accept", "reject"]))
@example(MARKS_ONLY, package([plain("1. Urges States;")], NO_NUMBERING, ONE_NOTE), "accept")
@example(TITLE_LIKE_A_NUMBER, package([], NO_NUMBERING, ONE_NOTE), "accept")
def test_redlines_own_docx_of_random_files_verifies(a: bytes, b: bytes, tracked: str) -> None:
    """diff a b -o out.docx, then verify-tracked out.docx a: no untracked change."""
    with folder({"a.docx": a, "b.docx": b}), time_limit(SECONDS):
        try:
            source = load("a.docx", tracked=tracked)
        except InputError:
            source = None
        assume(source is None or not any(known(source) for known in EXCEPTIONS.values()))
        made = cli("diff", "a.docx", "b.docx", "-o", "out.docx", "--tracked", tracked)
        answered(made, "diff")
        if made.exit_code != 0:
            return  # a one-line refusal (a report without #pick, say): nothing to verify
        result = cli("verify-tracked", "out.docx", "a.docx", "--tracked", tracked)
        assert result.exit_code == 0, result.output
        assert "untracked" not in result.stdout
        assert "all changes are tracked" in result.stdout, result.output
