#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# The full-system test: the careconnect package on Debian 12 with Debian's kernel and systemd, booted in QEMU, with
# a framebuffer (bochs-display: bochs-drm's fbdev emulation gives /dev/fb0), a touchscreen (virtio-multitouch,
# which udev marks ID_INPUT_TOUCHSCREEN=1) and, hot-plugged later, a USB serial adapter (FTDI, /dev/ttyUSB0 in the
# guest) wired to the modem simulator running on the host. It proves, through the packaged units alone:
#   1. the kiosk draws its first screen on the real fbdev, the same picture `careconnect kiosk --snapshot` renders;
#   2. taps injected through QMP (multitouch events) walk the survey and the answer is stored in the database;
#   3. the gateway opens the modem plugged in after boot, stores a text the simulator delivers and answers it
#      (the simulator sees the reply's AT+CMGS);
#   4. the system powers off cleanly, and the database read from the disk image afterwards holds both.
#
#   Scripts/system-test/run.sh [PATH.deb]        (default .build/deb/release/careconnect.deb)
#
# SYSTEM_TEST_DIR (default /var/tmp/careconnect-system-test) keeps the image, the console log (console.log), the
# screenshots and the database afterwards. SYSTEM_TEST_ACCEL=kvm uses KVM where it works (default tcg: software
# emulation). The host's careconnect (SYSTEM_TEST_HOST_BINARY, default the release or debug build) runs the
# simulator and renders the reference picture. Needs QEMU 8.1 or later (virtio-multitouch, QMP touch events).
# Prints PASS/FAIL per check and "N checks passed, N checks failed" last; exits 1 when any check failed.
set -euo pipefail

cd "$(dirname "$0")/../.."
repo=$(pwd)
deb=$(readlink -f "${1:-.build/deb/release/careconnect.deb}")
dir=${SYSTEM_TEST_DIR:-/var/tmp/careconnect-system-test}
accel=${SYSTEM_TEST_ACCEL:-tcg}
host_binary=${SYSTEM_TEST_HOST_BINARY:-}
if [ -z "$host_binary" ]; then
    for candidate in .build/release/careconnect .build/debug/careconnect; do
        [ -x "$candidate" ] && { host_binary=$repo/$candidate; break; }
    done
fi
[ -n "$host_binary" ] || { echo "system-test: no host careconnect build (swift build first)" >&2; exit 2; }
qmp() { python3 "$repo/Scripts/system-test/qmp.py" "$@"; }
started=$(date +%s)
step() { echo "system-test: [$(($(date +%s) - started)) s] $*"; }
passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
    step "done"
    echo "system-test: $passed checks passed, $failed checks failed"
    [ "$failed" -eq 0 ]
    exit
}

[ "$(id -u)" -eq 0 ] || { echo "system-test: needs root" >&2; exit 2; }
qemu-system-x86_64 -device help 2>/dev/null | grep -q virtio-multitouch-pci ||
    { echo "system-test: this QEMU has no virtio-multitouch-pci (QEMU 8.1 or later; make system-test installs it)" >&2; exit 2; }

