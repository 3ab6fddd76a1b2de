// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI

extension DrawItem {
    /// Whether every coordinate, size and angle of the item is a finite number.
    ///
    /// An item that is not is skipped by the renderer: Cairo would draw nonsense or stop drawing altogether, and
    /// whole-pixel bounds cannot be computed for it.
    var hasFiniteGeometry: Bool {
        guard bounds.isFinite else { return false }
        switch command {
        case .rectangle(let rect, let cornerRadius, _, _, let lineWidth):
            return rect.isFinite && cornerRadius.isFinite && lineWidth.isFinite
        case .path(let elements, _, _, let lineWidth):
            return lineWidth.isFinite && elements.allSatisfy(\.isFinite)
        case .text(let box):
            return box.frame.isFinite && box.style.pixelSize.isFinite && box.style.lineSpacing.isFinite
        }
    }
}

extension PathElement {
    fileprivate var isFinite: Bool {
        switch self {
        case .move(let point), .line(let point): point.isFinite
        case .curve(let point, let control1, let control2): point.isFinite && control1.isFinite && control2.isFinite
        case .arc(let center, let radius, let startAngle, let endAngle):
            center.isFinite && radius.isFinite && startAngle.isFinite && endAngle.isFinite
        case .close: true
        }
    }
}

extension Point {
    fileprivate var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Rect {
    var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }
}
