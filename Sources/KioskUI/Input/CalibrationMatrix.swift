// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A touchscreen calibration in libinput's format: six numbers `a b c d e f` mapping a normalised device position
/// (x, y in 0…1) to `(a·x + b·y + c, d·x + e·y + f)`, also normalised.
///
/// This is the format of udev's `LIBINPUT_CALIBRATION_MATRIX` property, so a matrix worked out for libinput works
/// here unchanged.
public struct CalibrationMatrix: Hashable, Sendable {
    public var a: Double
    public var b: Double
    public var c: Double
    public var d: Double
    public var e: Double
    public var f: Double

    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
    }

    /// Leaves positions unchanged.
    public static let identity = CalibrationMatrix(1, 0, 0, 0, 1, 0)

    /// The six values in order.
    public var values: [Double] { [a, b, c, d, e, f] }

    /// The matrix for a clockwise rotation of the panel content, as in libinput's documentation
    /// (90°: `0 -1 1 1 0 0`, 180°: `-1 0 1 0 -1 1`, 270°: `0 1 0 -1 0 1`).
    public static func rotation(_ rotation: Rotation) -> CalibrationMatrix {
        switch rotation {
        case .none: identity
        case .quarter: CalibrationMatrix(0, -1, 1, 1, 0, 0)
        case .half: CalibrationMatrix(-1, 0, 1, 0, -1, 1)
        case .threeQuarters: CalibrationMatrix(0, 1, 0, -1, 0, 1)
        }
    }

    /// Parses six numbers separated by spaces (or commas), as in `LIBINPUT_CALIBRATION_MATRIX="1 0 0 0 1 0"`.
    /// Returns `nil` unless there are exactly six finite numbers.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        let numbers = parts.compactMap { Double($0) }
        guard parts.count == 6, numbers.count == 6, numbers.allSatisfy(\.isFinite) else { return nil }
        self.init(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }

    /// Applies the matrix to a normalised point.
    public func apply(x: Double, y: Double) -> (x: Double, y: Double) {
        (a * x + b * y + c, d * x + e * y + f)
    }

    /// The matrix that applies `first`, then `self`.
    public func after(_ first: CalibrationMatrix) -> CalibrationMatrix {
        CalibrationMatrix(
            a * first.a + b * first.d,
            a * first.b + b * first.e,
            a * first.c + b * first.f + c,
            d * first.a + e * first.d,
            d * first.b + e * first.e,
            d * first.c + e * first.f + f
        )
    }
}
