// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskRendering
import KioskUI

/// Draws whole screens with the renderer the kiosk uses on its panel.
enum ScreenRenderer {
    /// `list` drawn in full into a new image the size of `panel`.
    static func render(_ list: DrawList, on panel: ScreenPanel) throws -> RasterImage {
        let image = RasterImage(size: panel.geometry.size)
        try CairoRenderer(image: image, measurer: .shared).render(list, damage: nil)
        return image
    }
}
