// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import ModemTesting

extension Transcript {
    /// Loads a fixture of this test bundle by name, without the `.transcript` extension.
    init(named name: String) throws {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "transcript", subdirectory: "Fixtures")
        else {
            throw FormatError(lineNumber: 0, message: "no fixture named \(name)")
        }
        try self.init(name: name, text: String(contentsOf: url, encoding: .utf8))
    }

    /// The names of every fixture in the bundle.
    static func allNames() throws -> [String] {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return files.filter { $0.hasSuffix(".transcript") }.map { String($0.dropLast(".transcript".count)) }.sorted()
    }
}
