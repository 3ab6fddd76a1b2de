// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// One screen as laid out for a panel: what to draw and where the targets are.
public struct KioskScreenLayout: Hashable, Sendable {
    public var drawList: DrawList
    /// Every touch target, in logical pixels and millimetres.
    public var targets: [KioskTarget]
    /// Where three quick taps open the staff PIN pad (pixels), on patient screens.
    public var staffCorner: Rect?
    /// Ids of text items whose measured text does not fit their box (empty when everything fits).
    public var overflowingText: [String]

    public init(drawList: DrawList, targets: [KioskTarget], staffCorner: Rect?, overflowingText: [String]) {
        self.drawList = drawList
        self.targets = targets
        self.staffCorner = staffCorner
        self.overflowingText = overflowingText
    }

    /// The target under `point` (logical pixels), if any.
    public func target(at point: Point) -> KioskTargetID? {
        targets.last(where: { $0.frame.contains(point) })?.id
    }

    /// The target with `id`, if it is on this screen.
    public func target(_ id: KioskTargetID) -> KioskTarget? {
        targets.first(where: { $0.id == id })
    }
}
