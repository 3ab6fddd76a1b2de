// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import Hummingbird
import Logging
import SyncProtocol
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The committed document's text.
    static func document() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Documentation/hub-openapi.yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The property names of `components.schemas.<name>` (a schema whose properties are one per line).
    static func documentedProperties(of name: String) throws -> Set<String> {
        var properties: Set<String> = []
        var inSchema = false
        var inProperties = false
        for line in try document().split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if indent == 4 {
                inSchema = line == "    \(name):"
                inProperties = false
            } else if inSchema, indent == 6 {
                inProperties = line == "      properties:"
            } else if inSchema, inProperties, indent == 8, let colon = line.firstIndex(of: ":") {
                properties.insert(line[line.startIndex..<colon].trimmingCharacters(in: .whitespaces))
            }
        }
        return properties
    }

    /// The member names of a wire value encoded as the hub and devices encode it.
    static func encodedKeys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: try SyncJSON.encoder().encode(value))
        return Set((object as? [String: Any])?.keys.map { $0 } ?? [])
    }

    /// The `path method` pairs the committed document lists under `paths:`.
    static func documentedOperations() throws -> Set<String> {
        let text = try document()
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "patch", "delete", "head", "options"].contains(String(method)) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    @Test("Every documented operation is routed, and every route is documented")
    func documentMatchesRouter() throws {
        // Given
        let store = try HubStore(writer: DatabaseQueue())
        let router = HubServer(store: store, logger: Logger(label: "test")).router()
        // When
        let documented = try Self.documentedOperations()
        let routed = Set(router.routes.map { "\($0.method) \($0.path)" })
        // Then
        #expect(documented.count >= 6)
        #expect(documented == routed)
    }

    @Test("The ConfigurationDocument and DeviceHeartbeat schemas name every member of the wire types")
    func configurationSchemasMatchWireTypes() throws {
        // Given: each wire type with every optional member set, so each is encoded
        let document = ConfigurationDocument(etag: "\"v3\"", config: .object(["ward": .object([:])]))
        let heartbeat = DeviceHeartbeat(
            configETag: "\"v3\"",
            queueDepth: 2,
            oldestUnsentSeconds: 40,
            outgoingTexts: 1,
            signalBars: 4,
            appVersion: "1.0"
        )
        // When
        let documented = try Self.documentedProperties(of: "ConfigurationDocument")
        let heartbeatDocumented = try Self.documentedProperties(of: "DeviceHeartbeat")
        // Then
        #expect(documented == (try Self.encodedKeys(document)))
        #expect(heartbeatDocumented == (try Self.encodedKeys(heartbeat)))
        #expect(heartbeatDocumented.contains("queue_depth"), "the reading itself finds the schema")
    }
}
