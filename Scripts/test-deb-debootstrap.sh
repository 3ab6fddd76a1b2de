#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# Installs the careconnect package into a fresh minimal Debian 12 (debootstrap --variant=minbase) with apt, so its
# Depends are resolved from Debian, and checks what a ward device would get: files and modes, system users and
# groups, enabled units, the configuration's permissions, that careconnect runs as its user, that systemd accepts
# the units, and that reinstall, remove and purge behave (patient data kept, an administrator's choices kept).
#
#   Scripts/test-deb-debootstrap.sh [PATH.deb]      (default .build/deb/release/careconnect.deb)
#
# Needs root, debootstrap and the network to the Debian mirror. The debootstrapped root is cached as a tarball in
# $DEB_TEST_CACHE (default /var/cache/careconnect-deb-test, refreshed after 7 days) together with the packages
# apt downloads, so a second run takes about a minute. DEB_TEST_KEEP=1 keeps the root for a look afterwards.
# Prints PASS/FAIL per check and "N checks passed, N checks failed" last; exits 1 when any check failed.
set -euo pipefail

cd "$(dirname "$0")/.."
deb=$(readlink -f "${1:-.build/deb/release/careconnect.deb}")
mirror=${DEB_TEST_MIRROR:-http://deb.debian.org/debian}
cache=${DEB_TEST_CACHE:-/var/cache/careconnect-deb-test}
suite=bookworm
started=$(date +%s)

[ "$(id -u)" -eq 0 ] || { echo "deb-test: needs root (chroot, mounts)" >&2; exit 2; }
[ -f "$deb" ] || { echo "deb-test: $deb not found: make deb first" >&2; exit 2; }

passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { # description, command...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description"; fi
}
step() { echo "deb-test: [$(($(date +%s) - started)) s] $*"; }

tarball=$(Scripts/debootstrap-root.sh)

root=$(mktemp -d /var/tmp/careconnect-deb-test.XXXXXX)
mounts=()
cleanup() {
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
    if [ "${DEB_TEST_KEEP:-0}" = 1 ]; then echo "deb-test: root kept in $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT
step "unpacking the cached root into $root"
tar -C "$root" -xf "$tarball"
for fs in proc dev; do
    mount --bind "/$fs" "$root/$fs"
    mounts+=("$root/$fs")
done
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
mounts+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
echo "deb $mirror $suite main" >"$root/etc/apt/sources.list"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
apt_in_root() { in_root apt-get -o Dpkg::Use-Pty=0 -o APT::Keep-Downloaded-Packages=true -q -y "$@"; }

step "apt-get update"
apt_in_root update >"$root/apt.log" 2>&1 || { tail -20 "$root/apt.log"; exit 1; }
cp "$deb" "$root/tmp/careconnect.deb"
step "apt-get install ./$(basename "$deb") ($(du -h "$deb" | cut -f1)), resolving Depends from Debian"
if apt_in_root install --no-install-recommends /tmp/careconnect.deb >"$root/install.log" 2>&1; then
    pass "apt-get install resolves Depends and configures the package"
else
    tail -30 "$root/install.log"
    fail "apt-get install resolves Depends and configures the package"
    echo "deb-test: $passed checks passed, $failed checks failed"
    exit 1
fi
step "installed: $(grep -c '^Setting up' "$root/install.log") packages set up"

# What the package says about itself.
enabled_units=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | sed -n 's/^ENABLED_UNITS="\(.*\)"$/\1/p')
other_units=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | sed -n 's/^OTHER_UNITS="\(.*\)"$/\1/p')
unit_groups=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | sed -n 's/^UNIT_GROUPS="\(.*\)"$/\1/p')
step "units enabled by the package: ${enabled_units:-(none)}; shipped but not enabled: ${other_units:-(none)}"

mode_is() { # path expected "mode owner:group"
    [ -e "$root$1" ] || { echo "  $1 missing"; return 1; }
    local actual
    actual=$(in_root stat -c '%a %U:%G' "$1")
    [ "$actual" = "$2" ] || { echo "  $1 is $actual, expected $2"; return 1; }
}
check "/usr/bin/careconnect 755 root:root" mode_is /usr/bin/careconnect "755 root:root"
check "/etc/careconnect/careconnect.toml 640 root:careconnect (may hold the SIM PIN)" \
    mode_is /etc/careconnect/careconnect.toml "640 root:careconnect"
