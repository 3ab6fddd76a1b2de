// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import SyncClient
import SyncProtocol
import Testing

/// Client certificates (mTLS) for the hub connection, against a real TLS server on 127.0.0.1 that requires
/// one, with certificates made by the openssl command.
@Suite struct HubConnectionTLSTests {
    /// A CA, a server certificate for 127.0.0.1, a client certificate, and a second CA that signed nothing
    /// the server trusts.
    struct Certificates {
        let directory: String
        var ca: String { directory + "/ca.crt" }
        var serverCertificate: String { directory + "/server.crt" }
        var serverKey: String { directory + "/server.key" }
        var clientCertificate: String { directory + "/client.crt" }
        var clientKey: String { directory + "/client.key" }
        var otherCA: String { directory + "/other-ca.crt" }
        var strangerCertificate: String { directory + "/stranger.crt" }
        var strangerKey: String { directory + "/stranger.key" }

        static func make() async throws -> Certificates {
            let directory = try temporaryDirectory("mtls")
            let script = """
                set -e
                cd '\(directory)'
                key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
                ca() {
                  key "$1.key"
                  openssl req -x509 -new -key "$1.key" -out "$1.crt" -days 2 -subj "/CN=$2" \
                    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
                }
                leaf() {
                  key "$1.key"
                  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$3"
                  printf '%s\\n' "$4" > "$1.ext"
                  openssl x509 -req -in "$1.csr" -CA "$2.crt" -CAkey "$2.key" -CAcreateserial -out "$1.crt" \
                    -days 2 -extfile "$1.ext" 2>/dev/null
                }
                ca ca "Test Trust Device CA"
                ca other-ca "Someone Else's CA"
                leaf server ca 127.0.0.1 "subjectAltName=IP:127.0.0.1
                extendedKeyUsage=serverAuth"
                leaf client ca ward7-device "extendedKeyUsage=clientAuth"
                leaf stranger other-ca stranger "extendedKeyUsage=clientAuth"
                chmod 0600 client.key stranger.key server.key
                """
            let result = try await runProcess(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
            guard result.status == 0 else {
                Issue.record("openssl failed: \(result.stderr)")
                throw CancellationError()
            }
            return Certificates(directory: directory)
        }
    }

    /// Runs `body` with an HTTPS server on 127.0.0.1 that answers `/v1/health` and requires a client
    /// certificate signed by `clientCA`, presenting `certificate`.
    func withTLSServer<T: Sendable>(
        certificate: String,
        key: String,
        clientCA: String,
        _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        )
        tls.trustRoots = .file(clientCA)
        tls.certificateVerification = .noHostnameVerification
        let router = Router()
        router.get("/v1/health") { _, _ -> Response in
            let body = try SyncJSON.encoder().encode(HealthResponse(serverTime: Date()))
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
            )
        }
        var logger = Logger(label: "test.tls")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body("https://127.0.0.1:\(port)")
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    @Test func clientCertificateOpensTheConnectionAndItsAbsenceIsExplained() async throws {
        let certificates = try await Certificates.make()
        defer { try? FileManager.default.removeItem(atPath: certificates.directory) }
        try await withTLSServer(
            certificate: certificates.serverCertificate,
            key: certificates.serverKey,
            clientCA: certificates.ca
        ) { url in
            // With the device's certificate the request goes through.
            let device = try HubConnection(
                baseURL: url,
                caFile: certificates.ca,
                clientCertificate: certificates.clientCertificate,
                clientKey: certificates.clientKey,
                timeout: .seconds(10),
                connectTimeout: .seconds(3)
            )
            let health = try await device.health()
            await device.shutdown()
            #expect(health.status == "ok")
            #expect(abs(health.serverTime.timeIntervalSinceNow) < 30)

            // Without one the hub refuses it, and the error says why.
            let anonymous = try HubConnection(
                baseURL: url,
                caFile: certificates.ca,
                timeout: .seconds(10),
                connectTimeout: .seconds(3)
            )
            await #expect {
                try await anonymous.health()
            } throws: { error in
                guard let error = error as? SyncError, error.code == .transport else { return false }
                return error.description.contains("client certificate")
                    && error.description.contains("[sync] client_certificate")
            }
            await anonymous.shutdown()

            // A certificate from another CA is refused too.
            let stranger = try HubConnection(
                baseURL: url,
                caFile: certificates.ca,
                clientCertificate: certificates.strangerCertificate,
                clientKey: certificates.strangerKey,
                timeout: .seconds(10),
                connectTimeout: .seconds(3)
            )
            await #expect(throws: SyncError.self) { try await stranger.health() }
            await stranger.shutdown()
        }
    }

    @Test func untrustedServerCertificateIsRefused() async throws {
        let certificates = try await Certificates.make()
        defer { try? FileManager.default.removeItem(atPath: certificates.directory) }
        try await withTLSServer(
            certificate: certificates.serverCertificate,
            key: certificates.serverKey,
            clientCA: certificates.ca
        ) { url in
            // The device pins a CA that did not sign the server's certificate.
            let device = try HubConnection(
                baseURL: url,
                caFile: certificates.otherCA,
                clientCertificate: certificates.clientCertificate,
                clientKey: certificates.clientKey,
                timeout: .seconds(10),
                connectTimeout: .seconds(3)
            )
            await #expect {
                try await device.health()
            } throws: { error in
                guard let error = error as? SyncError, error.code == .transport else { return false }
                return error.description.contains("not signed by a trusted CA")
            }
            await device.shutdown()
        }
    }

    @Test func unusableKeyFilesAreNamedWithoutShowingThem() async throws {
        let certificates = try await Certificates.make()
        defer { try? FileManager.default.removeItem(atPath: certificates.directory) }
        // A key others can read is refused.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: certificates.clientKey)
        #expect {
            try HubConnection(
                baseURL: "https://127.0.0.1:1",
                clientCertificate: certificates.clientCertificate,
                clientKey: certificates.clientKey
            )
        } throws: { error in
            "\(error)".contains("the client key \(certificates.clientKey) can be read by every user")
        }
        // A certificate file that is not PEM is named.
        try write("not a certificate", to: certificates.directory + "/bad.crt")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: certificates.clientKey)
        #expect {
            try HubConnection(
                baseURL: "https://127.0.0.1:1",
                clientCertificate: certificates.directory + "/bad.crt",
                clientKey: certificates.clientKey
            )
        } throws: { error in
            "\(error)".contains("bad.crt is not a PEM certificate")
        }
        // A URL carrying a secret is refused.
        #expect(throws: SyncError.self) { try HubConnection(baseURL: "https://user:secret@127.0.0.1:1") }
    }
}
