#!/usr/bin/env bash
# Installs the system packages EduApp needs on Debian/Ubuntu, only those that are missing:
# Qt's runtime libraries (the app and its offscreen tests), a C/C++ toolchain and cmake
# (llama-cpp-python compiles), poppler-utils (pdftoppm, to look at PDFs), xvfb (GUI
# screenshots), sqlite3 (its .recover, where the build has it, for `eduapp bank check
# --repair`). Elsewhere, or without root, it only says what it would need.
set -euo pipefail
pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
      libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
      libxcb-xinerama0 libxcb-randr0 libxcb-image0 libxcb-render-util0 libnss3
      build-essential cmake poppler-utils xvfb sqlite3)
command -v dpkg-query >/dev/null 2>&1 || { echo "setup-system: not a Debian system; install Qt 6 runtime libraries and a C++ compiler yourself"; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "setup-system: missing system packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
  exit 0
fi
echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
