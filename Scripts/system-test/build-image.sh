#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# Builds the system test's ward device: Debian 12 (debootstrap minbase) with Debian's kernel, systemd as init,
# udev and the careconnect package installed by apt, as a raw ext4 disk image plus the kernel and initramfs to
# boot it with.
#
#   Scripts/system-test/build-image.sh PATH.deb OUTDIR
#
# Writes OUTDIR/disk.raw, OUTDIR/vmlinuz and OUTDIR/initrd.img. What differs from a real device is listed in
# OUTDIR/root/etc/careconnect/SYSTEM-TEST (and below): the modem is an FTDI USB serial adapter at /dev/ttyUSB0
# (the udev rules match real modems' USB ids, which an FTDI adapter does not have), the panel's size is given in
# the configuration, and journald copies the services' logs to the serial console.
set -euo pipefail

cd "$(dirname "$0")/../.."
deb=$(readlink -f "$1")
out=$2
started=$(date +%s)
step() { echo "system-test: [$(($(date +%s) - started)) s] $*"; }

[ "$(id -u)" -eq 0 ] || { echo "build-image: needs root" >&2; exit 2; }
[ -f "$deb" ] || { echo "build-image: $deb not found" >&2; exit 2; }
cache=${DEB_TEST_CACHE:-/var/cache/careconnect-deb-test}
tarball=$(Scripts/debootstrap-root.sh)

mkdir -p "$out"
root=$out/root
mounts=()
cleanup() { for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
rm -rf "$root"
mkdir -p "$root"
step "unpacking the cached Debian root"
tar -C "$root" -xf "$tarball"
for fs in proc dev sys; do
    mount --bind "/$fs" "$root/$fs"
    mounts+=("$root/$fs")
done
# Its own download cache, so it can run while the package test holds apt's lock on the other.
mkdir -p "$cache/archives-system-test/partial"
mount --bind "$cache/archives-system-test" "$root/var/cache/apt/archives"
mounts+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "apt-get install linux-image-amd64 systemd-sysv udev and $(basename "$deb")"
cp "$deb" "$root/tmp/careconnect.deb"
in_root apt-get -q -o Dpkg::Use-Pty=0 update >"$out/apt.log" 2>&1
if ! in_root apt-get -q -y -o Dpkg::Use-Pty=0 -o APT::Keep-Downloaded-Packages=true install --no-install-recommends \
    linux-image-amd64 systemd-sysv udev kmod initramfs-tools /tmp/careconnect.deb >>"$out/apt.log" 2>&1; then
    tail -30 "$out/apt.log"
    exit 1
fi
rm "$root/tmp/careconnect.deb"

step "test-only settings"
echo ward-device >"$root/etc/hostname"
echo "/dev/vda / ext4 defaults 0 1" >"$root/etc/fstab"
in_root passwd -d root >/dev/null # a root shell on the serial console, for looking around when a run fails
mkdir -p "$root/etc/systemd/journald.conf.d"
cat >"$root/etc/systemd/journald.conf.d/zz-system-test.conf" <<'EOF'
[Journal]
ForwardToConsole=yes
TTYPath=/dev/ttyS0
MaxLevelConsole=info
EOF
config=$root/etc/careconnect/careconnect.toml
# QEMU's USB serial adapter (FTDI 0403:6001) stands in for a modem: it gets what the packaged rules give a real
# modem's AT port, so plugging it in starts careconnect-smsd through the port's device unit and unplugging it
# stops the gateway, as on a ward device.
cat >"$root/etc/udev/rules.d/90-system-test-modem.rules" <<'EOF'
# System test only: QEMU's FTDI USB serial adapter, wired to the host's modem simulator, is the ward's modem.
SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*", ATTRS{idVendor}=="0403", ATTRS{idProduct}=="6001", ENV{CARECONNECT_MODEM}="1", ENV{ID_MM_DEVICE_IGNORE}="1", SYMLINK+="careconnect-modem", GROUP="dialout", MODE="0660", TAG+="systemd", ENV{SYSTEMD_WANTS}+="careconnect-smsd.service"
EOF
# The kiosk unit has ConditionPathExistsGlob=/dev/fb*, checked once at boot; a framebuffer driver that udev loads
# as a module (bochs-drm here, vc4 on a Raspberry Pi) may register /dev/fb0 after that, and the kiosk is skipped.
# Unless the packaged rules already start the kiosk when a framebuffer appears, the image gets a rule that does.
kiosk_rule=""
if ! grep -qsE '^[^#]*SYSTEMD_WANTS.*careconnect-kiosk' "$root"/usr/lib/udev/rules.d/*careconnect*.rules; then
    kiosk_rule=yes
    cat >"$root/etc/udev/rules.d/90-system-test-kiosk.rules" <<'EOF'
# System test only: start the kiosk when the framebuffer appears (the packaged rules do not yet).
SUBSYSTEM=="graphics", KERNEL=="fb0", ACTION=="add", TAG+="systemd", ENV{SYSTEMD_WANTS}+="careconnect-kiosk.service"
EOF
fi
cat >"$root/etc/careconnect/SYSTEM-TEST" <<'EOF'
This image was built by Scripts/system-test/build-image.sh. Differences from a ward device:
- /etc/udev/rules.d/90-system-test-modem.rules: the "modem" is QEMU's FTDI USB serial adapter wired to the
  host's modem simulator. The packaged udev rules match real modems' USB ids, so this rule gives the adapter what
  they give a modem's AT port (/dev/careconnect-modem, a systemd device that wants careconnect-smsd).
- journald copies every service's log to the serial console (/etc/systemd/journald.conf.d/zz-system-test.conf).
- root has no password, for a shell on the serial console.
EOF
if [ -n "$kiosk_rule" ]; then
    cat >>"$root/etc/careconnect/SYSTEM-TEST" <<'EOF'
- /etc/udev/rules.d/90-system-test-kiosk.rules starts careconnect-kiosk.service when /dev/fb0 appears: the
  framebuffer driver is a module that udev loads after the kiosk's start condition was checked at boot.
EOF
fi
cp "$config" "$out/careconnect.toml"

cp -L "$root/vmlinuz" "$out/vmlinuz"
cp -L "$root/initrd.img" "$out/initrd.img"
cleanup
mounts=()
step "mkfs.ext4 -d: raw disk image"
rm -f "$out/disk.raw"
size_mb=$(($(du -sm "$root" | cut -f1) + 1024))
mkfs.ext4 -q -F -L ward-device -d "$root" "$out/disk.raw" "${size_mb}M"
step "image ready: $out/disk.raw (${size_mb} MiB, $(du -h "$out/disk.raw" | cut -f1) used), kernel $(ls "$root"/boot/vmlinuz-* | sed 's|.*/vmlinuz-||')"
