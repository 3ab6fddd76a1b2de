// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Testing

/// `careconnect demo`, the main job on built-in defaults, run whole through the real binary.
@Suite("careconnect demo", .timeLimit(.minutes(3)))
struct DemoCommandTests {
    @Test("The demo runs every part: texts answered, kiosk screenshots, the hub round trip, the codec")
    func demoRunsEveryPart() throws {
        // Given
        let output = NSTemporaryDirectory() + "careconnect-demo-\(UUID().uuidString)"
        // When
        let result = try PDUCommandTests().run(["demo", "--output", output])
        // Then
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        for part in 1...4 { #expect(text.contains("== Part \(part):"), "part \(part) ran") }
        #expect(text.contains("the hub holds"))
        #expect(text.contains("on the hub the reply is now: delivered"))
        #expect(text.contains("ward replies: \"Thank you for rating Ward 7 (Cardiology)."))
        #expect(text.contains("has settings \"v1\" (current)"))
        #expect(text.contains("the config.update command on the hub: delivered"))
        let shots = (try? FileManager.default.contentsOfDirectory(atPath: output + "/kiosk")) ?? []
        #expect(shots.contains { $0.hasSuffix(".png") })
        #expect(FileManager.default.fileExists(atPath: output + "/hub-ward-7.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/managed-settings.toml"))
        try? FileManager.default.removeItem(atPath: output)
    }
}
