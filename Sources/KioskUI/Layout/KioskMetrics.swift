// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The kiosk's physical design rules, in millimetres. Layout keeps a little above each legal minimum so that
/// rounding to pixels never takes a target below it.
public enum KioskMetrics {
    /// The smallest touch target side allowed (11 mm).
    public static let minimumTargetSide = 11.0
    /// The smallest clear space allowed between two targets (3 mm).
    public static let minimumTargetSpacing = 3.0
    /// The smallest answer button height allowed (18 mm).
    public static let minimumAnswerHeight = 18.0
    /// The smallest em height for the question (8 mm).
    public static let minimumQuestionEm = 8.0
    /// The smallest em height for any text (5 mm).
    public static let minimumEm = 5.0
    /// The idle prompt's button must be at least this high (20 mm).
    public static let minimumMoreTimeHeight = 20.0
    /// The lowest and highest a control may be above the floor (EN 301 549 8.3).
    public static let reachRange = 380.0...1220.0

    static let margin = 2.5
    static let gap = 3.5
    static let target = 12.5
    static let key = 11.2
    static let keyGap = 3.2
    static let answerHeight = 18.6
    static let buttonPadding = 2.0
    static let questionEms = [10.0, 9, 8]
    static let bodyEms = [6.0, 5.5, 5]
    static let buttonEms = [6.0, 5.5, 5]
    static let portraitBar = 16.0
}
