#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# Builds the careconnect Debian package from an already built binary (make deb does the build first).
#
#   Scripts/build-deb.sh [--build release|debug] [--binary PATH] [--output DIR]
#
# release (the default) packages .build/release/careconnect, linked with --static-swift-stdlib, so the package
# needs only Debian's libraries. debug packages .build/debug/careconnect for tests, with the Swift runtime
# libraries it links copied into /usr/lib/careconnect (its RUNPATH is set there with patchelf).
#
# The staged tree takes whatever the repository has at the time: systemd/*.service, *.timer, *.socket and *.path
# into /usr/lib/systemd/system, unit drop-in directories (systemd/<unit>.d/*.conf) beside them,
# systemd/sysusers.d and tmpfiles.d into /usr/lib/sysusers.d and /usr/lib/tmpfiles.d, other systemd drop-in
# directories (journald.conf.d, system.conf.d, ...) into /usr/lib/systemd, udev-rules/*.rules into
# /usr/lib/udev/rules.d, and Documentation/careconnect.example.toml as the conffile
# /etc/careconnect/careconnect.toml.
# Depends is computed by dpkg-shlibdeps from the binary's ELF dependencies, plus the packages the maintainer
# scripts, units and kiosk need. lintian runs when installed: errors fail the build, warnings are shown.
#
# Prints the path of the .deb on its last line.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
build=release
output=""
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
    --build) build=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    -h | --help) sed -n '5,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb: unknown argument $1 (expected --build release|debug, --output DIR)" >&2; exit 2 ;;
    esac
done
case "$build" in release | debug) ;; *) echo "build-deb: --build must be release or debug, got $build" >&2; exit 2 ;; esac

binary=${binary:-.build/$build/careconnect}
[ -x "$binary" ] || { echo "build-deb: $binary not found: run make deb BUILD=$build (it builds first)" >&2; exit 1; }
output=${output:-.build/deb/$build}
work=.build/deb/$build/work
root=$work/root
arch=$(dpkg --print-architecture)
base_version=$(sed -n 's/.*version: "\([0-9][0-9.]*\)".*/\1/p' Sources/CareConnectCommands/CareConnect.swift | head -1)
[ -n "$base_version" ] || { echo "build-deb: no version found in CareConnect.swift" >&2; exit 1; }
commits=$(git rev-list --count HEAD 2>/dev/null || echo 0)
version=${DEB_VERSION:-$base_version+git$commits}
maintainer=${DEB_MAINTAINER:-Care Connect maintainers <careconnect@example.org>}
started=$(date +%s)

step() { echo "build-deb: $*"; }

step "staging $binary ($build) as careconnect $version ($arch)"
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$output"
install -D -m 0755 "$binary" "$root/usr/bin/careconnect"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$root/usr/bin/careconnect"

