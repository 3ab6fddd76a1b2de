// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ModemEngine
import Testing

/// The names a configuration may give for `[modem] profile` come from the profiles themselves.
@Suite struct ProfileNamesTests {
    @Test func everyListedNameAndAliasChoosesItsProfile() {
        #expect(ModemQuirks.profileNames == ["generic"] + ModemQuirks.all.map(\.name))
        for name in ModemQuirks.profileNames {
            #expect(ModemQuirks.named(name)?.name == name)
        }
        for alias in ModemQuirks.profileAliases {
            #expect(ModemQuirks.named(alias) != nil, "alias \(alias)")
        }
        #expect(ModemQuirks.profileAliases.isDisjoint(with: ModemQuirks.profileNames))
        #expect(ModemQuirks.named("quectle") == nil)
    }
}
