// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The two console modes the kiosk uses.
public enum ConsoleMode: Hashable, Sendable {
    /// `KD_TEXT`: the kernel draws the text console, cursor and messages.
    case text
    /// `KD_GRAPHICS`: the kernel leaves the screen alone; no cursor, no console messages.
    case graphics
}

/// The system calls a `VirtualTerminal` makes, so its logic can be checked without a console.
public protocol ConsoleControl: Sendable {
    /// Opens the terminal device and returns its descriptor.
    func open(path: String) throws -> Int32
    /// `KDSETMODE` on `descriptor`.
    func setMode(_ mode: ConsoleMode, descriptor: Int32, path: String) throws
    /// Installs the crash handlers that put `descriptor` back into text mode before the process dies.
    func installCrashRestore(descriptor: Int32, path: String) throws
    /// Removes the crash handlers, restoring the ones that were there before.
    func removeCrashRestore()
    /// Closes the descriptor.
    func close(descriptor: Int32)
}
