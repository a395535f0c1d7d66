#!/usr/bin/env bash
# Makes tests/fixtures/pdf/ocr-ID.pdf from tests/fixtures/pdf/chromium-ID.pdf the way scanning
# offices publish scans: pages rendered at 200 dpi and recognised by tesseract (invisible text,
# `3 Tr`, GlyphLessFont, one text object per word), then each page's image put under its text
# layer (20-dpi renderings: the text layer is what is read, the full-resolution images would
# make the files 3-5 MB). Run by hand; CI uses the committed files.
#
#   apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra poppler-utils
#   pip install pymupdf
#   scripts/make-ocr-fixture.sh ID LANG      # e.g. 001 chi_sim, 003 chi_tra
set -euo pipefail
cd "$(dirname "$0")/.."
id=$1
lang=$2
OUT=tests/fixtures/pdf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pdftoppm -r 200 -png -gray "$OUT/chromium-$id.pdf" "$WORK/ocr-p"
ls "$WORK"/ocr-p-*.png | sort -V >"$WORK/ocr-list.txt"
tesseract "$WORK/ocr-list.txt" "$WORK/ocr-text" -l "$lang" -c textonly_pdf=1 pdf
pdftoppm -r 20 -jpeg -jpegopt quality=30 -gray "$OUT/chromium-$id.pdf" "$WORK/ocr-s"
python3 - "$WORK/ocr-text.pdf" "$WORK/ocr-s" "$OUT/ocr-$id.pdf" <<'PY'
import glob, sys
import pymupdf
src, prefix, out = sys.argv[1:4]
doc = pymupdf.open(src)
images = sorted(glob.glob(prefix + '-*.jpg'), key=lambda p: int(p.rsplit('-', 1)[1].split('.')[0]))
assert len(images) == doc.page_count
for page, image in zip(doc, images):
    page.insert_image(page.rect, filename=image, overlay=False)
doc.save(out, garbage=3, deflate=True)
PY
ls -l "$OUT/ocr-$id.pdf"
