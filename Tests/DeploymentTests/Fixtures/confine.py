#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
"""Run a command under the process confinement a systemd unit file asks for, without systemd.

    confine.py UNIT-FILE -- COMMAND [ARGUMENT...]

Reads the unit's SystemCallFilter= (groups expanded with `systemd-analyze syscall-filter`, `~` lines removing
calls), SystemCallErrorNumber=, RestrictAddressFamilies= and MemoryDenyWriteExecute=, then installs the same
restrictions on itself and executes COMMAND:

- a seccomp allow list for the native architecture: every other system call fails with the unit's errno;
- socket() only for the listed address families;
- MemoryDenyWriteExecute=yes as the kernel's own prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN): no memory that is
  both writable and executable, no mapping made executable later (Linux 6.3 and later);
- no new privileges.

This is how the tests show that the Swift binaries run with the confinement the units give them, on a machine
where systemd is not the init process. Needs python3-seccomp.
"""

import ctypes
import errno
import os
import socket
import subprocess
import sys

import seccomp

PR_SET_NO_NEW_PRIVS = 38
PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1


def unit_settings(path):
    """Every (key, value) in the [Service] section, in order."""
    section = ""
    settings = []
    with open(path, encoding="utf-8") as unit:
        for raw in unit:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                continue
            if section == "Service" and "=" in line:
                key, value = line.split("=", 1)
                settings.append((key.strip(), value.strip()))
    return settings


def syscall_groups():
    """{"@group": [member, ...]} from the installed systemd."""
    output = subprocess.run(
        ["systemd-analyze", "syscall-filter", "--no-pager"], check=True, capture_output=True, text=True
    ).stdout
    groups = {}
    current = None
    for raw in output.splitlines():
        if raw.startswith("@"):
            current = raw.strip()
            groups[current] = []
        elif current and raw.strip() and not raw.strip().startswith("#"):
            groups[current].append(raw.strip())
    return groups


def expand(names, groups, seen=None):
    seen = set() if seen is None else seen
    calls = set()
    for name in names:
        if name.startswith("@"):
            if name in seen:
                continue
            seen.add(name)
            if name not in groups:
                sys.exit(f"confine.py: unknown system call group {name}")
            calls |= expand(groups[name], groups, seen)
        else:
            calls.add(name)
    return calls


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    settings = unit_settings(sys.argv[1])
    command = sys.argv[3:]
    groups = syscall_groups()

    allowed = set()
    for key, value in settings:
        if key != "SystemCallFilter":
            continue
        if value.startswith("~"):
            allowed -= expand(value[1:].split(), groups)
        else:
            allowed |= expand(value.split(), groups)
    if not allowed:
        sys.exit("confine.py: the unit has no SystemCallFilter= allow list")
    error_name = dict(settings).get("SystemCallErrorNumber", "EPERM")
    error_number = getattr(errno, error_name)
    families = dict(settings).get("RestrictAddressFamilies", "").split()

    rules = seccomp.SyscallFilter(defaction=seccomp.ERRNO(error_number))
    unknown = []
    for call in sorted(allowed):
        if call == "socket" and families:
            continue
        try:
            rules.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError):
            unknown.append(call)  # not a system call on this architecture
    if families and "socket" in allowed:
        for family in families:
            rules.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, int(getattr(socket, family))))

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        sys.exit(f"confine.py: PR_SET_NO_NEW_PRIVS: {os.strerror(ctypes.get_errno())}")
    write_execute = dict(settings).get("MemoryDenyWriteExecute", "no")
    if write_execute == "yes" and libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
        # Older kernels (before 6.3) have no PR_SET_MDWE: say so rather than fail, the rest still applies.
        write_execute = f"yes but NOT ENFORCED (PR_SET_MDWE: {os.strerror(ctypes.get_errno())})"
    print(
        f"confine.py: {len(allowed) - len(unknown)} system calls allowed, others fail with {error_name}; "
        f"address families {' '.join(families) or 'any'}; "
        f"MemoryDenyWriteExecute={write_execute}",
        file=sys.stderr,
        flush=True,
    )
    rules.load()
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
