// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension Color {
    /// The WCAG 2 relative luminance of the colour (0 for black, 1 for white), ignoring alpha.
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.040_45 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG 2 contrast ratio between this colour and `other`, from 1 (none) to 21 (black on white).
    public func contrastRatio(with other: Color) -> Double {
        let a = relativeLuminance
        let b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

/// `x` raised to `y` for positive `x`, without Foundation.
private func pow(_ x: Double, _ y: Double) -> Double {
    guard x > 0 else { return 0 }
    return exp(y * log(x))
}

private func log(_ x: Double) -> Double {
    // Reduce to m · 2^k with m in [1, 2), then use the atanh series for ln(m).
    var m = x
    var k = 0.0
    while m >= 2 {
        m /= 2
        k += 1
    }
    while m < 1 {
        m *= 2
        k -= 1
    }
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var n = 1.0
    while abs(term / n) > 1e-17 {
        sum += term / n
        term *= t2
        n += 2
    }
    return 2 * sum + k * 0.693_147_180_559_945_3
}

private func exp(_ x: Double) -> Double {
    // e^x = 2^k · e^r with |r| ≤ ln 2 / 2.
    let ln2 = 0.693_147_180_559_945_3
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    while abs(term) > 1e-17 {
        term *= r / n
        sum += term
        n += 1
    }
    var result = sum
    if k > 0 {
        for _ in 0..<Int(k) { result *= 2 }
    } else if k < 0 {
        for _ in 0..<Int(-k) { result /= 2 }
    }
    return result
}
