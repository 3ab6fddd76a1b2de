// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import CareConnectCommands

/// The `careconnect` executable: everything it does lives in CareConnectCommands.
@main
enum Entry {
    static func main() async {
        await CareConnect.main(nil)
    }
}
