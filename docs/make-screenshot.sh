#!/usr/bin/env bash
# Regenerate docs/screenshot.png: the HTML redline page as headless Chromium shows it.
#
#   docs/make-screenshot.sh                  # the hand-built comparison in tests/comparisons.py
#   docs/make-screenshot.sh OLD NEW          # any two texts, through `redline diff`
#
# Needs chromium (Debian: apt-get install chromium). SOURCE_DATE_EPOCH fixes the
# "generated" time on the page so the picture does not change from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-$(command -v python3)}"
[ -x /work/venv/bin/python ] && [ -z "${PYTHON:-}" ] && python=/work/venv/bin/python
chromium="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795824000}"  # 2026-11-28 00:00 UTC

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$#" -eq 2 ]; then
    redline="${REDLINE:-$(dirname "$python")/redline}"
    [ -x "$redline" ] || redline=redline
    "$redline" diff "$1" "$2" --format html -o "$work/page.html" \
        || [ -s "$work/page.html" ]  # exit 1 only says the texts differ
else
    "$python" - "$work/page.html" <<'PY'
import sys
from datetime import datetime, timezone
import os

sys.path.insert(0, "tests")
from comparisons import realistic
from redline.render import RenderOptions
from redline.render.html import render

when = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), timezone.utc)
options = RenderOptions(generated=when.strftime("%Y-%m-%d %H:%M UTC"))
open(sys.argv[1], "w", encoding="utf-8").write(render(realistic(), options))
PY
fi
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars \
    --screenshot="$PWD/docs/screenshot.png" --window-size=1200,1600 \
    "file://$work/page.html" 2>/dev/null
echo "wrote docs/screenshot.png"
