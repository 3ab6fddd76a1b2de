// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

/// A horizontal alignment with the paragraph direction already applied.
enum PhysicalAlignment: Hashable, Sendable {
    case left, center, right
}

extension TextStyle {
    /// Leading and trailing turned into left and right for this style's base direction.
    var resolvedAlignment: PhysicalAlignment {
        switch (alignment, direction) {
        case (.center, _): .center
        case (.leading, .leftToRight), (.trailing, .rightToLeft): .left
        case (.leading, .rightToLeft), (.trailing, .leftToRight): .right
        }
    }

    var pangoAlignment: PangoAlignment {
        switch resolvedAlignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
    }

    var pangoDirection: PangoDirection {
        switch direction {
        case .leftToRight: PANGO_DIRECTION_LTR
        case .rightToLeft: PANGO_DIRECTION_RTL
        }
    }

    var pangoWeight: PangoWeight {
        switch weight {
        case .regular: PANGO_WEIGHT_NORMAL
        case .bold: PANGO_WEIGHT_BOLD
        }
    }
}
