#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# Makes sure a cached minimal Debian 12 root (debootstrap --variant=minbase bookworm) exists and prints the path of
# its tarball. Used by the package test and the system test, so debootstrap runs once a week at most.
#
#   Scripts/debootstrap-root.sh
#
# DEB_TEST_CACHE (default /var/cache/careconnect-deb-test) holds the tarball and the .deb files apt downloads
# (archives/), kept between runs; DEB_TEST_MIRROR (default http://deb.debian.org/debian) is the mirror.
set -euo pipefail

mirror=${DEB_TEST_MIRROR:-http://deb.debian.org/debian}
cache=${DEB_TEST_CACHE:-/var/cache/careconnect-deb-test}
suite=bookworm
tarball=$cache/$suite-minbase.tar

command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install debootstrap)" >&2; exit 2; }
mkdir -p "$cache/archives/partial"
if [ ! -f "$tarball" ] || [ -n "$(find "$tarball" -mtime +7)" ]; then
    echo "debootstrap --variant=minbase $suite from $mirror (cached in $tarball afterwards)" >&2
    started=$(date +%s)
    fresh=$(mktemp -d /var/tmp/careconnect-debootstrap.XXXXXX)
    if ! debootstrap --variant=minbase --cache-dir="$cache/archives" "$suite" "$fresh" "$mirror" \
        >"$cache/debootstrap.log" 2>&1; then
        tail -20 "$cache/debootstrap.log" >&2
        rm -rf "$fresh"
        echo "debootstrap failed (log: $cache/debootstrap.log)" >&2
        exit 1
    fi
    echo "deb $mirror $suite main" >"$fresh/etc/apt/sources.list"
    tar -C "$fresh" -cf "$tarball.new" .
    mv "$tarball.new" "$tarball"
    rm -rf "$fresh"
    echo "debootstrap took $(($(date +%s) - started)) s" >&2
fi
echo "$tarball"