# Swift runtime libraries a dynamically linked (debug) build needs: every library ldd resolves outside the
# system's library directories.
private_libs=()
while read -r lib; do
    case "$lib" in
    /lib/* | /usr/lib/* | /lib64/*) ;;
    *) private_libs+=("$lib") ;;
    esac
done < <(ldd "$binary" | awk '/=> \// { print $3 }')
if [ ${#private_libs[@]} -gt 0 ]; then
    if [ "$build" = release ]; then
        echo "build-deb: the release binary links libraries outside the system (${private_libs[*]});" \
            "build it with --static-swift-stdlib" >&2
        exit 1
    fi
    step "bundling ${#private_libs[@]} Swift runtime libraries into /usr/lib/careconnect"
    mkdir -p "$root/usr/lib/careconnect"
    for lib in "${private_libs[@]}"; do
        install -m 0644 "$lib" "$root/usr/lib/careconnect/"
        strip --strip-unneeded "$root/usr/lib/careconnect/$(basename "$lib")"
        patchelf --set-rpath /usr/lib/careconnect "$root/usr/lib/careconnect/$(basename "$lib")"
    done
    patchelf --set-rpath /usr/lib/careconnect "$root/usr/bin/careconnect"
fi

# Units and drop-ins.
enabled_units=()
other_units=()
shopt -s nullglob
for unit in systemd/*.service systemd/*.timer systemd/*.socket systemd/*.path; do
    install -D -m 0644 "$unit" "$root/usr/lib/systemd/system/$(basename "$unit")"
    name=$(basename "$unit")
    # Units with an [Install] section are enabled on a new device, except the reference hub, which belongs on a
    # server and is enabled by hand, and the SMS gateway, which its modem's device unit starts and stops.
    if grep -q '^\[Install\]' "$unit" && [ "$name" != careconnect-hub.service ] \
        && [ "$name" != careconnect-smsd.service ]; then
        enabled_units+=("$name")
    else
        other_units+=("$name")
    fi
done
for dir in systemd/*.d; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    case "$name" in
    *.service.d | *.timer.d | *.socket.d | *.path.d | *.slice.d | *.target.d) dest=usr/lib/systemd/system/$name ;;
    sysusers.d | tmpfiles.d) dest=usr/lib/$name ;;
    *) dest=usr/lib/systemd/$name ;; # journald.conf.d, system.conf.d, logind.conf.d, ...
    esac
    for conf in "$dir"/*.conf; do
        install -D -m 0644 "$conf" "$root/$dest/$(basename "$conf")"
    done
done
for conf in packaging/modules-load.d/*.conf; do
    install -D -m 0644 "$conf" "$root/usr/lib/modules-load.d/$(basename "$conf")"
done
for rules in udev-rules/*.rules; do
    install -D -m 0644 "$rules" "$root/usr/lib/udev/rules.d/$(basename "$rules")"
done
shopt -u nullglob
# The groups the units add their services to (SupplementaryGroups=): postinst makes sure each exists.
unit_groups=$(cat systemd/*.service 2>/dev/null | sed -n 's/^SupplementaryGroups=//p' | tr ' ' '\n' | sort -u | tr '\n' ' ')
unit_groups=${unit_groups% }
step "units: enabled ${enabled_units[*]:-(none)}; not enabled ${other_units[*]:-(none)}; groups used: ${unit_groups:-(none)}"
step "udev rules: $(cd udev-rules && ls ./*.rules 2>/dev/null | tr '\n' ' ' || true)"

# Configuration (a conffile: dpkg keeps the administrator's edits) and documentation.
# Shipped 0644 (the example holds no secret); postinst's dpkg-statoverride makes it 0640 root:careconnect, which
# dpkg then applies at every unpack, so a PIN added later is never world-readable.
install -D -m 0644 Documentation/careconnect.example.toml "$root/etc/careconnect/careconnect.toml"
doc=$root/usr/share/doc/careconnect
install -D -m 0644 README.md "$doc/README.md"
install -D -m 0644 Documentation/Architecture.md "$doc/Architecture.md"
for page in firmware-notes/*.md; do
    install -D -m 0644 "$page" "$doc/$page"
done
install -D -m 0644 Documentation/careconnect.example.toml "$doc/examples/careconnect.toml"
install -D -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/careconnect"
install -D -m 0644 packaging/careconnect.1 "$root/usr/share/man/man1/careconnect.1"
gzip -9n "$root/usr/share/man/man1/careconnect.1"
date_rfc=$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")
sed -e "s|@VERSION@|$version|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@DATE@|$date_rfc|" \
    packaging/debian/changelog.in >"$doc/changelog"
gzip -9n "$doc/changelog" # a native package: changelog.gz, not changelog.Debian.gz
for file in "$doc"/*.md; do
    [ "$(stat -c %s "$file")" -gt 4096 ] && gzip -9n "$file"
done

# copyright: Care Connect's own stanza, then every Swift package linked in, with its licence text.
{
    cat packaging/debian/copyright.in
    for checkout in .build/checkouts/*; do
        name=$(basename "$checkout")
        license=$(ls "$checkout"/LICENSE* "$checkout"/COPYING* 2>/dev/null | head -1 || true)
        [ -n "$license" ] || continue
        if grep -q "Permission is hereby granted" "$license"; then id=MIT; else id=Apache-2.0; fi
        echo
        echo "Files: swift-packages/$name/*"
        echo "Copyright: the $name authors (see below)"
        echo "License: $id"
        if [ "$id" = MIT ]; then
            sed -e 's/^[[:space:]]*$/./' -e 's/^/ /' "$license"
        fi
    done
    echo
    echo "License: Apache-2.0"
    echo " On Debian systems the full text of the Apache License, Version 2.0 is in"
    echo " /usr/share/common-licenses/Apache-2.0."
} >"$doc/copyright"
chmod 0644 "$doc/copyright"

# Maintainer scripts with the unit lists filled in.
for script in postinst prerm postrm; do
    sed -e "s|@ENABLED_UNITS@|${enabled_units[*]:-}|" -e "s|@OTHER_UNITS@|${other_units[*]:-}|" \
        -e "s|@UNIT_GROUPS@|$unit_groups|" \
        "packaging/debian/$script" >"$root/DEBIAN/$script"
    chmod 0755 "$root/DEBIAN/$script"
done
echo /etc/careconnect/careconnect.toml >"$root/DEBIAN/conffiles"

# Depends: the shared libraries' packages (with the versions their symbols need), then what the scripts and units
# use. fonts-noto-core is what the kiosk draws with.
shlib_dir=$work/shlibdeps
mkdir -p "$shlib_dir/debian"
printf 'Source: careconnect\n\nPackage: careconnect\nArchitecture: any\n' >"$shlib_dir/debian/control"
elf_files=("$repo/$root/usr/bin/careconnect")
for lib in "$root"/usr/lib/careconnect/*.so*; do [ -f "$lib" ] && elf_files+=("$repo/$lib"); done
shlibs=$(cd "$shlib_dir" && dpkg-shlibdeps -O -l"$repo/$root/usr/lib/careconnect" "${elf_files[@]}" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found no library dependencies" >&2; exit 1; }
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@SHLIBS@|$shlibs|" \
    packaging/debian/control.in >"$root/DEBIAN/control"

(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print0 | sort -z |
    xargs -0 md5sum | sed 's|  \./|  |') >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums" "$root/DEBIAN/conffiles"

deb=$output/careconnect_${version}_${arch}.deb
# A debug package is only for tests: quick compression. A release package: xz, as Debian's own.
compression=(-Zxz)
[ "$build" = debug ] && compression=(-Zgzip -z1)
step "Depends: $(sed -n 's/^Depends: //p' "$root/DEBIAN/control")"
dpkg-deb "${compression[@]}" --root-owner-group --build "$root" "$deb" >/dev/null
ln -sf "$(basename "$deb")" "$output/careconnect.deb"
step "built $deb: $(du -h "$deb" | cut -f1) packed, ${installed_size} KiB installed, in $(($(date +%s) - started)) s"

if command -v lintian >/dev/null; then
    step "lintian"
    # Tags that do not apply: a package built outside a Debian source tree, and (debug only) bundled libraries.
    suppress=no-copyright-file,source-is-missing
    [ "$build" = debug ] && suppress=$suppress,custom-library-search-path,package-name-doesnt-match-sonames,unstripped-binary-or-object,shared-library-lacks-prerequisites,package-must-activate-ldconfig-trigger,no-symbols-control-file,shared-library-lacks-version,embedded-library
    set +e
    lintian_out=$(lintian --suppress-tags "$suppress" "$deb" 2>&1 | grep -v 'running with root privileges' || true)
    set -e
    [ -n "$lintian_out" ] && echo "$lintian_out"
    if echo "$lintian_out" | grep -q '^E: '; then
        echo "build-deb: lintian reported errors" >&2
        exit 1
    fi
    step "lintian: $(echo "$lintian_out" | grep -c '^W: ' || true) warning(s), no errors"
else
    step "lintian not installed: skipped (make deb installs it)"
fi
echo "$deb"
