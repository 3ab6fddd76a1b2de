// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import Synchronization
import Testing

@testable import KioskLinux

/// A console that records the calls made to it.
final class RecordingConsole: ConsoleControl {
    private let log = Mutex<[String]>([])
    private let failGraphics: Bool

    init(failGraphics: Bool = false) {
        self.failGraphics = failGraphics
    }

    var calls: [String] { log.withLock { $0 } }

    func open(path: String) throws -> Int32 {
        log.withLock { $0.append("open \(path)") }
        return 42
    }

    func setMode(_ mode: ConsoleMode, descriptor: Int32, path: String) throws {
        log.withLock { $0.append("mode \(mode) on \(descriptor)") }
        if failGraphics && mode == .graphics {
            throw ConsoleError(code: .modeChangeFailed, device: path, message: "refused", systemError: EPERM)
        }
    }

    func installCrashRestore(descriptor: Int32, path: String) throws {
        log.withLock { $0.append("install crash restore for \(descriptor)") }
    }

    func removeCrashRestore() {
        log.withLock { $0.append("remove crash restore") }
    }

    func close(descriptor: Int32) {
        log.withLock { $0.append("close \(descriptor)") }
    }
}

@Suite("Virtual terminal")
struct VirtualTerminalTests {
    @Test("start installs the crash handlers before switching to graphics")
    func startOrder() throws {
        // Given
        let console = RecordingConsole()
        let terminal = VirtualTerminal(path: "/dev/tty2", control: console)

        // When
        try terminal.start()

        // Then
        #expect(console.calls == ["open /dev/tty2", "install crash restore for 42", "mode graphics on 42"])
        #expect(terminal.isGraphics)
    }

    @Test("restore goes back to text before removing the handlers and closing")
    func restoreOrder() throws {
        // Given
        let console = RecordingConsole()
        let terminal = VirtualTerminal(path: "/dev/tty2", control: console)
        try terminal.start()

        // When
        terminal.restore()

        // Then
        #expect(console.calls.dropFirst(3) == ["mode text on 42", "remove crash restore", "close 42"])
        #expect(!terminal.isGraphics)
    }

    @Test("start and restore can each be repeated")
    func idempotent() throws {
        // Given
        let console = RecordingConsole()
        let terminal = VirtualTerminal(path: "/dev/tty0", control: console)

        // When
        terminal.restore()
        try terminal.start()
        try terminal.start()
        terminal.restore()
        terminal.restore()

        // Then
        #expect(console.calls.count == 6)
        #expect(console.calls.filter { $0.hasPrefix("mode") } == ["mode graphics on 42", "mode text on 42"])
    }

    @Test("a refused switch to graphics leaves no handlers and no open terminal")
    func failedStart() {
        // Given
        let console = RecordingConsole(failGraphics: true)
        let terminal = VirtualTerminal(path: "/dev/tty1", control: console)

        // When
        let error = #expect(throws: ConsoleError.self) { try terminal.start() }

        // Then
        #expect(error?.code == .modeChangeFailed)
        #expect(console.calls.suffix(2) == ["remove crash restore", "close 42"])
        #expect(!terminal.isGraphics)
    }

    @Test("going away restores text mode")
    func restoresOnDeinit() throws {
        // Given
        let console = RecordingConsole()
        var terminal: VirtualTerminal? = VirtualTerminal(path: "/dev/tty1", control: console)
        try terminal?.start()

        // When
        terminal = nil

        // Then
        #expect(console.calls.last == "close 42")
        #expect(console.calls.contains("mode text on 42"))
    }

    @Test(
        "the terminal comes from XDG_VTNR when systemd gives one",
        arguments: [
            ("3", "/dev/tty3"), (nil, "/dev/tty0"), ("0", "/dev/tty0"), ("x", "/dev/tty0"),
        ]
    )
    func defaultPath(number: String?, expected: String) {
        #expect(VirtualTerminal.path(forTerminalNumber: number) == expected)
    }

    @Test("the real crash handlers replace and then give back the previous SIGSEGV and SIGABRT handlers")
    func crashHandlersInstallAndRemove() throws {
        // Given a descriptor that is not a console (the handler's ioctl would fail harmlessly)
        let descriptor = Glibc.open("/dev/null", O_RDWR)
        defer { Glibc.close(descriptor) }
        let control = LinuxConsoleControl()
        let before = [SIGSEGV, SIGABRT].map(currentHandler)

        // When
        try control.installCrashRestore(descriptor: descriptor, path: "/dev/null")
        let during = [SIGSEGV, SIGABRT].map(currentHandler)
        control.removeCrashRestore()
        let after = [SIGSEGV, SIGABRT].map(currentHandler)

        // Then
        #expect(during[0] != before[0])
        #expect(during[1] != before[1])
        #expect(after == before)
    }

    @Test("a crash runs the restore handler, which then hands the signal to the handler that was there before")
    func crashRunsRestoreThenPreviousHandler() throws {
        // Given a child process whose previous SIGSEGV handler exits with 42 if the restore handler ran first
        // When the child crashes
        let status = try crashChild(installRestore: true)

        // Then
        #expect(status == 42)
    }

    @Test("without the restore handler, a crash goes straight to the previous handler")
    func crashWithoutRestore() throws {
        #expect(try crashChild(installRestore: false) == 43)
    }

    /// Forks a child that sets a SIGSEGV handler reporting whether the restore handler ran (exit 42) or not (43),
    /// optionally installs the restore handlers over it, and raises SIGSEGV. Returns the child's exit status.
    private func crashChild(installRestore: Bool) throws -> Int32 {
        let descriptor = Glibc.open("/dev/null", O_RDWR)
        defer { Glibc.close(descriptor) }
        let control = LinuxConsoleControl()
        let previous: @convention(c) (Int32) -> Void = { _ in _exit(LinuxConsoleControl.crashRestoreHasRun ? 42 : 43) }
        let child = fork()
        if child == 0 {
            // Only async-signal-safe work between fork and exit.
            signal(SIGSEGV, previous)
            if installRestore {
                do { try control.installCrashRestore(descriptor: descriptor, path: "/dev/null") } catch { _exit(3) }
            }
            raise(SIGSEGV)
            _exit(4)
        }
        try #require(child > 0)
        var status: Int32 = 0
        var waited: pid_t = 0
        for _ in 0..<500 {
            waited = waitpid(child, &status, WNOHANG)
            if waited != 0 { break }
            usleep(10_000)
        }
        if waited == 0 {
            kill(child, SIGKILL)
            waitpid(child, &status, 0)
        }
        try #require(waited == child, "the child did not finish")
        try #require(status & 0x7F == 0, "the child died of signal \(status & 0x7F)")
        return (status >> 8) & 0xFF
    }

    private func currentHandler(_ signalNumber: Int32) -> UInt {
        var action = sigaction()
        _ = sigaction(signalNumber, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
    }
}
