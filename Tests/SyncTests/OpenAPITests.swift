// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import GRDB
import Hub
import Hummingbird
import Logging
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The `path method` pairs the committed document lists under `paths:`.
    static func documentedOperations() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Documentation/hub-openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
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
}
