// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The range of an absolute axis, as `EVIOCGABS` reports it.
public struct AxisRange: Hashable, Sendable {
    public var minimum: Int32
    public var maximum: Int32

    public init(minimum: Int32, maximum: Int32) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `value` as a fraction of the range: 0 at the minimum, 1 at the maximum (not clamped).
    public func normalise(_ value: Int32) -> Double {
        let span = Double(maximum) - Double(minimum)
        guard span > 0 else { return 0 }
        return (Double(value) - Double(minimum)) / span
    }
}
