"""The HTML page in a real browser: headless Chromium driven over the DevTools pipe.

No extra dependency: Chromium's ``--remote-debugging-pipe`` speaks the DevTools
protocol as NUL-separated JSON on file descriptors 3 (in) and 4 (out), which the
standard library can do. The test fails (never skips) when Chromium is missing
and ``CI`` is set; locally it skips with the reason.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from comparisons import ALL, hostile, realistic

from redline.render import RenderOptions
from redline.render.html import render as render_html
from redline.render.json import render as render_json

CHROMIUM = os.environ.get("REDLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT = 60.0  # seconds for the browser to start and load a small local page


@pytest.fixture(scope="module")
def chromium() -> str:
    if Path(CHROMIUM).exists() and shutil.which("bash"):
        return CHROMIUM
    reason = f"chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must install it")
    pytest.skip(reason)


class DevTools:
    """A browser with one page, spoken to over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The browser wants the pipe on fds 3 and 4; bash puts it there portably.
        script = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.proc = subprocess.Popen(
            [
                "bash",
                "-c",
                script,
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
            ],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def load(self, url: str) -> None:
        self.call("Page.navigate", session=True, url=url)
        deadline = time.monotonic() + TIMEOUT
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._receive(deadline))

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")  # undefined has no value

    def problems(self) -> list[str]:
        """Script errors, console errors and log errors (CSP refusals among them)."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                out.append(details.get("exception", {}).get("description") or details["text"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(json.dumps(params.get("args"))[:300])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append(params["entry"].get("text", "")[:300])
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    devtools = DevTools(chromium, tmp_path_factory.mktemp("chromium-profile"))
    yield devtools
    devtools.close()


# What the page holds once loaded, read in the browser's own DOM.
PROBE = """JSON.stringify({
  title: document.title,
  ins: document.querySelectorAll("ins").length,
  del: document.querySelectorAll("del").length,
  entries: [...document.querySelectorAll("[data-status]")].map(
      e => [e.dataset.status, e.dataset.group || null]),
  scripts: document.scripts.length,
  images: document.images.length,
  text: document.body.innerText,
  font: getComputedStyle(document.body).fontFamily,
  insLine: getComputedStyle(document.querySelector("ins") || document.body).textDecorationLine,
  delLine: getComputedStyle(document.querySelector("del") || document.body).textDecorationLine,
})"""


def _open(browser: DevTools, tmp_path: Path, html: str, name: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    browser.events.clear()
    browser.load(path.as_uri())
    page: dict[str, Any] = json.loads(browser.evaluate(PROBE))
    return page


def _expected(data: dict[str, Any]) -> tuple[Counter[str], dict[str, int]]:
    """``+``/``-`` segment counts and paragraph counts, from the JSON output."""
    ops: Counter[str] = Counter(op for op, _ in data["title"])
    seen = set()
    for p in data["paragraphs"]:
        ops.update(op for op, _ in p["diff"])
        for f in p["footnotes"]:
            if (f["old"], f["new"]) not in seen:
                seen.add((f["old"], f["new"]))
                ops.update(op for op, _ in f["diff"])
    return ops, data["summary"]


@pytest.mark.parametrize("layout", ["inline", "side-by-side"])
@pytest.mark.parametrize("name", ["realistic", "small", "identical"])
def test_page_matches_the_json(browser: DevTools, tmp_path: Path, name: str, layout: str) -> None:
    comparison = ALL[name]()
    options = RenderOptions(layout=layout, generated="2026-11-28 10:00 UTC")
    page = _open(browser, tmp_path, render_html(comparison, options), f"{name}.html")
    assert browser.problems() == []
    ops, summary = _expected(json.loads(render_json(comparison, options)))
    assert page["ins"] == ops["+"]
    assert page["del"] == ops["-"]
    counted: Counter[str] = Counter()
    for status, _ in {(s, g or str(i)) for i, (s, g) in enumerate(page["entries"])}:
        counted[status] += 1
    for status, n in summary.items():
        if not status.startswith("words"):
            assert counted[status] == n, status
    assert page["scripts"] == 0 and page["images"] == 0
    assert "Times New Roman" in page["font"]
    if page["ins"]:
        assert page["insLine"] == "underline" and page["delLine"] == "line-through"


def test_hostile_input_is_shown_and_never_runs(browser: DevTools, tmp_path: Path) -> None:
    html = render_html(hostile(), RenderOptions())
    page = _open(browser, tmp_path, html, "hostile.html")
    assert browser.problems() == []
    assert page["title"] != "pwned"
    assert page["title"].endswith(" · redline")
    assert page["scripts"] == 0 and page["images"] == 0
    text = page["text"]
    assert "<script>document.title='pwned'</script>" in text
    assert "<img src=x onerror=\"document.title='pwned'\">" in text
    assert "<script>alert(1)</script>" in text
    assert "{{ 7*7 }}" in text


def test_hide_unchanged_control_works_without_script(browser: DevTools, tmp_path: Path) -> None:
    _open(browser, tmp_path, render_html(realistic(), RenderOptions()), "toggle.html")
    visible_quiet = (
        "[...document.querySelectorAll('.quiet')].filter(e => e.offsetParent !== null).length"
    )
    assert browser.evaluate(visible_quiet) > 0
    browser.evaluate("document.querySelector('label[for=hide-quiet]').click()")
    assert browser.evaluate(visible_quiet) == 0
    changed = "[...document.querySelectorAll('.entry:not(.quiet)')]"
    assert browser.evaluate(changed + ".every(e => e.offsetParent !== null)")


def test_the_harness_would_notice(browser: DevTools, tmp_path: Path) -> None:
    """A page that does run script is caught: the checks above are not vacuous."""
    bad = (
        "<!DOCTYPE html><title>t</title><body><ins>x</ins>"
        "<script>document.title='pwned'; null.boom;</script>"
    )
    page = _open(browser, tmp_path, bad, "bad.html")
    assert page["title"] == "pwned"
    assert any("boom" in p for p in browser.problems())
