// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

extension DeviceConfiguration {
    /// `[sync]`: where `careconnect sync` sends the device's events, and how it proves who it is.
    ///
    /// Paths name PEM files; secrets are never written into this file or a URL. With a client certificate the
    /// device also proves itself in the TLS handshake (mTLS), for hubs or proxies that require it; the bearer
    /// token from enrolment is still sent to the hub.
    public struct Sync: Hashable, Sendable {
        /// Which upstream the device talks to.
        public struct Target: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
            public var rawValue: String

            public init(rawValue: String) {
                self.rawValue = rawValue
            }

            /// The reference hub (`careconnect hub`) or any server speaking the sync protocol.
            public static let hub = Target(rawValue: "hub")
            /// An NHS Care Connect API v0.1 endpoint.
            public static let careConnectV01 = Target(rawValue: "careconnect-v0.1")
            /// A FHIR R4 server.
            public static let fhirR4 = Target(rawValue: "fhir-r4")

            /// Every target the device knows.
            public static let all: [Target] = [.hub, .careConnectV01, .fhirR4]

            public var description: String { rawValue }
        }

        /// The hub's base URL (`https://…`; plain `http` only on loopback); nil when not configured.
        public var hub: String?
        /// Trust only these CA certificates (PEM) for the hub; nil for the system's roots.
        public var caFile: String?
        /// The device's client certificate chain (PEM), for mTLS; set together with ``clientKey``.
        public var clientCertificate: String?
        /// The client certificate's private key (PEM), readable by its owner (and group) only.
        public var clientKey: String?
        /// Where the enrolment token is kept; nil for `hub-token.json` in the state directory.
        public var tokenFile: String?
        /// Which upstream to send to.
        public var target = Target.hub
        /// The Care Connect API's base URL, for target `careconnect-v0.1`.
        public var careConnectURL: String?
        /// The Care Connect API's user name.
        public var careConnectUsername: String?
        /// A file holding the Care Connect API's password (mode 0600 or 0640).
        public var careConnectPasswordFile: String?
        /// The FHIR server's base URL, for target `fhir-r4`.
        public var fhirURL: String?

        public init() {}

        /// The token file to use for `stateDirectory`.
        public func tokenPath(stateDirectory: String) -> String {
            tokenFile ?? (stateDirectory as NSString).appendingPathComponent("hub-token.json")
        }
    }
}

extension DeviceConfiguration.Sync {
    /// Checks an upstream URL: `https` (or `http` to a loopback address), a host, and no user name, password,
    /// query or fragment (secrets never go in URLs).
    ///
    /// - Returns: the URL without a trailing slash.
    public static func validateURL(_ text: String, key: String) throws -> String {
        let example = "such as \"https://hub.example.nhs.uk\""
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ConfigurationError(key: key, line: nil, message: "not a URL: '\(text)'; give one \(example)")
        }
        guard scheme == "https" || scheme == "http" else {
            throw ConfigurationError(key: key, line: nil, message: "must start with https://, \(example)")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || loopback else {
            throw ConfigurationError(
                key: key,
                line: nil,
                message: "must use https:// (plain http only to 127.0.0.1 or localhost); got '\(text)'"
            )
        }
        guard components.user == nil, components.password == nil else {
            throw ConfigurationError(
                key: key,
                line: nil,
                message: "must not hold a user name or password; use the token, certificate or password file"
            )
        }
        guard components.query == nil, components.fragment == nil else {
            throw ConfigurationError(key: key, line: nil, message: "must not have a ?query or #fragment")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Checks the files the section names: each exists and is readable, and the private key and password file
    /// cannot be read by other users (mode 0600 or 0640).
    ///
    /// Not part of ``DeviceConfiguration/parse(_:)``, so a file can be written before the certificates arrive;
    /// `careconnect sync` and `careconnect doctor` call it.
    public func checkFiles() throws {
        let files: [(key: String, path: String?, secret: Bool)] = [
            ("sync.ca_file", caFile, false),
            ("sync.client_certificate", clientCertificate, false),
            ("sync.client_key", clientKey, true),
            ("sync.careconnect_password_file", careConnectPasswordFile, true),
        ]
        for file in files {
            guard let path = file.path else { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError(key: file.key, line: nil, message: "\(path) does not exist")
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ConfigurationError(
                    key: file.key,
                    line: nil,
                    message: "\(path) cannot be read by this user; give the careconnect group read access"
                )
            }
            guard file.secret else { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o007 != 0 {
                throw ConfigurationError(
                    key: file.key,
                    line: nil,
                    message:
                        "\(path) can be read by every user (mode \(String(mode, radix: 8))); run chmod 0640 \(path)"
                )
            }
        }
    }
}
