// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures how far apart two colours are, for accessibility checks on screenshots.
///
/// Two measures answer two questions. `ratio(_:_:)` is the WCAG 2 contrast ratio of relative luminance, from 1 (the
/// same lightness) to 21 (black on white): can text be read? `difference(_:_:)` is the CIE 1976 colour difference
/// ΔE*ab in CIELAB (D65), where about 2.3 is just noticeable: can two colours be told apart at all, by hue or by
/// lightness? Combine them with `ColorVisionSimulation` to test a screen as a colour-blind person sees it.
public enum ColorContrast {
    /// The WCAG 2 relative luminance of an opaque sRGB colour, from 0 (black) to 1 (white).
    ///
    /// Related specification: WCAG 2.2, "relative luminance".
    public static func relativeLuminance(_ color: Color) -> Double {
        0.2126 * SRGB.linear(color.red) + 0.7152 * SRGB.linear(color.green) + 0.0722 * SRGB.linear(color.blue)
    }

    /// The WCAG 2 contrast ratio between two opaque colours, from 1 to 21, whichever is lighter.
    ///
    /// Related specification: WCAG 2.2, "contrast ratio" (text needs 7:1 at level AAA, 4.5:1 at AA).
    public static func ratio(_ first: Color, _ second: Color) -> Double {
        let a = relativeLuminance(first)
        let b = relativeLuminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The CIE 1976 colour difference ΔE*ab between two opaque colours (0 for the same colour, about 100 for black
    /// against white).
    public static func difference(_ first: Color, _ second: Color) -> Double {
        let a = lab(first)
        let b = lab(second)
        let dl = a.l - b.l
        let da = a.a - b.a
        let db = a.b - b.b
        return (dl * dl + da * da + db * db).squareRoot()
    }

    /// The mean colour of the pixels of `image` inside `rect` (clipped to the image), averaged in linear light and
    /// weighted by alpha; transparent black when no pixel is covered.
    public static func meanColor(of image: RasterImage, in rect: PixelRect) -> Color {
        let area = rect.intersection(PixelRect(x: 0, y: 0, width: image.size.width, height: image.size.height))
        guard !area.isEmpty else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        var red = 0.0
        var green = 0.0
        var blue = 0.0
        var alpha = 0.0
        for y in area.y..<(area.y + area.height) {
            let row = image.row(y)
            for x in area.x..<(area.x + area.width) {
                let color = Color(premultipliedPixel: row[x])
                let weight = Double(color.alpha) / 255
                red += SRGB.linear(color.red) * weight
                green += SRGB.linear(color.green) * weight
                blue += SRGB.linear(color.blue) * weight
                alpha += weight
            }
        }
        guard alpha > 0 else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        return Color(
            red: SRGB.encoded(red / alpha),
            green: SRGB.encoded(green / alpha),
            blue: SRGB.encoded(blue / alpha),
            alpha: UInt8((alpha / Double(area.area) * 255).rounded())
        )
    }

    /// The WCAG 2 contrast ratio between the mean colours of two regions of `image`.
    public static func ratio(in image: RasterImage, between first: PixelRect, and second: PixelRect) -> Double {
        ratio(meanColor(of: image, in: first), meanColor(of: image, in: second))
    }

    /// The colour difference ΔE*ab between the mean colours of two regions of `image`.
    public static func difference(in image: RasterImage, between first: PixelRect, and second: PixelRect) -> Double {
        difference(meanColor(of: image, in: first), meanColor(of: image, in: second))
    }

    /// CIELAB coordinates of an sRGB colour under the D65 white point.
    private static func lab(_ color: Color) -> (l: Double, a: Double, b: Double) {
        let r = SRGB.linear(color.red)
        let g = SRGB.linear(color.green)
        let b = SRGB.linear(color.blue)
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        func f(_ t: Double) -> Double {
            t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
        }
        let fx = f(x)
        let fy = f(y)
        let fz = f(z)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }
}
