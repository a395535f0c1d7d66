#!/usr/bin/env bash
# Makes the PDF fixtures in tests/fixtures/pdf/ from the text fixtures (tests/fixtures/*.txt).
# Run by hand; CI uses the committed files and never needs these tools:
#
#   apt-get install libreoffice-writer-nogui fonts-wqy-microhei qpdf poppler-utils chromium
#   (cd tests/browser && npm ci)        # playwright-core drives Chromium's printing
#   scripts/make-pdf-fixtures.sh
#
# See tests/fixtures/pdf/README.md for what each file is.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=tests/fixtures/pdf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

fixture() { ls tests/fixtures/"$1"_*.txt; }

# 1. LibreOffice: .txt → .docx → .pdf (each line a paragraph, blank lines kept; Liberation
#    Mono with WenQuanYi Micro Hei for Chinese; simple TrueType subset fonts with ToUnicode).
for n in 000 001 002 003; do
    cp "$(fixture $n)" "$WORK/lo-$n.txt"
done
(cd "$WORK" && soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to docx lo-*.txt >/dev/null)
(cd "$WORK" && soffice --headless --convert-to pdf lo-*.docx >/dev/null)
for n in 000 001 002 003; do cp "$WORK/lo-$n.pdf" "$OUT/lo-$n.pdf"; done

# 2. Chromium: an A4 HTML layout (centred title, 2-em first-line indents, justified 16 pt
#    WenQuanYi Micro Hei, page numbers in the footer, a running header in one), printed by
#    headless Chromium (Skia: Identity-H CID fonts with ToUnicode).
node scripts/pdf-fixtures.mjs "$OUT/chromium-000.pdf" "$(fixture 000)" total
node scripts/pdf-fixtures.mjs "$OUT/chromium-001.pdf" "$(fixture 001)" header
node scripts/pdf-fixtures.mjs "$OUT/chromium-002.pdf" "$(fixture 002)" dash
node scripts/pdf-fixtures.mjs "$OUT/chromium-003.pdf" "$(fixture 003)" total

# 2b. chromium-001.pdf without its ToUnicode map (as some virtual printers write): the text
#     must come from the embedded TrueType font's cmap.
qpdf --qdf --object-streams=disable "$OUT/chromium-001.pdf" "$WORK/qdf.pdf"
python3 -c "
import re, sys
d = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(re.sub(rb'/ToUnicode \d+ 0 R', b'', d))
" "$WORK/qdf.pdf" "$WORK/qdf-no-tounicode.pdf"
fix-qdf "$WORK/qdf-no-tounicode.pdf" > "$WORK/fixed.pdf"
qpdf --compress-streams=y --object-streams=generate "$WORK/fixed.pdf" "$OUT/chromium-001-no-tounicode.pdf"

# 3. A scan: the first two pages of chromium-001.pdf as 72-dpi grey JPEGs, wrapped in a PDF
#    that holds nothing but the images.
pdftoppm -jpeg -jpegopt quality=40 -r 72 -gray -f 1 -l 2 "$OUT/chromium-001.pdf" "$WORK/scan"
python3 - "$OUT/scan.pdf" "$WORK"/scan-*.jpg <<'PY'
import struct, sys
out, jpegs = sys.argv[1], sys.argv[2:]
def size(data):  # width and height from the JPEG's SOF marker
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack('>H', data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack('>HH', data[i + 5:i + 9])
            return w, h
        i += 2 + length
    raise ValueError('no SOF')
objs = []
def add(body):
    objs.append(body)
    return len(objs)
pages = []
catalog = add(None)
tree = add(None)
for j in jpegs:
    data = open(j, 'rb').read()
    w, h = size(data)
    img = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
              b'/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n' % (w, h, len(data))
              + data + b'\nendstream')
    content = b'q 595.92 0 0 842.88 0 0 cm /Im0 Do Q'
    c = add(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
    pages.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.92 842.88] '
                     b'/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>' % (tree, img, c)))
objs[catalog - 1] = b'<< /Type /Catalog /Pages %d 0 R >>' % tree
objs[tree - 1] = (b'<< /Type /Pages /Count %d /Kids [' % len(pages)
                  + b' '.join(b'%d 0 R' % p for p in pages) + b'] >>')
pdf = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b'%d 0 obj\n' % i + body + b'\nendobj\n'
xref = len(pdf)
pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
pdf += b''.join(b'%010d 00000 n \n' % o for o in offsets)
pdf += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, catalog, xref)
open(out, 'wb').write(pdf)
PY

# 4. Encrypted: AES-256 (R6) and RC4-128 with an empty user password (they open without
#    asking, as "a password to edit only" files do), and one that needs a password to open.
#    The small ones are the first eight paragraphs of fixture 001, printed by Chromium.
head -n 16 "$(fixture 001)" > "$WORK/short.txt"
node scripts/pdf-fixtures.mjs "$WORK/short.pdf" "$WORK/short.txt" dash
qpdf --encrypt "" owner-secret 256 -- "$OUT/lo-001.pdf" "$OUT/encrypted-aes256.pdf"
qpdf --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n -- "$WORK/short.pdf" "$OUT/encrypted-rc4.pdf"
qpdf --encrypt "user-secret" owner-secret 256 -- "$WORK/short.pdf" "$OUT/password.pdf"

# 5. Scans with an OCR text layer: scripts/make-ocr-fixture.sh (tesseract over 200-dpi
#    renderings, 20-dpi page images under the invisible text). 003 is in Traditional script.
scripts/make-ocr-fixture.sh 000 chi_sim
scripts/make-ocr-fixture.sh 001 chi_sim
scripts/make-ocr-fixture.sh 002 chi_sim
scripts/make-ocr-fixture.sh 003 chi_tra

ls -l "$OUT"
