// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Shows how a screen looks to someone with a colour vision deficiency, or on a greyscale display.
///
/// Deuteranopia and protanopia use the severity 1.0 matrices of Machado, Oliveira and Fernandes, "A Physiologically-
/// based Model for Simulation of Color Vision Deficiency", IEEE Transactions on Visualization and Computer Graphics
/// 15(6), 2009, applied to linear RGB (sRGB decoded with its transfer function). Greyscale replaces each colour with
/// its relative luminance (the Rec. 709 weights used by WCAG 2), so lightness is kept and hue is lost.
///
/// Use it with `ColorContrast` on screenshots: simulate, then check that the parts a person must tell apart still
/// differ enough.
public struct ColorVisionSimulation: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case greyscale
        case deuteranopia
        case protanopia
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// Luminance only, as on a monochrome display or for someone with achromatopsia.
    public static let greyscale = ColorVisionSimulation(.greyscale)
    /// No working green-sensitive (M) cones: the most common red–green deficiency.
    public static let deuteranopia = ColorVisionSimulation(.deuteranopia)
    /// No working red-sensitive (L) cones: red looks dark and close to green.
    public static let protanopia = ColorVisionSimulation(.protanopia)

    /// Every simulation.
    public static let allCases: [ColorVisionSimulation] = [.greyscale, .deuteranopia, .protanopia]

    public var description: String {
        switch kind {
        case .greyscale: "greyscale"
        case .deuteranopia: "deuteranopia"
        case .protanopia: "protanopia"
        }
    }

    /// The 3×3 matrix applied to linear (red, green, blue), row by row.
    private var matrix: [Double] {
        switch kind {
        case .greyscale:
            [
                0.2126, 0.7152, 0.0722,
                0.2126, 0.7152, 0.0722,
                0.2126, 0.7152, 0.0722,
            ]
        case .deuteranopia:
            [
                0.367322, 0.860646, -0.227968,
                0.280085, 0.672501, 0.047413,
                -0.011820, 0.042940, 0.968881,
            ]
        case .protanopia:
            [
                0.152286, 1.052583, -0.204868,
                0.114503, 0.786281, 0.099216,
                -0.003882, -0.048116, 1.051998,
            ]
        }
    }

    /// `color` as the simulated viewer sees it; alpha is kept.
    public func apply(to color: Color) -> Color {
        let m = matrix
        let r = SRGB.linear(color.red)
        let g = SRGB.linear(color.green)
        let b = SRGB.linear(color.blue)
        return Color(
            red: SRGB.encoded(m[0] * r + m[1] * g + m[2] * b),
            green: SRGB.encoded(m[3] * r + m[4] * g + m[5] * b),
            blue: SRGB.encoded(m[6] * r + m[7] * g + m[8] * b),
            alpha: color.alpha
        )
    }

    /// A new image with every pixel of `image` as the simulated viewer sees it.
    public func apply(to image: RasterImage) -> RasterImage {
        let result = RasterImage(size: image.size)
        var seen: [UInt32: UInt32] = [:]
        for y in 0..<image.size.height {
            let source = image.row(y)
            let target = result.row(y)
            for x in 0..<image.size.width {
                let pixel = source[x]
                if let known = seen[pixel] {
                    target[x] = known
                } else {
                    let simulated = apply(to: Color(premultipliedPixel: pixel)).premultipliedPixel
                    seen[pixel] = simulated
                    target[x] = simulated
                }
            }
        }
        return result
    }
}
