// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Where the modem's AT port is now.
public protocol ModemFinder: Sendable {
    /// Every serial port that could be a modem.
    func candidates() throws -> [ModemCandidate]

    /// Waits until serial ports may have changed (a modem plugged in or out), or `timeout` has passed.
    func waitForChange(upTo timeout: Duration) async throws
}

extension ModemFinder {
    /// The AT port to use, in order of preference: the configured path (usually the udev rule's stable
    /// symlink) if it exists; a port the udev rule marked; a known modem's AT interface. Nil when none is
    /// plugged in.
    public func locate(configuredPath: String?) throws -> ModemCandidate? {
        if let configuredPath, FileManager.default.fileExists(atPath: configuredPath) {
            let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: configuredPath)).map { target in
                target.hasPrefix("/")
                    ? target
                    : ((configuredPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                        target
                    )
            }
            let node = resolved.map { ($0 as NSString).standardizingPath } ?? configuredPath
            let known = try candidates().first { $0.devnode == node }
            var candidate = known ?? ModemCandidate(devnode: configuredPath)
            candidate.devnode = configuredPath
            return candidate
        }
        let all = try candidates()
        if let marked = all.first(where: \.markedByRule) {
            return marked
        }
        if let known = all.first(where: { KnownModem.matching($0) != nil }) {
            var candidate = known
            candidate.profile = candidate.profile ?? KnownModem.matching(known)?.profile
            return candidate
        }
        return nil
    }
}

/// A fixed list of candidates: the in-memory twin of ``UdevModemFinder`` for tests.
public struct StaticModemFinder: ModemFinder {
    public var list: [ModemCandidate]

    public init(_ list: [ModemCandidate]) {
        self.list = list
    }

    public func candidates() throws -> [ModemCandidate] { list }

    /// Sleeps for `timeout`: a fixed list never changes by itself.
    public func waitForChange(upTo timeout: Duration) async throws {
        try await Task.sleep(for: timeout)
    }
}
