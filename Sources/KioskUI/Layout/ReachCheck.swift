// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Checks that every control is within reach when the panel is mounted (EN 301 549 8.3: between 380 mm and
/// 1220 mm above the floor).
public enum ReachCheck {
    /// A target that lies partly outside the reach range.
    public struct Violation: Hashable, Sendable {
        public var target: KioskTargetID
        /// The target's lowest and highest points above the floor, in millimetres.
        public var lowest: Double
        public var highest: Double
    }

    /// The targets of `layout` outside the reach range when the panel's bottom edge is `mountHeight` millimetres
    /// above the floor (the panel hangs upright, so its top is `panelHeight` above that).
    public static func violations(
        _ targets: [KioskTarget],
        panelHeight: Double,
        mountHeight: Double,
        range: ClosedRange<Double> = KioskMetrics.reachRange
    ) -> [Violation] {
        targets.compactMap { target in
            let lowest = mountHeight + panelHeight - target.millimetres.maxY
            let highest = mountHeight + panelHeight - target.millimetres.minY
            guard lowest < range.lowerBound || highest > range.upperBound else { return nil }
            return Violation(target: target.id, lowest: lowest, highest: highest)
        }
    }
}
