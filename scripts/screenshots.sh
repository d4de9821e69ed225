#!/usr/bin/env bash
# Screenshots of every page, English and Chinese, under a virtual X server (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/screenshots}
if command -v Xvfb >/dev/null 2>&1; then
  Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  sleep 1
  DISPLAY=:97 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshot.py "$out"
else
  echo "Xvfb not found: rendering offscreen instead"
  QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py "$out"
fi
