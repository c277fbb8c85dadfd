#!/usr/bin/env bash
# Installs Debian's Chromium and the Liberation fonts, the real browser the website tests drive through Playwright
# (tests/ClarityConnect.Website.Tests/BrowserFixture.cs launches /usr/bin/chromium). A no-op when /usr/bin/chromium is
# already there. Needs root (CI and the developer machines run as root) and Debian's package registry. Playwright's own
# browser download is never used.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium.sh: chromium is missing and installing it needs root: sudo $0" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent on a fresh image; refresh them only when the package is not known yet.
if ! apt-cache show chromium >/dev/null 2>&1; then
  apt-get update -qq
fi
if ! apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; then
  # Stale lists name package versions the mirror no longer has; one refresh and retry.
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
echo "install-chromium.sh: installed $(dpkg-query -W -f='${Package} ${Version}' chromium)"
