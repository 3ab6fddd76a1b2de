// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskRendering
import KioskUI

extension RasterImage {
    /// The colour of one pixel, with straight alpha.
    func color(x: Int, y: Int) -> Color {
        ColorContrast.meanColor(of: self, in: PixelRect(x: x, y: y, width: 1, height: 1))
    }

    /// The glyph cores of the text inside `region` drawn on `background`: the pixels whose luminance lies furthest
    /// from the background's (at least 90 % of the furthest), which are the pixels the glyphs cover fully rather than
    /// the antialiased edges. Returns their mean relative luminance and how many there are.
    func textInk(in region: PixelRect, on background: Color) -> (luminance: Double, pixelCount: Int) {
        let backgroundLuminance = ColorContrast.relativeLuminance(background)
        var luminances: [Double] = []
        for y in region.y..<(region.y + region.height) {
            for x in region.x..<(region.x + region.width) {
                luminances.append(ColorContrast.relativeLuminance(color(x: x, y: y)))
            }
        }
        let furthest = luminances.map { abs($0 - backgroundLuminance) }.max() ?? 0
        let cores = luminances.filter { abs($0 - backgroundLuminance) >= 0.9 * furthest && furthest > 0 }
        guard !cores.isEmpty else { return (backgroundLuminance, 0) }
        return (cores.reduce(0, +) / Double(cores.count), cores.count)
    }
}

/// The WCAG 2 contrast ratio between two relative luminances.
func contrastRatio(_ first: Double, _ second: Double) -> Double {
    (max(first, second) + 0.05) / (min(first, second) + 0.05)
}
