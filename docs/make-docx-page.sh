#!/usr/bin/env bash
# Regenerate docs/docx-page.png: one page of the Word redline as LibreOffice prints it,
# tracked changes shown (insertions underlined, deletions struck through, in colour).
#
#   docs/make-docx-page.sh                   # A/RES/73/188 against draft resolution IV of A/75/479
#   docs/make-docx-page.sh OLD NEW           # any two texts
#   PAGE=1 docs/make-docx-page.sh            # another page (default: the last full page, where
#                                            # the moved OP21, the renumbering and OP25 are)
#
# Needs LibreOffice (Debian: libreoffice-writer-nogui) and poppler-utils. SOURCE_DATE_EPOCH
# fixes the date of the tracked changes.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-$(command -v python3)}"
redline="${REDLINE:-$(dirname "$python")/redline}"
[ -x "$redline" ] || redline=redline
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795824000}"  # 2026-11-28 00:00 UTC
old="${1:-examples/A_RES_73_188.txt}"
new="${2:-examples/A_75_479.md#IV}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$redline" diff "$old" "$new" --format docx -o "$work/redline.docx"
# a fresh LibreOffice profile, so a running LibreOffice (or another run) does not interfere
soffice --headless --norestore --nologo "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/redline.docx" >/dev/null 2>"$work/soffice.err" \
    && [ -s "$work/redline.pdf" ] \
    || { cat "$work/soffice.err" >&2; echo "LibreOffice wrote no PDF" >&2; exit 1; }
pages="$(pdfinfo "$work/redline.pdf" | awk '/^Pages:/ {print $2}')"
# the last page, or the one before when the last holds only a few lines
last_lines="$(pdftotext -f "$pages" -l "$pages" "$work/redline.pdf" - | grep -c . || true)"
default=$pages
[ "$pages" -gt 1 ] && [ "$last_lines" -lt 10 ] && default=$((pages - 1))
page="${PAGE:-$default}"
pdftoppm -r 90 -f "$page" -l "$page" -png -singlefile "$work/redline.pdf" "$work/page"
cp "$work/page.png" docs/docx-page.png
echo "wrote docs/docx-page.png (page $page of $pages)"
