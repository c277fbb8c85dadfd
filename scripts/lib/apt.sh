#!/usr/bin/env bash
# Shared by the scripts that install a Debian package the tests need (install-chromium.sh, install-vsftpd.sh):
# source it, then call apt_install. Needs Debian's package registry; the caller checks first whether the program is
# already there, so a machine that has it needs neither root nor the network.

# apt_require_root SCRIPT PACKAGE: stops with a message naming the script and the package unless run as root.
apt_require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$1: $2 is missing and installing it needs root: sudo $0" >&2
    exit 1
  fi
}

# apt_install SCRIPT PACKAGE...: installs the packages without recommends, non-interactively, and reports the first
# one's version. The package lists may be absent on a fresh image (refreshed when the first package is not known) or
# stale (naming versions the mirror no longer has: one refresh and a retry).
apt_install() {
  local script=$1
  shift
  apt_require_root "$script" "$1"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show "$1" >/dev/null 2>&1; then
    apt-get update -qq
  fi
  if ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
  echo "$script: installed $(dpkg-query -W -f='${Package} ${Version}' "$1")"
}
