#!/usr/bin/env bash
# Install the system packages imsaudit uses, when they are missing and apt-get can be used.
# pango: PDF reports (weasyprint); tesseract-ocr: OCR of scanned PDFs; poppler-utils: pdftoppm,
# used to look at rendered reports; chromium + chromium-driver: the HTML report's browser test
# (Selenium drives Debian's chromium; no browser download). Never fails: without them, OCR is
# skipped (documents get a warning) and the tests that need them are skipped; one line says
# what to install.
set -u
missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi 'dejavu' || missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  echo "installing system packages: ${missing[*]}" >&2
  if $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
     && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          "${missing[@]}" >/dev/null; then
    exit 0
  fi
  echo "warning: apt-get could not install: ${missing[*]}" >&2
  exit 0
fi
echo "note: install these system packages for OCR and PDF reports: ${missing[*]}" >&2
exit 0
