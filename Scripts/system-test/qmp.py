#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
"""Drives the system test's QEMU through its QMP socket, and looks at its screen.

    qmp.py SOCKET screendump OUT.png            the guest's display, as PNG; prints a colour summary
    qmp.py SOCKET tap X Y WIDTH HEIGHT          one finger down and up at pixel (X, Y) of a WIDTH x HEIGHT screen
    qmp.py SOCKET plug-serial ID TTY            hot-plug a USB serial adapter (FTDI) wired to the host's TTY
    qmp.py SOCKET unplug ID                     unplug it again
    qmp.py SOCKET powerdown                     press the power button (ACPI)
    qmp.py SOCKET hmp COMMAND                   a human monitor command, e.g. "info usb"
    qmp.py compare A.png B.png                  mean absolute difference per channel of two same-size PNGs
    qmp.py console SOCKET COMMAND               log in as root on the serial console and type COMMAND
    qmp.py control SOCKET LINE                  one command to the modem simulator's control socket; prints
                                                the answer up to its "ok" or "error" line

Only the Python standard library: QMP is JSON lines on a Unix socket, PNG is zlib with per-row filters.
"""

import json
import os
import socket
import struct
import sys
import time
import zlib


class QMP:
    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""
        self.read_message()  # greeting
        self.command("qmp_capabilities")

    def read_message(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("QMP socket closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, **arguments):
        message = {"execute": name}
        if arguments:
            message["arguments"] = arguments
        self.sock.sendall(json.dumps(message).encode() + b"\n")
        while True:
            reply = self.read_message()
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise RuntimeError(f"{name}: {reply['error'].get('desc', reply['error'])}")
            # Asynchronous events (DEVICE_DELETED, POWERDOWN, ...) are skipped.


def read_ppm(path):
    with open(path, "rb") as handle:
        data = handle.read()
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    position += 1
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position : position + width * height * 3]


def write_png(path, width, height, rgb):
    rows = b"".join(b"\x00" + rgb[y * width * 3 : (y + 1) * width * 3] for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        handle.write(chunk(b"IDAT", zlib.compress(rows, 6)))
        handle.write(chunk(b"IEND", b""))


def read_png(path):
    """8-bit RGB or RGBA PNG, not interlaced, as (width, height, RGB bytes)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    position = 8
    idat = b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB(A) PNG is supported")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    out = bytearray()
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1 : position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + predictor) & 0xFF
        previous = line
        if channels == 4:
            for x in range(width):
                out += line[x * 4 : x * 4 + 3]
        else:
            out += line
    return width, height, bytes(out)


def summary(width, height, rgb):
    """Share of black pixels, share of NHS blue (#005EB8) pixels and the number of distinct colours."""
    pixels = width * height
    black = 0
    blue = 0
    colours = set()
    for i in range(0, len(rgb), 3):
        r, g, b = rgb[i], rgb[i + 1], rgb[i + 2]
        if r < 16 and g < 16 and b < 16:
            black += 1
        if abs(r - 0x00) < 24 and abs(g - 0x5E) < 24 and abs(b - 0xB8) < 24:
            blue += 1
        if len(colours) < 4096:
            colours.add((r, g, b))
    return {
        "width": width,
        "height": height,
        "black": round(black / pixels, 4),
        "nhs_blue": round(blue / pixels, 4),
        "colours": len(colours),
    }


def control(path, line):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(10)
    sock.connect(path)
    sock.sendall(line.encode() + b"\n")
    buffer = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buffer += chunk
        lines = buffer.decode(errors="replace").splitlines()
        if buffer.endswith(b"\n") and lines and (lines[-1].startswith("ok") or lines[-1].startswith("error")):
            break
    text = buffer.decode(errors="replace")
    print(text, end="")
    return 0 if text.splitlines() and text.splitlines()[-1].startswith("ok") else 1


def console(path, command, timeout=60.0):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(1)
    sock.connect(path)

    def read_until(markers, seconds):
        seen = ""
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                continue
            seen += chunk.decode(errors="replace")
            if any(marker in seen for marker in markers):
                return seen
        return seen

    sock.sendall(b"\r")
    seen = read_until(["login:", "# "], timeout)
    if "login:" in seen:
        sock.sendall(b"root\r")
        seen = read_until(["# "], timeout)
    if "# " not in seen:
        print("no shell prompt on the serial console", file=sys.stderr)
        return 1
    sock.sendall(command.encode() + b"\r")
    time.sleep(1)
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "compare":
        wa, ha, a = read_png(argv[2])
        wb, hb, b = read_png(argv[3])
        if (wa, ha) != (wb, hb):
            print(json.dumps({"error": f"sizes differ: {wa}x{ha} and {wb}x{hb}"}))
            return 1
        total = sum(abs(x - y) for x, y in zip(a, b))
        differing = sum(1 for i in range(0, len(a), 3) if a[i : i + 3] != b[i : i + 3])
        print(json.dumps({"mean_difference": round(total / len(a), 3), "pixels_differing": differing}))
        return 0
    if len(argv) >= 4 and argv[1] == "console":
        return console(argv[2], " ".join(argv[3:]))
    if len(argv) >= 4 and argv[1] == "control":
        return control(argv[2], argv[3])
    if len(argv) < 3:
        print(__doc__)
        return 2
    qmp = QMP(argv[1])
    action = argv[2]
    if action == "screendump":
        ppm = argv[3] + ".ppm"
        qmp.command("screendump", filename=ppm)
        width, height, rgb = read_ppm(ppm)
        os.remove(ppm)
        write_png(argv[3], width, height, rgb)
        print(json.dumps(summary(width, height, rgb)))
    elif action == "tap":
        x, y, width, height = (int(value) for value in argv[3:7])
        # QEMU's absolute axes run 0..32767 across the screen.
        ax = round(x * 32767 / (width - 1))
        ay = round(y * 32767 / (height - 1))
        tracking = int(time.time()) % 30000
        down = [
            {"type": "mtt", "data": {"type": "begin", "slot": 0, "tracking-id": tracking, "axis": "x", "value": ax}},
            {"type": "mtt", "data": {"type": "data", "slot": 0, "tracking-id": tracking, "axis": "x", "value": ax}},
            {"type": "mtt", "data": {"type": "data", "slot": 0, "tracking-id": tracking, "axis": "y", "value": ay}},
            {"type": "btn", "data": {"down": True, "button": "touch"}},
        ]
        up = [
            # QEMU passes the tracking id through as ABS_MT_TRACKING_ID: -1 ends the contact.
            {"type": "mtt", "data": {"type": "end", "slot": 0, "tracking-id": -1, "axis": "x", "value": ax}},
            {"type": "btn", "data": {"down": False, "button": "touch"}},
        ]
        qmp.command("input-send-event", events=down)
        time.sleep(0.08)
        qmp.command("input-send-event", events=up)
    elif action == "plug-serial":
        device_id, tty = argv[3], argv[4]
        qmp.command("chardev-add", id=device_id, backend={"type": "serial", "data": {"device": tty}})
        qmp.command("device_add", driver="usb-serial", id=device_id, chardev=device_id, bus="xhci.0")
    elif action == "unplug":
        qmp.command("device_del", id=argv[3])
    elif action == "powerdown":
        qmp.command("system_powerdown")
    elif action == "hmp":
        print(qmp.command("human-monitor-command", **{"command-line": " ".join(argv[3:])}))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
