// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension DeviceConfiguration.Modem {
    /// Checks ``profile`` against the modem engine's quirk profiles.
    ///
    /// This module does not depend on the engine, so the caller passes the engine's lists
    /// (`ModemQuirks.profileNames` and `ModemQuirks.profileAliases`). `auto` is always accepted; names are
    /// compared ignoring case and surrounding spaces, as the engine does.
    ///
    /// - Throws: ConfigurationError for `modem.profile`, naming the allowed profiles, when it names none.
    public func checkProfile(names: [String], aliases: Set<String> = []) throws {
        let key = String(self.profile.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
        guard key != "auto", !names.contains(key), !aliases.contains(key) else { return }
        throw ConfigurationError(
            key: "modem.profile",
            line: nil,
            message: "unknown modem profile '\(self.profile)': use auto (chosen from the udev rule and the modem's "
                + "identity) or one of \(names.joined(separator: ", "))"
        )
    }
}
