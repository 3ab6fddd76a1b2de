// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI
import Synchronization

/// A display that keeps what it is shown: the last frame, every damage list and every blanking request.
///
/// Use it wherever a `DisplaySurface` is needed without a panel, to check what the kiosk presented and how much
/// it redrew.
public final class InMemoryDisplay: DisplaySurface {
    public let panel: PanelGeometry
    private let state = Mutex(State())

    private struct State {
        var lastImage: RasterImage?
        var damageHistory: [[PixelRect]] = []
        var blankingHistory: [Bool] = []
        var isBlanked = false
    }

    /// A display of the given logical size and physical size.
    public init(panel: PanelGeometry) {
        self.panel = panel
    }

    /// A display of `size` pixels with a 10.1 inch diagonal.
    public convenience init(size: PixelSize) {
        self.init(panel: .diagonal(inches: FramebufferDisplay.defaultDiagonalInches, size: size))
    }

    public func present(_ image: RasterImage, damage: [PixelRect]) throws {
        guard image.size == panel.size else {
            throw DisplayError(
                code: .sizeMismatch,
                device: "memory",
                message: "the image is \(image.size.width)×\(image.size.height), the panel "
                    + "\(panel.size.width)×\(panel.size.height)"
            )
        }
        let copy = RasterImage(size: image.size)
        copy.pixels.copyMemory(from: image.pixels, byteCount: image.stride * image.size.height)
        state.withLock { state in
            state.lastImage = copy
            state.damageHistory.append(damage)
        }
    }

    public func setBlanked(_ blanked: Bool) throws {
        state.withLock { state in
            state.isBlanked = blanked
            state.blankingHistory.append(blanked)
        }
    }

    /// A copy of the last presented frame, or `nil` before the first.
    public var lastImage: RasterImage? { state.withLock { $0.lastImage } }

    /// The damage passed to each `present` call, oldest first.
    public var damageHistory: [[PixelRect]] { state.withLock { $0.damageHistory } }

    /// How many frames were presented.
    public var presentCount: Int { state.withLock { $0.damageHistory.count } }

    /// Whether the panel is blanked now.
    public var isBlanked: Bool { state.withLock { $0.isBlanked } }

    /// Every `setBlanked` request, oldest first.
    public var blankingHistory: [Bool] { state.withLock { $0.blankingHistory } }

    /// The number of pixels copied by all presents (the sum of the damage areas), to check that only dirty
    /// rectangles were redrawn.
    public var totalDamagedArea: Int {
        state.withLock { $0.damageHistory.joined().reduce(0) { $0 + $1.area } }
    }
}
