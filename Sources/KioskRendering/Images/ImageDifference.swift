// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// How two images of the same size differ, as measured by an `ImageComparison`.
public struct ImageDifference: Hashable, Sendable, CustomStringConvertible {
    /// Pixels with some channel differing by more than the comparison's tolerance.
    public var differingPixelCount: Int
    /// All pixels compared.
    public var pixelCount: Int
    /// The largest difference in any channel (alpha, red, green or blue) of any pixel, 0 to 255.
    public var maximumChannelDifference: Int
    /// Whether the differences are within the comparison's limits.
    public var isWithinTolerance: Bool

    public init(differingPixelCount: Int, pixelCount: Int, maximumChannelDifference: Int, isWithinTolerance: Bool) {
        self.differingPixelCount = differingPixelCount
        self.pixelCount = pixelCount
        self.maximumChannelDifference = maximumChannelDifference
        self.isWithinTolerance = isWithinTolerance
    }

    /// The share of pixels that differ, from 0 to 1.
    public var differingFraction: Double {
        pixelCount == 0 ? 0 : Double(differingPixelCount) / Double(pixelCount)
    }

    public var description: String {
        "\(differingPixelCount) of \(pixelCount) pixels differ, by at most \(maximumChannelDifference) per channel"
            + (isWithinTolerance ? " (within tolerance)" : " (beyond tolerance)")
    }
}
