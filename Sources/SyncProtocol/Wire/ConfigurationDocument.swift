// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A ward's hub-managed settings as one versioned document: the payload of a `config.update` command and the
/// answer to `GET /v1/config`.
///
/// `config` is the whole document, not a change: its tables and keys are the device configuration file's
/// (`{"ward": {"name": "Ward 7"}, "templates": {"en": {…}}}`), limited to the keys the hub may set, and a key it
/// leaves out falls back to the device's own file. `etag` is an HTTP entity tag with its quotes (`"\"v3\""`),
/// opaque to the device, which sends it back in `If-None-Match` and in its heartbeat.
public struct ConfigurationDocument: Codable, Sendable, Hashable {
    /// The document's version.
    public var etag: String
    /// The settings, a JSON object of tables.
    public var config: JSONValue

    public init(etag: String, config: JSONValue) {
        self.etag = etag
        self.config = config
    }

    /// The document read from a command's payload, or nil when `etag` is missing or `config` is not an object.
    public init?(_ value: JSONValue) {
        guard let etag = value["etag"]?.stringValue, !etag.isEmpty, let config = value["config"],
            case .object = config
        else { return nil }
        self.init(etag: etag, config: config)
    }

    /// The document as a command payload.
    public var json: JSONValue { .object(["etag": .string(etag), "config": config]) }

    /// The etag of a ward that has no hub-managed settings: an empty document.
    public static let emptyETag = "\"v0\""
}
