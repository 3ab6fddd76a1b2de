// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import KioskUI

/// Chooses the calibration for a touchscreen and combines it with the panel's rotation.
public enum TouchCalibration {
    /// The udev property libinput reads its calibration from.
    public static let udevProperty = "LIBINPUT_CALIBRATION_MATRIX"

    /// The configured matrix if there is one, else the device's `LIBINPUT_CALIBRATION_MATRIX` udev property if it
    /// parses, else the identity.
    public static func matrix(configured: CalibrationMatrix?, udevProperties: [String: String]) -> CalibrationMatrix {
        if let configured { return configured }
        if let text = udevProperties[udevProperty], let matrix = CalibrationMatrix(parsing: text) { return matrix }
        return .identity
    }

    /// The matrix from normalised device positions to the UI's logical screen: the calibration (which corrects the
    /// touchscreen in the panel's natural orientation), then the rotation the panel is mounted with.
    public static func transform(calibration: CalibrationMatrix, rotation: Rotation) -> CalibrationMatrix {
        CalibrationMatrix.rotation(rotation).after(calibration)
    }
}
