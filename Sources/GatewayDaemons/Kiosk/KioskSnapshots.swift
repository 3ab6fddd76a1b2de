// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import KioskRendering
public import KioskUI

/// PNG pictures of every kiosk screen, rendered exactly as the panel would show them.
public enum KioskSnapshots {
    /// One written picture.
    public struct Snapshot: Hashable, Sendable {
        public var name: String
        public var path: String
        /// Text that does not fit its box or lacks a font (empty when the screen is clean).
        public var fitIssues: [String]
    }

    /// Renders every screen of `KioskStateMachine.sampleStates` for `language` on `panel` and writes
    /// `<prefix><name>.png` into `directory`.
    public static func write(
        settings: KioskSettings,
        language: KioskLanguage,
        panel: PanelGeometry,
        directory: URL,
        prefix: String = "",
        measurer: PangoTextMeasurer = .shared
    ) throws -> [Snapshot] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let engine = KioskLayoutEngine(panel: panel, measurer: measurer)
        let image = RasterImage(size: panel.size)
        let renderer = try CairoRenderer(image: image, measurer: measurer)
        var written: [Snapshot] = []
        for (name, state) in KioskStateMachine.sampleStates(
            settings: settings,
            language: language,
            panel: panel,
            measurer: measurer
        ) {
            let list = engine.layout(state).drawList
            renderer.render(list, damage: nil)
            let path = directory.appendingPathComponent("\(prefix)\(name).png").path
            try PNGFile.write(image, to: path)
            let issues = measurer.fitIssues(in: list).map { issue in
                "\(issue.itemID): \(issue.hasMissingGlyphs ? "missing glyphs" : "does not fit") \"\(issue.text)\""
            }
            written.append(Snapshot(name: name, path: path, fitIssues: issues))
        }
        return written
    }
}