Scripts/system-test/build-image.sh "$deb" "$dir"
image_built=$(date +%s)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
rm -rf "$dir/expected" "$dir/shots" "$dir/db" "$dir"/*.sock "$dir/console.log" "$dir/simulator.log"
mkdir -p "$dir/shots" "$dir/db"

# QEMU's display reports 200 x 120 mm in its EDID (100 dpi), which the kiosk lays out for: a 9.18" diagonal.
step "reference picture: careconnect kiosk --snapshot with the image's configuration (800x480, 200 x 120 mm)"
"$host_binary" kiosk --config "$dir/careconnect.toml" --snapshot "$dir/expected" --width 800 --height 480 \
    --diagonal 9.18269 --lang en >"$dir/snapshot.log" 2>&1 || { cat "$dir/snapshot.log"; exit 1; }

step "modem simulator on the host (quectel-ec25 profile), control socket $dir/simulator.sock"
"$host_binary" modem simulate --profile quectel-ec25 --link "$dir/modem" --control "$dir/simulator.sock" \
    --log "$dir/simulator.log" --quiet >"$dir/simulator.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$dir/simulator.sock" ] && [ -e "$dir/modem" ] && break; sleep 0.2; done
modem_tty=$(readlink -f "$dir/modem")
step "simulated modem on $modem_tty"

step "booting the image: qemu-system-x86_64 -accel $accel (kernel console: $dir/console.log)"
boot_started=$(date +%s)
qemu-system-x86_64 -accel "$accel" -m 1536 -smp 2 -vga none -display none -nic none -no-reboot \
    -kernel "$dir/vmlinuz" -initrd "$dir/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0,115200 net.ifnames=0" \
    -drive "file=$dir/disk.raw,format=raw,if=virtio" \
    -device bochs-display,xres=800,yres=480 \
    -device qemu-xhci,id=xhci -device virtio-multitouch-pci \
    -chardev "socket,id=console,path=$dir/console.sock,server=on,wait=off,logfile=$dir/console.log" \
    -serial chardev:console \
    -qmp "unix:$dir/qmp.sock,server=on,wait=off" >"$dir/qemu.log" 2>&1 &
qemu_pid=$!
pids+=("$qemu_pid")
for _ in $(seq 50); do [ -S "$dir/qmp.sock" ] && break; sleep 0.2; done

# 1. The kiosk's first screen on /dev/fb0.
shot=0
last_shot=""
screenshot() { # name; the colour summary goes to $dir/shots/summary.txt
    shot=$((shot + 1))
    last_shot="$dir/shots/$(printf %02d "$shot")-$1.png"
    qmp "$dir/qmp.sock" screendump "$last_shot" >"$dir/shots/summary.txt"
}
summary_value() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }
kiosk_up=""
deadline=$((boot_started + ${SYSTEM_TEST_BOOT_SECONDS:-600}))
while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$qemu_pid" 2>/dev/null || break
    sleep 5
    summary=$(qmp "$dir/qmp.sock" screendump "$dir/shots/boot.png" 2>/dev/null) || continue
    if python3 -c "import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if s['black'] < 0.2 and s['nhs_blue'] > 0.002 else 1)" "$summary"; then
        kiosk_up=$(($(date +%s) - boot_started))
        break
    fi
done
if [ -z "$kiosk_up" ]; then
    fail "the kiosk draws on /dev/fb0 within ${SYSTEM_TEST_BOOT_SECONDS:-600} s of power-on"
    tail -40 "$dir/console.log"
    finish
fi
pass "the kiosk draws on /dev/fb0, $kiosk_up s after power-on ($(grep -o 'Startup finished.*' "$dir/console.log" | head -1))"
sleep 3 # let the first frame settle
screenshot start
step "first screen: $(cat "$dir/shots/summary.txt")"
expected="$dir/expected/en-start.png"; [ -f "$expected" ] || expected=""
if [ -n "$expected" ]; then
    comparison=$(qmp compare "$last_shot" "$expected")
    difference=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('mean_difference', 999))" "$comparison")
    if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 2.0 else 1)" "$difference"; then
        pass "the screen on /dev/fb0 is the rendered start screen ($(basename "$expected"): $comparison)"
    else
        fail "the screen on /dev/fb0 is the rendered start screen ($(basename "$expected"): $comparison)"
    fi
else
    fail "a reference start screen was rendered (ls $dir/expected)"
fi

# 2. Taps through QMP: Very good, Next, Skip, at the targets' centres on the 800x480, 200 x 120 mm layout; each
# must change the screen.
tap_and_check() { # label x y: taps, then waits up to 15 s for the screen to change
    local before=$last_shot comparison changed=0
    qmp "$dir/qmp.sock" tap "$2" "$3" 800 480
    for _ in $(seq 15); do
        sleep 1
        qmp "$dir/qmp.sock" screendump "$dir/shots/probe.png" >/dev/null
        comparison=$(qmp compare "$before" "$dir/shots/probe.png")
        changed=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['pixels_differing'])" "$comparison")
        [ "$changed" -gt 100 ] && break
    done
    sleep 1 # the rest of the frame
    screenshot "$1"
    if [ "$changed" -gt 100 ]; then
        pass "tap on $1 at ($2, $3) changes the screen ($comparison)"
    else
        fail "tap on $1 at ($2, $3) changes the screen ($comparison)"
    fi
}
# shellcheck source=/dev/null
. "$repo/Scripts/system-test/taps.sh"
sleep 6 # the thank-you screen shows for 5 s
screenshot after-thank-you

# 3. The modem, plugged in now.
step "plugging the USB serial adapter in (QMP device_add usb-serial, wired to $modem_tty)"
qmp "$dir/qmp.sock" plug-serial modem "$modem_tty"
set_up=""
for _ in $(seq 120); do
    if grep -q 'AT+CNMI' "$dir/simulator.log" 2>/dev/null; then set_up=yes; break; fi
    sleep 1
done
if [ -n "$set_up" ]; then
    pass "the modem's device unit started careconnect-smsd, which set the modem up (AT+CNMI seen by the simulator)"
else
    fail "the modem's device unit started careconnect-smsd, which set the modem up (AT+CNMI seen by the simulator)"
    tail -20 "$dir/simulator.log" 2>/dev/null || true
fi
qmp control "$dir/simulator.sock" 'inject {"from":"+447700900123","text":"1"}'
replied=""
for _ in $(seq 120); do
    sent=$(qmp control "$dir/simulator.sock" sent 2>/dev/null | tail -1 | awk '{print $2}')
    if [ "${sent:-0}" -ge 1 ]; then replied=yes; break; fi
    sleep 1
done
if [ -n "$replied" ]; then
    pass "a text from +447700900123 is answered: the simulator took $sent part(s) by AT+CMGS"
else
    fail "a text from +447700900123 is answered (no AT+CMGS reached the simulator)"
fi
qmp control "$dir/simulator.sock" sent | head -3
sleep 5 # the delivery report follows the reply

step "unplugging the USB serial adapter (QMP device_del)"
qmp "$dir/qmp.sock" unplug modem
stopped=""
for _ in $(seq 60); do
    if grep -qE 'Stopped Care Connect SMS gateway|careconnect-smsd.service: Deactivated' "$dir/console.log"; then
        stopped=yes
        break
    fi
    sleep 1
done
if [ -n "$stopped" ]; then
    pass "unplugging the modem stops careconnect-smsd (nothing needs it once its device unit is gone)"
else
    fail "unplugging the modem stops careconnect-smsd (nothing needs it once its device unit is gone)"
fi

# 4. Power off, then read the database from the disk image.
# The image has no D-Bus, so logind does not run and the power button (QMP system_powerdown) does nothing.
step "powering off: systemctl poweroff on the serial console"
qmp console "$dir/console.sock" systemctl poweroff
for _ in $(seq 180); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$qemu_pid" 2>/dev/null; then
    fail "the guest powers off within 180 s"
    kill "$qemu_pid"
else
    pass "the guest powers off cleanly"
fi
for file in careconnect.sqlite careconnect.sqlite-wal careconnect.sqlite-shm; do
    debugfs -R "dump /var/lib/careconnect/$file $dir/db/$file" "$dir/disk.raw" >/dev/null 2>&1 || true
    [ -s "$dir/db/$file" ] || rm -f "$dir/db/$file"
done
query() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())" "$dir/db/careconnect.sqlite" "$1"; }
if [ -f "$dir/db/careconnect.sqlite" ]; then
    kiosk_rows=$(query "SELECT rating, language, ward FROM kiosk_response")
    inbound_rows=$(query "SELECT sender, text FROM inbound_message")
    outbound_rows=$(query "SELECT recipient, state FROM outbound_message")
    step "kiosk_response: $kiosk_rows; inbound_message: $inbound_rows; outbound_message: $outbound_rows"
    [[ "$kiosk_rows" == "[(1, 'en', "* ]] && pass "the database holds the kiosk answer Very good (rating 1, en)" ||
        fail "the database holds the kiosk answer Very good (rating 1, en): $kiosk_rows"
    [[ "$inbound_rows" == "[('+447700900123', '1')]" ]] && pass "the database holds the text, once" ||
        fail "the database holds the text, once: $inbound_rows"
    [[ "$outbound_rows" == "[('+447700900123', 'sent')]" || "$outbound_rows" == "[('+447700900123', 'delivered')]" ]] &&
        pass "the database holds the reply as sent" || fail "the database holds the reply as sent: $outbound_rows"
else
    fail "the database /var/lib/careconnect/careconnect.sqlite is on the disk image"
fi
step "image built in $((image_built - started)) s; boot to kiosk $kiosk_up s; console log $dir/console.log"
finish
