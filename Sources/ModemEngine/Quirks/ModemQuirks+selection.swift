// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension ModemQuirks {
    /// Every vendor profile, most specific first (SIM800 before other SIMCom modems).
    public static let all: [ModemQuirks] = [.quectel, .simcomSIM800, .simcom, .huawei, .ublox]

    /// The profiles' names, ``generic`` first: what a configuration may name, besides the aliases.
    public static var profileNames: [String] { ([.generic] + Self.all).map(\.name) }

    /// Every alias ``named(_:)`` accepts besides ``profileNames``.
    public static var profileAliases: Set<String> { Set(([.generic] + Self.all).flatMap(\.aliases)) }

    /// The profile with this name or alias, ignoring case; `generic` names ``generic``.
    public static func named(_ name: String) -> ModemQuirks? {
        let key = name.trimmingCharacters(in: " ").lowercased()
        return ([.generic] + Self.all).first { $0.name == key || $0.aliases.contains(key) }
    }

    /// Chooses a profile, in this order:
    /// 1. `profileName`, from the udev rule (``ModemConfiguration/profileName``), if it names a profile;
    /// 2. the first profile whose manufacturer and model patterns match `identity`;
    /// 3. the first profile that owns one of `indicationNames`, the vendor reports seen on the port;
    /// 4. ``generic``.
    public static func select(
        profileName: String? = nil,
        identity: ModemIdentity? = nil,
        indicationNames: Set<String> = []
    ) -> ModemQuirks {
        if let profileName, let named = Self.named(profileName) {
            return named
        }
        if let identity, let matching = Self.all.first(where: { $0.matches(identity) }) {
            return matching
        }
        if let hinted = Self.all.first(where: { !$0.indicationNames.isDisjoint(with: indicationNames) }) {
            return hinted
        }
        return .generic
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(self.drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
