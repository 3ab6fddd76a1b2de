// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import Synchronization

/// The virtual terminal the kiosk draws over: switched to graphics mode while the kiosk runs, so the kernel shows no
/// cursor and no console messages, and back to text mode when it stops.
///
/// `start()` installs crash handlers before switching, so that a crash (SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE
/// or SIGTRAP, which Swift's runtime traps raise) puts the terminal back into text mode before the process dies.
/// SIGTERM and SIGINT are the service's graceful shutdown: call `restore()` on the way out. Both calls can be
/// repeated safely.
public final class VirtualTerminal: Sendable {
    /// The terminal device.
    public let path: String
    private let control: any ConsoleControl
    private let state = Mutex<Int32?>(nil)

    /// Uses the terminal at `path` through `control`.
    public init(path: String = VirtualTerminal.defaultPath(), control: any ConsoleControl = LinuxConsoleControl()) {
        self.path = path
        self.control = control
    }

    deinit {
        restore()
    }

    /// The terminal to use when none is configured: the one systemd gave the service (`XDG_VTNR`), else
    /// `/dev/tty0`, the current one.
    public static func defaultPath() -> String {
        let number = getenv("XDG_VTNR").map { String(cString: $0) }
        return path(forTerminalNumber: number)
    }

    /// `/dev/ttyN` for a terminal number such as `XDG_VTNR`'s, or `/dev/tty0` when it is missing or not a
    /// positive number.
    public static func path(forTerminalNumber number: String?) -> String {
        guard let number, let value = Int(number), value > 0 else { return "/dev/tty0" }
        return "/dev/tty\(value)"
    }

    /// Whether the terminal is in graphics mode because of `start()`.
    public var isGraphics: Bool { state.withLock { $0 != nil } }

    /// Opens the terminal, installs the crash handlers and switches to graphics mode. Does nothing if already
    /// started.
    public func start() throws {
        try state.withLock { descriptor in
            if descriptor != nil { return }
            let opened = try control.open(path: path)
            do {
                try control.installCrashRestore(descriptor: opened, path: path)
                try control.setMode(.graphics, descriptor: opened, path: path)
            } catch {
                control.removeCrashRestore()
                control.close(descriptor: opened)
                throw error
            }
            descriptor = opened
        }
    }

    /// Switches back to text mode, removes the crash handlers and closes the terminal. Does nothing if not
    /// started; never throws, since it runs on the way out.
    public func restore() {
        state.withLock { descriptor in
            guard let opened = descriptor else { return }
            try? control.setMode(.text, descriptor: opened, path: path)
            control.removeCrashRestore()
            control.close(descriptor: opened)
            descriptor = nil
        }
    }
}
