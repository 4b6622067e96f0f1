#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages a step needs are there.
# As root, installs what is missing with apt-get; otherwise names it in one message and fails.
#   scripts/system-packages.sh base|pdf|browser|messages|postgres
set -euo pipefail
group=${1:?usage: system-packages.sh base|pdf|browser|messages|postgres}
missing=()
case "$group" in
  base)
    python=${PYTHON:-python3}
    if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
      ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      missing+=("python${ver}-venv")
    fi
    ;;
  pdf)
    # WeasyPrint's runtime (Pango, HarfBuzz subsetting, a font) and poppler's pdftotext for checks.
    have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
    have_lib libpango-1.0.so.0 || missing+=(libpango-1.0-0)
    have_lib libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
    have_lib libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    ;;
  browser)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    ;;
  messages)
    command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
    ;;
  postgres)
    command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
    [ -d /usr/share/postgresql ] && ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1 \
      || missing+=(postgresql-contrib)
    ;;
  *) echo "unknown group: $group" >&2; exit 2 ;;
esac
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "COCADE needs these system packages: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get install ${missing[*]}   then run make again." >&2
exit 1
