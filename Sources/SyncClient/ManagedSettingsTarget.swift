// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import SyncProtocol
import Synchronization

/// Where the hub's managed settings go on this device: the overlay file next to the configuration file in
/// service, or ``InMemoryManagedSettings`` in tests.
public protocol ManagedSettingsTarget: Sendable {
    /// The etag of the settings in force, or nil when none were ever applied.
    func appliedETag() -> String?

    /// Checks the document against the device's own configuration and puts it in force. An error's description is
    /// the reason reported to the hub (it should name the key at fault).
    func apply(_ document: ConfigurationDocument) throws
}

/// Managed settings kept in memory, with an optional check that refuses some documents.
public final class InMemoryManagedSettings: ManagedSettingsTarget {
    /// A document refused by the check.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    private let state = Mutex<[ConfigurationDocument]>([])
    private let check: @Sendable (ConfigurationDocument) -> String?

    /// `check` returns a reason to refuse a document, or nil to accept it.
    public init(check: @escaping @Sendable (ConfigurationDocument) -> String? = { _ in nil }) {
        self.check = check
    }

    /// Every document applied, oldest first.
    public var applied: [ConfigurationDocument] { state.withLock { $0 } }

    public func appliedETag() -> String? { state.withLock { $0.last?.etag } }

    public func apply(_ document: ConfigurationDocument) throws {
        if let reason = check(document) { throw Refusal(reason) }
        state.withLock { $0.append(document) }
    }
}
