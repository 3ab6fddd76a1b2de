// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI
import Synchronization

/// The kiosk's screen on a Linux framebuffer (`/dev/fbN`), in RGB565 or XRGB8888, with any line length and a
/// rotation of 0, 90, 180 or 270 degrees.
///
/// When the driver offers a virtual area at least twice the visible height, frames are drawn into the hidden page
/// and shown by panning (`FBIOPAN_DISPLAY`), so the panel never shows a half-drawn frame. Each page is brought up to
/// date by copying only the rectangles that changed since it was last shown. Otherwise frames are converted into a
/// back buffer in memory and only the damaged rectangles are copied out to the visible framebuffer. If panning fails
/// once, the display falls back to copying for good.
///
/// The physical size is `configuredMillimetres` when given (the panel's measured size overrides a wrong EDID), else
/// the kernel's when the driver knows it, else `fallbackMillimetres`, else a default diagonal.
public final class FramebufferDisplay: DisplaySurface, @unchecked Sendable {
    public let panel: PanelGeometry
    /// The memory layout and rotation of one page.
    public let layout: FramebufferLayout
    private let control: any FramebufferControl
    private let memory: UnsafeMutableRawPointer
    private let memoryLength: Int
    private let state: Mutex<State>

    /// How frames reach the panel.
    public enum Strategy: Hashable, Sendable {
        /// Two pages, flipped with `FBIOPAN_DISPLAY`.
        case panning
        /// One page, updated by copying damaged rectangles from a back buffer.
        case copying
    }

    private struct State {
        var strategy: Strategy
        /// The page shown now (0 or 1 when panning; the line offset's page when copying).
        var visiblePage: Int
        /// Per page, the logical rectangles that changed since the page was last written.
        var stale: [[PixelRect]]
        var backBuffer: UnsafeMutableRawPointer?
        var hasPresented = false
    }

    /// The default panel diagonal, in inches, when neither the driver nor the configuration gives a physical size.
    public static let defaultDiagonalInches = 10.1

    /// Opens the framebuffer device at `path`.
    ///
    /// - Parameters:
    ///   - path: The device, such as `/dev/fb0`.
    ///   - rotation: How the panel is mounted, clockwise from the framebuffer's natural orientation.
    ///   - configuredMillimetres: The visible area's size in the framebuffer's natural orientation as measured by
    ///     whoever installed the panel; it wins over the driver's figure, which comes from an EDID that can be wrong.
    ///   - fallbackMillimetres: The visible area's size in the framebuffer's natural orientation, used when the
    ///     driver reports none.
    ///   - fallbackDiagonalInches: The diagonal used when neither the driver nor `fallbackMillimetres` gives a size.
    public convenience init(
        path: String = "/dev/fb0",
        rotation: Rotation = .none,
        configuredMillimetres: Size? = nil,
        fallbackMillimetres: Size? = nil,
        fallbackDiagonalInches: Double = FramebufferDisplay.defaultDiagonalInches
    ) throws {
        try self.init(
            control: LinuxFramebufferControl(path: path),
            rotation: rotation,
            configuredMillimetres: configuredMillimetres,
            fallbackMillimetres: fallbackMillimetres,
            fallbackDiagonalInches: fallbackDiagonalInches
        )
    }

