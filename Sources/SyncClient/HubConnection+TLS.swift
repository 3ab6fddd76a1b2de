// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

extension HubConnection {
    /// The TLS settings for the hub: the pinned CA (or the system's roots) and the device's certificate.
    static func tlsConfiguration(
        caFile: String?,
        clientCertificate: String?,
        clientKey: String?
    ) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw SyncError(.configuration, "the CA file \(caFile) cannot be read")
            }
            tls.trustRoots = .file(caFile)
        }
        switch (clientCertificate, clientKey) {
        case (nil, nil):
            break
        case (let certificatePath?, let keyPath?):
            let chain = try DeviceCredentials.clientCertificateChain(path: certificatePath)
            let key = try DeviceCredentials.clientPrivateKey(path: keyPath)
            tls.certificateChain = chain.map { .certificate($0) }
            tls.privateKey = .privateKey(key)
        case (.some, nil):
            throw SyncError(.configuration, "a client certificate was given without its private key")
        case (nil, .some):
            throw SyncError(.configuration, "a client key was given without its certificate")
        }
        return tls
    }

    /// A transport failure in words an installer can act on; never includes a header or body.
    static func explain(_ error: any Error) -> String {
        if let error = error as? NIOSSLError {
            switch error {
            case .handshakeFailed(let inner):
                return "the TLS handshake with the hub failed (\(Self.reason(inner))); "
                    + "check [sync] ca_file, client_certificate and client_key"
            case .uncleanShutdown:
                return "the hub closed the TLS connection: it may require a client certificate "
                    + "([sync] client_certificate and client_key) or refuse this one"
            default:
                return "TLS failed: \(error)"
            }
        }
        if let error = error as? NIOSSLExtraError {
            return "TLS failed: \(error)"
        }
        if let error = error as? BoringSSLError {
            return "the hub refused the TLS connection (\(Self.reason(error))): it may require a client "
                + "certificate ([sync] client_certificate and client_key) or refuse this one"
        }
        return "\(error)"
    }

    private static func reason(_ error: BoringSSLError) -> String {
        let text = "\(error)"
        for (marker, words) in [
            ("CERTIFICATE_VERIFY_FAILED", "the hub's certificate is not signed by a trusted CA"),
            ("CERTIFICATE_REQUIRED", "the hub requires a client certificate"),
            ("UNKNOWN_CA", "the hub does not trust this device's certificate"),
            ("BAD_CERTIFICATE", "the hub refused this device's certificate"),
            ("CERTIFICATE_EXPIRED", "a certificate has expired"),
        ] where text.contains(marker) {
            return words
        }
        return text
    }
}
