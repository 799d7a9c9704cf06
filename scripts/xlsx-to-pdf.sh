#!/bin/sh
# Converts a reviewer's workbook (05_compliance-matrix.xlsx) to PDF with LibreOffice, to
# see it as it prints: A4 landscape, fitted to the page width, header row on every page.
# Optional: needs `soffice` (Debian: apt-get install libreoffice-calc-nogui); cargo test
# never runs it.
#
#   scripts/xlsx-to-pdf.sh FILE.xlsx [OUTDIR]     → OUTDIR/FILE.pdf (default: beside FILE)
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "使い方: $0 FILE.xlsx [出力先フォルダ]" >&2
    exit 2
fi
file=$1
outdir=${2:-$(dirname -- "$file")}
if ! command -v soffice >/dev/null 2>&1; then
    echo "エラー: soffice（LibreOffice）がありません。Debian では apt-get install libreoffice-calc-nogui で入ります" >&2
    exit 3
fi
if [ ! -f "$file" ]; then
    echo "エラー: $file がありません" >&2
    exit 2
fi
# A private profile: a LibreOffice already open for the user would otherwise take the job.
profile=$(mktemp -d)
trap 'rm -rf -- "$profile"' EXIT
pdf="$outdir/$(basename -- "${file%.*}").pdf"
rm -f -- "$pdf"
# soffice exits 0 even when it converted nothing: its messages are shown only then.
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$outdir" "$file" >"$profile/log" 2>&1 || true
if [ ! -f "$pdf" ]; then
    cat "$profile/log" >&2
    echo "エラー: $file を PDF に変換できませんでした" >&2
    exit 1
fi
echo "書き込みました: $pdf"
