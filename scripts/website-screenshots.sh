#!/usr/bin/env bash
# Refreshes the screenshots in docs/images/ from the website's browser tests: installs Debian's Chromium if needed (root),
# runs tests/ClarityConnect.Website.Tests (every test saves its pages under $CLARITYCONNECT_TEST_RESULTS/website-screenshots),
# then copies the pages listed below into docs/images/website-<name>.png. A page added to the docs is added to PAGES.
# Usage: scripts/website-screenshots.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~AccessibilityTests]
set -euo pipefail
cd "$(dirname "$0")/.."

# The screenshot names (SitePages' page names, and the sign-in variants of LayoutTests and OidcSignInTests).
PAGES=(home signin-with-oidc system-configuration-authorized system-configuration-edit sessions session-details-driven exports nodes-dynamics-tried not-found)

scripts/install-chromium.sh
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
CLARITYCONNECT_TEST_RESULTS="$results" dotnet test tests/ClarityConnect.Website.Tests -c Release "$@"

mkdir -p docs/images
for name in "${PAGES[@]}"; do
  shot="$results/website-screenshots/$name.png"
  if [ ! -f "$shot" ]; then
    echo "website-screenshots.sh: no screenshot $name.png (did the test that takes it run?)" >&2
    exit 1
  fi
  cp "$shot" "docs/images/website-$name.png"
done
echo "Copied ${#PAGES[@]} screenshots into docs/images/."
