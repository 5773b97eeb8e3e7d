#!/usr/bin/env bash
# Installs what the console's browser tests drive: Debian's Chromium, its chromedriver and a Japanese font (for legible
# Japanese screenshots). Does nothing when they are there. Used by .ci/run and, when missing, by the tests themselves.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
        && fc-list 2>/dev/null | grep -qi 'ipagothic\|noto sans cjk'; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-ipafont-gothic fontconfig
