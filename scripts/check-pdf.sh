#!/usr/bin/env bash
# Optional checks of written PDFs with poppler and qpdf (not run by cargo test).
# Usage: scripts/check-pdf.sh FILE.pdf... | DIR
# Needs: qpdf, pdffonts, pdftotext (Debian: apt-get install qpdf poppler-utils).
set -uo pipefail
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then files+=("$arg"/*.pdf); else files+=("$arg"); fi
done
[ ${#files[@]} -gt 0 ] || { echo "usage: $0 FILE.pdf... | DIR" >&2; exit 2; }
status=0
for pdf in "${files[@]}"; do
  echo "== $pdf"
  if ! qpdf --check "$pdf" >/dev/null 2>&1; then echo "qpdf --check: FAILED"; status=1; else echo "qpdf --check: ok"; fi
  fonts=$(pdffonts "$pdf" | tail -n +3)
  echo "$fonts"
  if echo "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit bad }'; then
    echo "fonts: embedded, subset, ToUnicode"
  else
    echo "fonts: a font is not embedded, not subset or has no ToUnicode"; status=1
  fi
  md="${pdf%.pdf}.md"
  if [ -f "$md" ]; then
    extracted=$(pdftotext -raw "$pdf" - | tr -d ' \n\f\t' | LC_ALL=C.UTF-8 sed -E 's/^(.{0,80}).*/\1/')
    echo "pdftotext (first 80 characters, whitespace removed): $extracted"
  fi
done
exit $status
