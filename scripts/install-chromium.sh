#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (a test tool's own browser download does not work offline); the report
# test reads the printed PDF with poppler-utils (pdfinfo, pdftotext, pdftoppm).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftotext ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
/usr/bin/chromium --version
/usr/bin/pdftotext -v 2>&1 | head -1