check "the configuration is a conffile" grep -qx /etc/careconnect/careconnect.toml "$root/var/lib/dpkg/info/careconnect.conffiles"
check "/var/lib/careconnect 700 careconnect:careconnect" mode_is /var/lib/careconnect "700 careconnect:careconnect"
check "/var/lib/careconnect-hub 700 careconnect-hub:careconnect-hub" \
    mode_is /var/lib/careconnect-hub "700 careconnect-hub:careconnect-hub"
check "copyright and changelog in /usr/share/doc/careconnect" \
    test -f "$root/usr/share/doc/careconnect/copyright" -a -f "$root/usr/share/doc/careconnect/changelog.gz"
for unit in $(dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -E '^\./usr/lib/systemd/system/[^/]+$'); do
    check "unit ${unit#./} 644 root:root" mode_is "${unit#.}" "644 root:root"
done
for rules in $(dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -E '^\./usr/lib/udev/rules\.d/[^/]+$'); do
    check "udev rules ${rules#./} 644 root:root" mode_is "${rules#.}" "644 root:root"
done
shopt -s nullglob
for unit in systemd/*.service systemd/*.timer; do
    check "the repository's $unit is in the package" test -f "$root/usr/lib/systemd/system/$(basename "$unit")"
done
for rules in udev-rules/*.rules; do
    check "the repository's $rules is in the package" test -f "$root/usr/lib/udev/rules.d/$(basename "$rules")"
done
shopt -u nullglob

user_ok() { # user home
    local entry uid shell home
    entry=$(in_root getent passwd "$1") || { echo "  no user $1"; return 1; }
    uid=$(echo "$entry" | cut -d: -f3)
    home=$(echo "$entry" | cut -d: -f6)
    shell=$(echo "$entry" | cut -d: -f7)
    [ "$uid" -lt 1000 ] && [ "$home" = "$2" ] && [ "$shell" = /usr/sbin/nologin ] ||
        { echo "  $entry"; return 1; }
}
check "every firmware note (deployment checklist, information governance, modems, displays) in the docs" \
    bash -c "cd firmware-notes && for page in *.md; do test -f '$root/usr/share/doc/careconnect/firmware-notes/'\$page || exit 1; done"
check "system user careconnect (uid < 1000, home /var/lib/careconnect, no login shell)" \
    user_ok careconnect /var/lib/careconnect
check "system user careconnect-hub" user_ok careconnect-hub /var/lib/careconnect-hub
for group in $unit_groups; do
    check "group $group exists (a unit's SupplementaryGroups=)" bash -c "chroot '$root' getent group '$group' >/dev/null"
done
for user in $(cat "$root"/usr/lib/systemd/system/careconnect*.service 2>/dev/null | sed -n 's/^User=//p' | sort -u); do
    check "user $user exists (a unit's User=)" bash -c "chroot '$root' getent passwd '$user' >/dev/null"
done
# The units add device groups per service; the user itself gets none, so a staff shell as careconnect cannot
# open the modem or the touchscreen.
check "careconnect belongs to its own group only" test "$(in_root id -nG careconnect)" = careconnect

is_enabled() { [ "$(in_root systemctl is-enabled "$1" 2>/dev/null)" = enabled ]; }
for unit in $enabled_units; do
    check "$unit enabled (wants symlink: $(cd "$root/etc/systemd/system" && ls -d ./*/"$unit" 2>/dev/null | head -1))" \
        is_enabled "$unit"
done
for unit in $other_units; do
    check "$unit shipped but not enabled" bash -c "! [ \"\$(chroot '$root' systemctl is-enabled $unit 2>/dev/null)\" = enabled ]"
done

runs_as_careconnect() { in_root runuser -u careconnect -- "$@" >"$root/run.log" 2>&1 || { sed 's/^/  /' "$root/run.log"; return 1; }; }
check "careconnect --help runs in the new system" bash -c "chroot '$root' careconnect --help | grep -q smsd"
check "careconnect --version is $(dpkg-deb -f "$deb" Version | sed 's/+.*//')" \
    bash -c "chroot '$root' careconnect --version | grep -qx '$(dpkg-deb -f "$deb" Version | sed 's/+.*//')'"
# The gateway as its unit runs it: user careconnect, the packaged configuration. Without a modem it opens the
# database and waits; SIGTERM (systemctl stop) must end it cleanly.
smsd_stops_cleanly() {
    in_root runuser -u careconnect -- sh -c \
        'careconnect smsd --config /etc/careconnect/careconnect.toml & p=$!; sleep 4; kill -TERM $p; wait $p' \
        >"$root/smsd.log" 2>&1 || { sed 's/^/  /' "$root/smsd.log"; return 1; }
}
check "careconnect smsd runs as careconnect with the packaged configuration and stops cleanly on SIGTERM" \
    smsd_stops_cleanly
