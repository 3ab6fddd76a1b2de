// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing

@Suite struct SyncSectionTests {
    @Test func syncSectionLoads() throws {
        let configuration = try DeviceConfiguration.parse(
            """
            [ward]
            name = "Ward 7"
            trust_ods = "rxx"
            site_code = "RXX01"

            [sync]
            hub = "https://hub.example.nhs.uk/"
            ca_file = "/etc/careconnect/hub-ca.pem"
            client_certificate = "/etc/careconnect/device.crt"
            client_key = "/etc/careconnect/device.key"
            target = "fhir-r4"
            fhir_url = "https://fhir.example.nhs.uk/R4"
            """
        )
        #expect(configuration.ward.trustODSCode == "RXX")
        #expect(configuration.ward.siteCode == "RXX01")
        #expect(configuration.sync.hub == "https://hub.example.nhs.uk")
        #expect(configuration.sync.caFile == "/etc/careconnect/hub-ca.pem")
        #expect(configuration.sync.clientCertificate == "/etc/careconnect/device.crt")
        #expect(configuration.sync.clientKey == "/etc/careconnect/device.key")
        #expect(configuration.sync.target == .fhirR4)
        #expect(configuration.sync.fhirURL == "https://fhir.example.nhs.uk/R4")
        #expect(configuration.sync.tokenPath(stateDirectory: "/var/lib/x") == "/var/lib/x/hub-token.json")
    }

    @Test func defaultsTargetTheHubWithNothingConfigured() throws {
        let configuration = try DeviceConfiguration.parse("")
        #expect(configuration.sync.target == .hub)
        #expect(configuration.sync.hub == nil)
        #expect(configuration.sync.clientCertificate == nil)
    }

    @Test func careConnectTargetLoads() throws {
        let configuration = try DeviceConfiguration.parse(
            """
            [sync]
            target = "careconnect-v0.1"
            careconnect_url = "https://api.example.nhs.uk/cc"
            careconnect_username = "ward7"
            careconnect_password_file = "/etc/careconnect/cc.password"
            """
        )
        #expect(configuration.sync.target == .careConnectV01)
        #expect(configuration.sync.careConnectURL == "https://api.example.nhs.uk/cc")
        #expect(configuration.sync.careConnectUsername == "ward7")
        #expect(configuration.sync.careConnectPasswordFile == "/etc/careconnect/cc.password")
    }

    @Test func plainHTTPIsAllowedOnlyOnLoopback() throws {
        let local = try DeviceConfiguration.parse("[sync]\nhub = \"http://127.0.0.1:8080\"\n")
        #expect(local.sync.hub == "http://127.0.0.1:8080")
        #expect(throws: ConfigurationError.self) {
            try DeviceConfiguration.parse("[sync]\nhub = \"http://hub.example.nhs.uk\"\n")
        }
    }

    @Test(arguments: [
        ("[sync]\nhub = \"hub.example.nhs.uk\"\n", "sync.hub: not a URL"),
        ("[sync]\nhub = \"ftp://hub.example.nhs.uk\"\n", "sync.hub: must start with https://"),
        ("[sync]\nhub = \"http://hub.example.nhs.uk\"\n", "sync.hub: must use https://"),
        ("[sync]\nhub = \"https://user:secret@hub.example.nhs.uk\"\n", "sync.hub: must not hold a user name"),
        ("[sync]\nhub = \"https://hub.example.nhs.uk/?token=x\"\n", "sync.hub: must not have a ?query"),
        ("[sync]\nhbu = \"https://hub.example.nhs.uk\"\n", "sync.hbu: unknown key; expected one of: hub,"),
        ("[sync]\nca_file = \"hub-ca.pem\"\n", "sync.ca_file: must be an absolute path"),
        ("[sync]\nclient_certificate = \"/etc/c.crt\"\n", "sync.client_key: missing"),
        ("[sync]\nclient_key = \"/etc/c.key\"\n", "sync.client_certificate: missing"),
        ("[sync]\ntarget = \"hl7\"\n", "sync.target: one of hub, careconnect-v0.1, fhir-r4; got 'hl7'"),
        ("[sync]\ntarget = \"fhir-r4\"\n", "sync.fhir_url: missing; target \"fhir-r4\" needs it"),
        ("[sync]\ntarget = \"careconnect-v0.1\"\n", "sync.careconnect_url: missing"),
        ("[sync]\nfhir_url = \"http://fhir.example.org\"\n", "sync.fhir_url: must use https://"),
        ("[sync]\nhub = 8080\n", "sync.hub: must be a string"),
        ("[ward]\nsite_code = \"RX-01\"\n", "ward.site_code: a site code has 3 to 8 letters/digits"),
        ("[sync]\nhub = \"https://hub.example.nhs.uk\"\n[sync]\n", "line "),
    ])
    func badSyncSectionsNameTheKey(text: String, message: String) {
        do {
            _ = try DeviceConfiguration.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func secretFilesReadableByEveryoneAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/device.crt"
        let key = directory + "/device.key"
        _ = FileManager.default.createFile(atPath: certificate, contents: Data("cert".utf8))
        _ = FileManager.default.createFile(atPath: key, contents: Data("key".utf8))
        var sync = DeviceConfiguration.Sync()
        sync.clientCertificate = certificate
        sync.clientKey = key

        // Given a key any user can read
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        // Then the check names the key and the fix
        do {
            try sync.checkFiles()
            Issue.record("a world-readable key was accepted")
        } catch {
            #expect("\(error)".contains("sync.client_key: \(key) can be read by every user (mode 644)"), "\(error)")
            #expect("\(error)".contains("chmod 0640"))
        }

        // Given the key's mode fixed, the files pass
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: key)
        try sync.checkFiles()

        // Given a missing CA file
        sync.caFile = directory + "/missing.pem"
        #expect(throws: ConfigurationError.self) { try sync.checkFiles() }
    }

    @Test func exampleFileDocumentsTheSyncSection() throws {
        let text = try String(contentsOfFile: DeviceConfigurationTests.example, encoding: .utf8)
        // Every commented-out [sync] key in the example is a real key: uncommented, the section still loads.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# ") && line.contains(" = ") && !line.hasPrefix("# sim_pin")
                ? String(line.dropFirst(2)) : String(line)
        }
        .joined(separator: "\n")
        let configuration = try DeviceConfiguration.parse(uncommented)
        #expect(configuration.sync.hub == "https://hub.example.nhs.uk")
        #expect(configuration.sync.clientKey == "/etc/careconnect/device.key")
        #expect(configuration.sync.target == .hub)
    }
}
