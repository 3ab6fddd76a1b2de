// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sRGB transfer function (IEC 61966-2-1), between 8-bit encoded values and linear light from 0 to 1.
enum SRGB {
    private static let decoded: [Double] = (0...255).map { value in
        let c = Double(value) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear light for an 8-bit sRGB value.
    static func linear(_ value: UInt8) -> Double {
        decoded[Int(value)]
    }

    /// The nearest 8-bit sRGB value for linear light, clamped to 0...1.
    static func encoded(_ linear: Double) -> UInt8 {
        let c = min(1, max(0, linear))
        let v = c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055
        return UInt8((v * 255).rounded())
    }
}
