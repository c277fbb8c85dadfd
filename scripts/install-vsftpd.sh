#!/usr/bin/env bash
# Installs Debian's vsftpd, the real FTP/FTPS server that the FTP tests start on loopback
# (tests/ClarityConnect.TestDoubles/Ftp/VsftpdServer.cs). A no-op when /usr/sbin/vsftpd is already there. Needs root
# (CI and the developer machines run as root) and Debian's package registry. It never leaves the system service
# running: the test fixture starts its own vsftpd with its own config file.
set -euo pipefail
source "$(dirname "$0")/lib/apt.sh"

if [ -x /usr/sbin/vsftpd ]; then
  exit 0
fi

apt_require_root install-vsftpd.sh vsftpd
# A policy-rc.d that exits 101 keeps the package's post-install step from starting the system vsftpd on port 21.
policy=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=yes
fi
cleanup() { if [ "$created_policy" = yes ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt_install install-vsftpd.sh vsftpd

# vsftpd refuses to start without its secure_chroot_dir (Debian's default /var/run/vsftpd/empty). The package creates
# it, but /var/run is a tmpfs on some machines; the fixture creates it too.
mkdir -p /var/run/vsftpd/empty
