// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hub
import Hummingbird
import Logging
import Testing

/// A fresh directory under the system's temporary directory.
func temporaryDirectory(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `text` to `path`.
func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// The `careconnect` binary built beside the tests.
var careconnectBinary: URL {
    let directory = Bundle.main.bundleURL.deletingLastPathComponent()
    let candidates = [directory, Bundle.main.bundleURL].map { $0.appendingPathComponent("careconnect") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}

/// What a finished process printed.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` to the end, feeding `stdin`, without blocking a thread a server in this
/// process may need.
func runProcess(
    _ arguments: [String],
    executable: URL = careconnectBinary,
    stdin: String = "",
    environment: [String: String]? = nil
) async throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let directory = try temporaryDirectory("process")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: directory + "/err", contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/err"))
    let input = Pipe()
    process.standardInput = input
    let finished = AsyncStream<Void>.makeStream()
    process.terminationHandler = { _ in finished.continuation.finish() }
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    for await _ in finished.stream {}
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? ""
    )
}

/// A real hub on 127.0.0.1 (a free port) for the length of `body`.
func withHub<T: Sendable>(_ body: @Sendable (_ url: String, _ store: HubStore) async throws -> T) async throws -> T {
    let directory = try temporaryDirectory("hub")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try HubStore(path: directory + "/hub.sqlite")
    var logger = Logger(label: "test.hub")
    logger.logLevel = .warning
    let server = HubServer(store: store, configuration: HubConfiguration(), logger: logger)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let application = server.application(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        do {
            let result = try await body("http://127.0.0.1:\(port)", store)
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

/// A port on 127.0.0.1 that nothing listens on (bound, then closed).
func closedPort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            _ = bind(descriptor, pointer, length)
            return getsockname(descriptor, pointer, &length)
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A program running on a real pseudo-terminal, driven like a person at a keyboard: wait for a prompt, type.
final class TerminalSession: @unchecked Sendable {
    private let master: Int32
    private let process = Process()
    private var output: [UInt8] = []
    private var consumed = 0

    init(_ arguments: [String]) throws {
        // posix_openpt and friends are hidden in the Glibc module: /dev/ptmx and the TIOCSPTLCK and TIOCGPTN
        // ioctls do the same.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0,
            ioctl(master, UInt(0x8004_5430), &number) == 0
        else { throw CocoaError(.fileReadUnknown) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let slave = try FileHandle(forUpdating: URL(fileURLWithPath: "/dev/pts/\(number)"))
        process.executableURL = careconnectBinary
        process.arguments = arguments
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Everything the program printed so far.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Waits until the program prints `text` (after what earlier waits matched).
    func expect(_ text: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            drain()
            let unread = String(decoding: output[consumed...], as: UTF8.self)
            if let range = unread.range(of: text) {
                consumed += unread[..<range.upperBound].utf8.count
                return
            }
            guard ContinuousClock.now < deadline else {
                Issue.record("never saw \"\(text)\"; the screen showed:\n\(transcript)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Types a line and Enter.
    func type(_ line: String) {
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the program to end and returns its exit status.
    func wait(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            drain()
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(20))
        }
        drain()
        return process.terminationStatus
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            output += buffer[..<count]
        }
    }
}
