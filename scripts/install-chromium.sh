#!/usr/bin/env bash
# Installs Debian's Chromium and the Liberation fonts, the real browser the website tests drive through Playwright
# (tests/ClarityConnect.Website.Tests/WebsiteFixture.cs launches /usr/bin/chromium). A no-op when /usr/bin/chromium is
# already there. Needs root (CI and the developer machines run as root) and Debian's package registry. Playwright's own
# browser download is never used.
set -euo pipefail
source "$(dirname "$0")/lib/apt.sh"

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

apt_install install-chromium.sh chromium fonts-liberation
