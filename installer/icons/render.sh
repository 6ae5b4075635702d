#!/usr/bin/env bash
# Renders parley.svg into the icons the installers use. Run it after changing the SVG and commit
# the results: the installer build only reads the rendered files, so it needs none of these tools.
#   parley-{256,128,64,48}.png  Linux (jpackage --icon takes parley-256.png; the rest for themes)
#   parley.ico                  Windows (16, 32, 48, 64, 128, 256)
#   parley.icns                 macOS (16, 32, 48, 128, 256, 512, 1024)
# Debian packages: librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool not found (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" parley.svg --output "$tmp/parley-$size.png"
done
for size in 48 64 128 256; do
  cp "$tmp/parley-$size.png" "parley-$size.png"
done
icotool --create --output parley.ico "$tmp"/parley-{16,32,48,64,128}.png --raw="$tmp/parley-256.png"
png2icns parley.icns "$tmp"/parley-{16,32,48,128,256,512,1024}.png >/dev/null
ls -l parley-*.png parley.ico parley.icns
