// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// What systemd says about the device's services.
public protocol SystemServices: Sendable {
    /// `systemctl is-active UNIT` (`active`, `inactive`, `failed`…), or nil when there is no systemd here.
    func activeState(of unit: String) async -> String?
    /// The unit's last `STATUS=` text (`systemctl show -p StatusText`), if any.
    func statusText(of unit: String) async -> String?
}

/// Fixed answers: the in-memory twin of ``SystemctlServices``. A unit not in `states` is `inactive`;
/// nil `states` means no systemd.
public struct InMemorySystemServices: SystemServices {
    public var states: [String: String]?
    public var statusTexts: [String: String]

    public init(states: [String: String]?, statusTexts: [String: String] = [:]) {
        self.states = states
        self.statusTexts = statusTexts
    }

    public func activeState(of unit: String) async -> String? {
        guard let states else { return nil }
        return states[unit] ?? "inactive"
    }

    public func statusText(of unit: String) async -> String? { statusTexts[unit] }
}
