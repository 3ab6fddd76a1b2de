// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What setting a ward's managed settings did: the document's new etag and the `config.update` commands made for
/// the ward's devices.
public struct HubConfigurationChange: Sendable, Hashable {
    /// The new document's entity tag, with its quotes (`"\"v3\""`).
    public var etag: String
    /// One `config.update` command per enrolled device of the ward, in enrolment order.
    public var commandIDs: [String]

    public init(etag: String, commandIDs: [String]) {
        self.etag = etag
        self.commandIDs = commandIDs
    }

    /// The entity tag of a ward's settings at `version`.
    static func etag(version: Int64) -> String {
        "\"v\(version)\""
    }
}
