// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Looks for the kiosk's screen and touchscreen.
public protocol KioskProber: Sendable {
    /// The framebuffer's visible resolution, or why it could not be opened.
    func framebuffer(path: String) -> Result<(width: Int, height: Int), KioskProbeError>
    /// The touchscreen: the configured event device, or the first one udev marked; nil when none.
    /// `calibrated` says whether udev gives it a `LIBINPUT_CALIBRATION_MATRIX`.
    func touchscreen(configuredPath: String) -> (path: String, calibrated: Bool)?
}

/// Why a kiosk device could not be used, in words.
public struct KioskProbeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Fixed answers: the in-memory twin of ``LinuxKioskProber``.
public struct InMemoryKioskProber: KioskProber {
    public var screen: (width: Int, height: Int)?
    public var touch: (path: String, calibrated: Bool)?

    public init(screen: (width: Int, height: Int)?, touch: (path: String, calibrated: Bool)?) {
        self.screen = screen
        self.touch = touch
    }

    public func framebuffer(path: String) -> Result<(width: Int, height: Int), KioskProbeError> {
        guard let screen else { return .failure(KioskProbeError("\(path) does not exist")) }
        return .success(screen)
    }

    public func touchscreen(configuredPath: String) -> (path: String, calibrated: Bool)? { touch }
}
