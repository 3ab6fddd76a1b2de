// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension HubStore: HubStorage {
    /// How often a long-poll looks at the file again even without a signal (another process may share it).
    static let commandPollInterval = Duration.milliseconds(200)

    public func commandGeneration(deviceID: String) -> UInt64 {
        commandSignal.generation(deviceID: deviceID)
    }

    public func waitForCommands(deviceID: String, after generation: UInt64, timeout: Duration) async {
        await commandSignal.wait(deviceID: deviceID, after: generation, timeout: min(timeout, Self.commandPollInterval))
    }
}
