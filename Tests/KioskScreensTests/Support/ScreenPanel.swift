// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

/// A panel the kiosk ships on, in one orientation, with a short name for test output and file names.
struct ScreenPanel: Hashable, Sendable, CustomTestStringConvertible {
    /// For example `7in-800x480`.
    let name: String
    let geometry: PanelGeometry

    var testDescription: String { name }

    /// A panel of `size` pixels with a diagonal of `inches`.
    init(inches: Double, size: PixelSize) {
        let inchesName = inches == inches.rounded() ? String(Int(inches)) : String(inches)
        name = "\(inchesName)in-\(size.width)x\(size.height)"
        geometry = .diagonal(inches: inches, size: size)
    }

    /// The 7-inch 800×480 panel in landscape.
    static let sevenInchLandscape = ScreenPanel(inches: 7, size: PixelSize(width: 800, height: 480))
    /// The 7-inch panel turned to portrait (480×800).
    static let sevenInchPortrait = ScreenPanel(inches: 7, size: PixelSize(width: 480, height: 800))
    /// The 10.1-inch 1280×800 panel in landscape.
    static let tenInchLandscape = ScreenPanel(inches: 10.1, size: PixelSize(width: 1280, height: 800))
    /// The 10.1-inch panel turned to portrait (800×1280).
    static let tenInchPortrait = ScreenPanel(inches: 10.1, size: PixelSize(width: 800, height: 1280))

    /// Both panels in both orientations.
    static let all: [ScreenPanel] = [sevenInchLandscape, sevenInchPortrait, tenInchLandscape, tenInchPortrait]

    /// Millimetres per logical pixel, horizontally and vertically.
    var millimetresPerPixel: (x: Double, y: Double) {
        let perMillimetre = geometry.pixelsPerMillimetre
        return (1 / perMillimetre.x, 1 / perMillimetre.y)
    }
}
