// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import NIOSSL

/// The device's name and bearer token, kept in a file readable by its owner only (mode 0600), never in the
/// database, a URL or a log.
public struct DeviceCredentials: Codable, Sendable, Hashable {
    /// The name the hub gave the device.
    public var deviceID: String
    /// The ward the device serves.
    public var ward: String
    /// The bearer token.
    public var token: String

    public init(deviceID: String, ward: String, token: String) {
        self.deviceID = deviceID
        self.ward = ward
        self.token = token
    }

    /// The usual place of the file under the state directory.
    public static func path(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent("hub-token.json")
    }

    /// Reads the file, refusing one that others can read.
    public static func load(path: String) throws -> DeviceCredentials {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw SyncError(
                .credentials,
                "\(path) can be read by others (mode \(String(mode, radix: 8))); it must be 0600"
            )
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            return try JSONDecoder().decode(DeviceCredentials.self, from: data)
        } catch {
            throw SyncError(.credentials, "\(path) is not a credentials file")
        }
    }

    /// Writes the file with mode 0600, replacing any earlier one atomically.
    ///
    /// Run as root (`sudo careconnect provision --enrol …`), the file is given to the owner of the directory it is
    /// in, so the sync service's own user (who owns the state directory) can read it.
    public func save(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        let temporary = path + ".new"
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        _ = FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
        var directoryStatus = stat()
        if geteuid() == 0, stat(directory.isEmpty ? "." : directory, &directoryStatus) == 0,
            directoryStatus.st_uid != 0, chown(temporary, directoryStatus.st_uid, directoryStatus.st_gid) != 0
        {
            throw SyncError(
                .credentials,
                "cannot give \(path) to the state directory's owner: \(String(cString: strerror(errno)))"
            )
        }
        guard rename(temporary, path) == 0 else {
            throw SyncError(.credentials, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case ward
        case token
    }
}

extension DeviceCredentials {
    /// The device's client certificate chain for mTLS, from a PEM file.
    ///
    /// - Throws: ``SyncError`` with code `configuration` naming the file.
    public static func clientCertificateChain(path: String) throws -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SyncError(.configuration, "the client certificate \(path) cannot be read")
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw SyncError(.configuration, "the client certificate \(path) is not a PEM certificate")
        }
        guard !chain.isEmpty else {
            throw SyncError(.configuration, "the client certificate \(path) holds no certificate")
        }
        return chain
    }

    /// The client certificate's private key, from a PEM file that other users cannot read (mode 0600 or 0640).
    ///
    /// - Throws: ``SyncError`` with code `configuration` naming the file; the key itself is never shown.
    public static func clientPrivateKey(path: String) throws -> NIOSSLPrivateKey {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SyncError(.configuration, "the client key \(path) cannot be read")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o007 != 0 {
            throw SyncError(
                .configuration,
                "the client key \(path) can be read by every user (mode \(String(mode, radix: 8))); "
                    + "run chmod 0640 \(path)"
            )
        }
        do {
            return try NIOSSLPrivateKey(file: path, format: .pem)
        } catch {
            throw SyncError(.configuration, "the client key \(path) is not an unencrypted PEM private key")
        }
    }
}