    /// Opens the framebuffer behind `control`; see
    /// `init(path:rotation:configuredMillimetres:fallbackMillimetres:fallbackDiagonalInches:)`.
    public init(
        control: any FramebufferControl,
        rotation: Rotation = .none,
        configuredMillimetres: Size? = nil,
        fallbackMillimetres: Size? = nil,
        fallbackDiagonalInches: Double = FramebufferDisplay.defaultDiagonalInches
    ) throws {
        let info = try control.screenInfo()
        guard
            let format = FramebufferPixelFormat(
                bitsPerPixel: info.bitsPerPixel,
                red: (info.red.offset, info.red.length),
                green: (info.green.offset, info.green.length),
                blue: (info.blue.offset, info.blue.length)
            )
        else {
            throw DisplayError(
                code: .unsupportedFormat,
                device: control.device,
                message: "unsupported pixel format: \(info.bitsPerPixel) bits per pixel, red \(info.red.length)@"
                    + "\(info.red.offset), green \(info.green.length)@\(info.green.offset), blue "
                    + "\(info.blue.length)@\(info.blue.offset); only RGB565 and XRGB8888 are supported"
            )
        }
        let size = info.visibleSize
        guard size.width > 0, size.height > 0, info.lineLength >= size.width * format.bytesPerPixel,
            info.memoryLength >= info.lineLength * size.height
        else {
            throw DisplayError(
                code: .invalidGeometry,
                device: control.device,
                message: "\(size.width)×\(size.height) pixels do not fit \(info.lineLength)-byte lines in "
                    + "\(info.memoryLength) bytes"
            )
        }
        let layout = FramebufferLayout(size: size, stride: info.lineLength, format: format, rotation: rotation)
        let pageBytes = layout.byteCount
        let canPan = info.virtualSize.height >= 2 * size.height && info.memoryLength >= 2 * pageBytes
        let strategy: Strategy = canPan ? .panning : .copying
        let visiblePage: Int
        if canPan {
            visiblePage = info.yOffset >= size.height ? 1 : 0
        } else {
            let shownPage = info.yOffset / size.height
            let isWholePage = info.yOffset % size.height == 0 && (shownPage + 1) * pageBytes <= info.memoryLength
            visiblePage = isWholePage ? shownPage : 0
        }
        let mappedLength = canPan ? 2 * pageBytes : (visiblePage + 1) * pageBytes
        self.memory = try control.mapMemory(length: mappedLength)
        self.memoryLength = mappedLength
        self.control = control
        self.layout = layout
        let naturalMillimetres =
            configuredMillimetres ?? info.millimetres ?? fallbackMillimetres
            ?? PanelGeometry.diagonal(inches: fallbackDiagonalInches, size: size).millimetres
        let logicalMillimetres =
            rotation.swapsAxes
            ? Size(width: naturalMillimetres.height, height: naturalMillimetres.width) : naturalMillimetres
        self.panel = PanelGeometry(size: layout.logicalSize, millimetres: logicalMillimetres)
        var initial = State(strategy: strategy, visiblePage: visiblePage, stale: [[], []])
        if strategy == .copying {
            initial.backBuffer = Self.makeBackBuffer(byteCount: pageBytes)
        }
        self.state = Mutex(initial)
    }

    deinit {
        state.withLock { state in
            state.backBuffer?.deallocate()
            state.backBuffer = nil
        }
        control.unmapMemory(memory, length: memoryLength)
    }

    /// How frames currently reach the panel.
    public var strategy: Strategy { state.withLock { $0.strategy } }

    public func present(_ image: RasterImage, damage: [PixelRect]) throws {
        guard image.size == layout.logicalSize else {
            throw DisplayError(
                code: .sizeMismatch,
                device: control.device,
                message: "the image is \(image.size.width)×\(image.size.height), the panel "
                    + "\(layout.logicalSize.width)×\(layout.logicalSize.height)"
            )
        }
        state.withLock { state in
            let rects: [PixelRect]
            if state.hasPresented {
                rects = damage.map { layout.clip($0) }.filter { !$0.isEmpty }
            } else {
                rects = [layout.fullScreen]
            }
            state.hasPresented = true
            switch state.strategy {
            case .panning:
                do {
                    try presentByPanning(image, damage: rects, state: &state)
                } catch {
                    // Some drivers report a panning area they cannot show; copy into the visible page instead.
                    state.strategy = .copying
                    state.backBuffer = Self.makeBackBuffer(byteCount: layout.byteCount)
                    presentByCopying(image, damage: [layout.fullScreen], state: state)
                }
            case .copying:
                presentByCopying(image, damage: rects, state: state)
            }
        }
    }

    private func presentByPanning(_ image: RasterImage, damage: [PixelRect], state: inout State) throws {
        if damage.isEmpty { return }
        state.stale[0].append(contentsOf: damage)
        state.stale[1].append(contentsOf: damage)
        let back = 1 - state.visiblePage
        PixelConverter.copy(image, damage: state.stale[back], into: page(back), layout: layout)
        try control.pan(yOffset: back * layout.size.height)
        state.stale[back] = []
        state.visiblePage = back
    }

    private func presentByCopying(_ image: RasterImage, damage: [PixelRect], state: State) {
        guard let backBuffer = state.backBuffer else { return }
        PixelConverter.copy(image, damage: damage, into: backBuffer, layout: layout)
        let target = page(state.visiblePage)
        let bytesPerPixel = layout.format.bytesPerPixel
        for rect in damage {
            let physical = layout.physicalRect(for: rect)
            let rowBytes = physical.width * bytesPerPixel
            for row in physical.y..<(physical.y + physical.height) {
                let offset = row * layout.stride + physical.x * bytesPerPixel
                (target + offset).copyMemory(from: backBuffer + offset, byteCount: rowBytes)
            }
        }
    }

    public func setBlanked(_ blanked: Bool) throws {
        try control.setBlanked(blanked)
    }

    /// Reads the frame the panel shows now back into an image in the logical orientation (slow: framebuffer
    /// memory is not meant to be read often).
    public func readVisibleFrame() -> RasterImage {
        state.withLock { state in
            PixelConverter.readImage(from: page(state.visiblePage), layout: layout)
        }
    }

    private func page(_ index: Int) -> UnsafeMutableRawPointer {
        memory + index * layout.byteCount
    }

    private static func makeBackBuffer(byteCount: Int) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        return buffer
    }
}
