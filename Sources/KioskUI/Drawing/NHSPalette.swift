// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The NHS identity colours the kiosk uses. No colour depends on the rating a patient chooses.
public enum NHSPalette {
    /// NHS Blue, for the header bar and the panel around the rail.
    public static let blue = Color(hex: 0x005EB8)
    /// Body text.
    public static let text = Color(hex: 0x212B32)
    /// The page background.
    public static let white = Color(hex: 0xFFFFFF)
    /// The background of buttons and panels.
    public static let paleGrey = Color(hex: 0xF0F4F5)
    /// The outline of primary actions (Next, Submit).
    public static let green = Color(hex: 0x007F3B)
    /// The fill of a selected answer or chip.
    public static let yellow = Color(hex: 0xFFEB3B)
    /// The outline of ordinary buttons (NHS mid grey).
    public static let midGrey = Color(hex: 0x4C6272)
}
