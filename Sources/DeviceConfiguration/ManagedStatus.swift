// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The hub-managed settings found beside a configuration file, as ``DeviceConfiguration/load(path:)`` merged
/// them (or could not).
public struct ManagedStatus: Hashable, Sendable {
    /// The overlay file.
    public var path: String
    /// The applied document's entity tag (`"\"v3\""`); nil when the overlay's header cannot be read.
    public var etag: String?
    /// The dotted keys in force from the overlay, sorted; empty when ``problem`` is set.
    public var keys: [String]
    /// Why the overlay is not in force (the file's own values all apply), or nil when it is.
    public var problem: String?

    public init(path: String, etag: String?, keys: [String], problem: String? = nil) {
        self.path = path
        self.etag = etag
        self.keys = keys
        self.problem = problem
    }

    /// One line for `careconnect status`: `version "v3" from the hub (5 keys)`, or what is wrong.
    public var summary: String {
        let version = etag.map { "version \($0) from the hub" } ?? "settings from the hub"
        if let problem { return "\(version) not applied: \(problem)" }
        return "\(version) (\(keys.count) key\(keys.count == 1 ? "" : "s"))"
    }
}