check "the database is in /var/lib/careconnect, owned by careconnect" \
    bash -c "[ \"\$(chroot '$root' stat -c %U /var/lib/careconnect/careconnect.sqlite 2>/dev/null)\" = careconnect ]"
check "careconnect status as careconnect reads it" runs_as_careconnect careconnect status
check "careconnect kiosk --snapshot draws with the installed fonts" \
    runs_as_careconnect careconnect kiosk --snapshot /tmp/snapshot --width 800 --height 480 --diagonal 7 --lang en
check "the snapshot has PNG screens" bash -c "ls '$root'/tmp/snapshot/*.png >/dev/null 2>&1"
units_to_verify=$(cd "$root" && ls usr/lib/systemd/system/careconnect*.service 2>/dev/null | sed 's|^|/|' | tr '\n' ' ')
if [ -n "$units_to_verify" ]; then
    verify() {
        in_root systemd-analyze verify $units_to_verify >"$root/verify.log" 2>&1
        # Complaints about units of the base system (absent in a chroot) are not the package's.
        if grep -i careconnect "$root/verify.log"; then return 1; fi
    }
    check "systemd-analyze verify accepts the installed units" verify
fi

step "reinstall: an administrator's changes are kept"
echo "marker" >"$root/var/lib/careconnect/marker"
echo "# edited on the ward" >>"$root/etc/careconnect/careconnect.toml"
first_unit=$(echo $enabled_units | cut -d' ' -f1)
[ -n "$first_unit" ] && in_root systemctl disable "$first_unit" >/dev/null 2>&1
uid_before=$(in_root id -u careconnect)
if apt_in_root install --reinstall /tmp/careconnect.deb >"$root/reinstall.log" 2>&1; then
    pass "reinstall succeeds (maintainer scripts are idempotent)"
else
    tail -20 "$root/reinstall.log"
    fail "reinstall succeeds (maintainer scripts are idempotent)"
fi
check "reinstall keeps the careconnect user's uid" test "$(in_root id -u careconnect)" = "$uid_before"
check "reinstall keeps the edited configuration" grep -q "edited on the ward" "$root/etc/careconnect/careconnect.toml"
check "reinstall keeps the configuration 640 root:careconnect" \
    mode_is /etc/careconnect/careconnect.toml "640 root:careconnect"
check "reinstall keeps the data" test -f "$root/var/lib/careconnect/marker"
if [ -n "$first_unit" ]; then
    check "reinstall keeps $first_unit disabled after systemctl disable" bash -c "! [ \"\$(chroot '$root' systemctl is-enabled $first_unit 2>/dev/null)\" = enabled ]"
fi

step "apt-get remove"
apt_in_root remove careconnect >"$root/remove.log" 2>&1 && pass "apt-get remove succeeds" ||
    { tail -20 "$root/remove.log"; fail "apt-get remove succeeds"; }
check "remove deletes /usr/bin/careconnect" test ! -e "$root/usr/bin/careconnect"
check "remove keeps the configuration" test -f "$root/etc/careconnect/careconnect.toml"
check "remove keeps the data" test -f "$root/var/lib/careconnect/marker"
# As Debian does: the enablement links stay (an administrator's choice outlives a remove) and each unit is masked,
# so nothing starts from the configuration left behind; purge clears both.
for unit in $enabled_units $other_units; do
    check "remove masks $unit" test "$(readlink "$root/etc/systemd/system/$unit")" = /dev/null
done

step "apt-get purge"
apt_in_root purge careconnect >"$root/purge.log" 2>&1 && pass "apt-get purge succeeds" ||
    { tail -20 "$root/purge.log"; fail "apt-get purge succeeds"; }
check "purge deletes the configuration" test ! -e "$root/etc/careconnect/careconnect.toml"
check "purge removes the configuration's permission override" \
    bash -c "! chroot '$root' dpkg-statoverride --list /etc/careconnect/careconnect.toml >/dev/null"
check "purge leaves no careconnect links in /etc/systemd/system" \
    bash -c "! find '$root/etc/systemd/system' -name 'careconnect*' | grep -q ."
check "purge keeps the patient data in /var/lib/careconnect" test -f "$root/var/lib/careconnect/marker"
check "purge says where the data was kept" grep -q "kept /var/lib/careconnect" "$root/purge.log"
check "the package is gone from dpkg's database" bash -c "! chroot '$root' dpkg -s careconnect >/dev/null 2>&1"

step "done in $(($(date +%s) - started)) s"
echo "deb-test: $passed checks passed, $failed checks failed"
[ "$failed" -eq 0 ]
