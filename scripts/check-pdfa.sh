#!/usr/bin/env bash
# Optional PDF/A validation of written PDFs (not run by cargo test).
#
# Usage: scripts/check-pdfa.sh                 render both examples and bench.md with
#                                              --pdf-standard a-1b, then validate them all
#        scripts/check-pdfa.sh FILE.pdf... | DIR   validate these (DIR: its PDFs, attachments too)
#
# Validator: Apache PDFBox Preflight (PDF/A-1b), which Debian ships:
#   apt-get install libpdfbox2-java libactivation-java libjaxb-api-java   (and a Java runtime)
# Preflight knows PDF/A-1b only, hence the a-1b render. If `verapdf` is on PATH, it also
# checks each file against the part its XMP metadata declares (a-2b files included).
# A vendor's own PDF attachment is copied as submitted and need not be PDF/A.
set -uo pipefail
java_dir=${PDFBOX_JAVA_DIR:-/usr/share/java}
classpath=""
for jar in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
  if [ ! -f "$java_dir/$jar.jar" ]; then
    echo "$java_dir/$jar.jar is missing: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java" >&2
    exit 2
  fi
  classpath="$classpath${classpath:+:}$java_dir/$jar.jar"
done
command -v java >/dev/null || { echo "no java (Debian: apt-get install default-jre-headless)" >&2; exit 2; }

files=()
if [ $# -eq 0 ]; then
  repo=$(cd "$(dirname "$0")/.." && pwd)
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  (cd "$repo" && cargo build -q) || exit 2
  beppyo="$repo/target/debug/beppyo"
  for example in aomine kasumi; do
    "$beppyo" render "$repo/data/examples/$example/vendor.yaml" -o "$out" --pdf-standard a-1b >/dev/null || exit 1
  done
  "$beppyo" pdf "$repo/tests/fixtures/typeset/bench.md" -o "$out/bench.pdf" --pdf-standard a-1b >/dev/null || exit 1
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$out" -name '*.pdf' -print0 | sort -z)
else
  for arg in "$@"; do
    if [ -d "$arg" ]; then
      while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$arg" -name '*.pdf' -print0 | sort -z)
    else
      files+=("$arg")
    fi
  done
fi
[ ${#files[@]} -gt 0 ] || { echo "usage: $0 [FILE.pdf... | DIR]" >&2; exit 2; }

status=0
for pdf in "${files[@]}"; do
  echo "== $pdf"
  if grep -q --binary-files=text '<pdfaid:part>1</pdfaid:part>' "$pdf"; then
    # Preflight prints "... is a valid PDF/A-1b file" or the list of errors; exit code 0 either way.
    result=$(java -cp "$classpath" org.apache.pdfbox.preflight.Validator_A1b "$pdf" 2>&1)
    echo "$result"
    echo "$result" | grep -q "is a valid PDF/A-1b file" || status=1
  else
    echo "Preflight: skipped (not declared PDF/A-1: a vendor's own PDF, or written with a-2b or none)"
  fi
  if command -v verapdf >/dev/null; then
    if verapdf --format text "$pdf" | tee /dev/stderr | grep -q '^PASS'; then :; else status=1; fi
  fi
done
exit $status
