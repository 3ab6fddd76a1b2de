// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CKioskLinux
import Glibc

/// The console ioctls on a real virtual terminal, with crash handlers written in C so that they do only
/// async-signal-safe work.
public struct LinuxConsoleControl: ConsoleControl {
    public init() {}

    public func open(path: String) throws -> Int32 {
        let descriptor = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ConsoleError(code: .cannotOpen, device: path, message: "cannot open the terminal", systemError: errno)
        }
        return descriptor
    }

    public func setMode(_ mode: ConsoleMode, descriptor: Int32, path: String) throws {
        let value = mode == .graphics ? KD_GRAPHICS : KD_TEXT
        guard ck_kd_set_mode(descriptor, value) == 0 else {
            throw ConsoleError(
                code: .modeChangeFailed,
                device: path,
                message: "cannot switch to \(mode) mode",
                systemError: errno
            )
        }
    }

    public func installCrashRestore(descriptor: Int32, path: String) throws {
        guard ck_crash_restore_install(descriptor, KD_TEXT) == 0 else {
            throw ConsoleError(
                code: .crashHandlerFailed,
                device: path,
                message: "cannot install the crash handlers",
                systemError: errno
            )
        }
    }

    public func removeCrashRestore() {
        ck_crash_restore_remove()
    }

    /// Whether a crash handler has run in this process; safe to read in another signal handler.
    static var crashRestoreHasRun: Bool { ck_crash_restore_has_run() != 0 }

    public func close(descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }
}
