#!/usr/bin/env bash
# Regenerate docs/screenshot.png: the HTML redline of a real command as headless Chromium
# shows it.
#
#   docs/make-screenshot.sh              # the README's picture: redline diff
#                                        #   examples/A_RES_73_188.txt "examples/A_75_479.md#IV"
#   docs/make-screenshot.sh OLD NEW      # any two texts, through `redline diff`
#
# The PNG gets an iTXt chunk "redline" saying what it shows: the command, the words
# inserted and deleted and the number of changes at a glance, as the page says them;
# tests/test_readme.py checks them against the README and against real output.
# Needs chromium (Debian: apt-get install chromium). SOURCE_DATE_EPOCH fixes the
# "generated" time on the page so the picture does not change from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-$(command -v python3)}"
[ -x .venv/bin/python ] && [ -z "${PYTHON:-}" ] && python=.venv/bin/python
chromium="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795824000}"  # 2026-11-28 00:00 UTC

if [ "$#" -eq 0 ]; then
    set -- examples/A_RES_73_188.txt "examples/A_75_479.md#IV"
elif [ "$#" -ne 2 ]; then
    echo "usage: docs/make-screenshot.sh [OLD NEW]" >&2
    exit 2
fi
out="$PWD/docs/screenshot.png"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m redline diff "$1" "$2" --format html -o "$work/page.html"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars \
    --screenshot="$work/page.png" --window-size=1200,1600 \
    "file://$work/page.html" 2>/dev/null
"$python" - "$work/page.html" "$work/page.png" "$out" "$1" "$2" <<'PY'
import re
import shlex
import struct
import sys
import zlib

page, png, out, old, new = sys.argv[1:]
html = open(page, encoding="utf-8").read()
words = re.search(
    r'<span class="words"><span class="ins-sample">(\+\d+)</span> '
    r'<span class="del-sample">(−\d+)</span> words?</span>',
    html,
)
assert words, "no word counts on the page"
items = len(re.findall(r'<li class="glance-', html))
text = (
    f"command=redline diff {shlex.join([old, new])} -o redline.html\n"
    f"words={words[1]} {words[2]}\nitems={items}\n"
)
data = open(png, "rb").read()
# iTXt (UTF-8; tEXt is Latin-1 and the page's minus sign is not): keyword, no compression
body = b"redline\0\0\0\0\0" + text.encode("utf-8")
chunk = struct.pack(">I", len(body)) + b"iTXt" + body
chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
end = data.rindex(b"IEND") - 4
open(out, "wb").write(data[:end] + chunk + data[end:])
print(f"wrote docs/screenshot.png: {text.replace(chr(10), '; ').rstrip('; ')}")
PY
