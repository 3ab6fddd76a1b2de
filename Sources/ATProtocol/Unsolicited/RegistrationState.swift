// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The `<stat>` of `+CREG`, `+CGREG` and `+CEREG`: whether and how the modem is registered.
///
/// Related specification: 3GPP TS 27.007 §7.2, §10.1.20 and §10.1.22
public struct RegistrationState: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// `0`: not registered, not searching for an operator.
    public static let notRegistered = Self(rawValue: 0)
    /// `1`: registered, home network.
    public static let registeredHome = Self(rawValue: 1)
    /// `2`: not registered, but searching for an operator.
    public static let searching = Self(rawValue: 2)
    /// `3`: registration denied.
    public static let denied = Self(rawValue: 3)
    /// `4`: unknown, for example out of coverage.
    public static let unknown = Self(rawValue: 4)
    /// `5`: registered, roaming.
    public static let registeredRoaming = Self(rawValue: 5)
    /// `6`: registered for "SMS only", home network.
    public static let registeredSMSOnlyHome = Self(rawValue: 6)
    /// `7`: registered for "SMS only", roaming.
    public static let registeredSMSOnlyRoaming = Self(rawValue: 7)
    /// `8`: attached for emergency bearer services only.
    public static let emergencyOnly = Self(rawValue: 8)
    /// `9`: registered for "CSFB not preferred", home network.
    public static let registeredCSFBNotPreferredHome = Self(rawValue: 9)
    /// `10`: registered for "CSFB not preferred", roaming.
    public static let registeredCSFBNotPreferredRoaming = Self(rawValue: 10)

    /// Whether the modem is registered in a way that can carry SMS (1, 5, 6, 7, 9 or 10).
    public var isRegistered: Bool {
        [1, 5, 6, 7, 9, 10].contains(self.rawValue)
    }

    /// Whether the registration is on a visited network (5, 7 or 10).
    public var isRoaming: Bool {
        [5, 7, 10].contains(self.rawValue)
    }
}
