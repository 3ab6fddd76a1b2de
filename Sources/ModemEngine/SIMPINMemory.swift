// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Where the engine remembers that a SIM refused a PIN, so that it never enters the same PIN into the same
/// SIM again: three wrong PINs block the SIM until someone enters its PUK.
///
/// The SMS gateway keeps it in the device database, so the memory outlives restarts of the service;
/// ``InMemorySIMPINMemory`` is the twin for tests and one-off tools.
public protocol SIMPINMemory: Sendable {
    /// The refusal of `pin` by the SIM `sim` (its ICCID, or ``SIMPINRefusal/unidentifiedSIM``), if one is
    /// remembered; nil when this SIM never refused this PIN.
    func refusal(sim: String, pin: String) throws -> SIMPINRefusal?
    /// Remembers that `sim` refused `pin`.
    func rememberRefusal(_ refusal: SIMPINRefusal, sim: String, pin: String) throws
    /// Forgets every refusal by `sim`: it has accepted a PIN.
    func forgetRefusals(sim: String) throws
}

/// A SIM's refusal of a PIN, as ``SIMPINMemory`` keeps it.
public struct SIMPINRefusal: Hashable, Sendable, Codable {
    /// The key used for a SIM whose ICCID the modem would not tell.
    public static let unidentifiedSIM = "unidentified"

    /// The PIN attempts the SIM had left after refusing, when the modem said; a higher count later means
    /// the SIM was unblocked or changed, and the refusal no longer holds.
    public var attemptsLeft: Int?
    /// The modem's answer, for the status line.
    public var answer: String

    public init(attemptsLeft: Int?, answer: String) {
        self.attemptsLeft = attemptsLeft
        self.answer = answer
    }

    /// Whether this refusal still holds for a SIM that now reports `attemptsNow` attempts left.
    public func holds(attemptsNow: Int?) -> Bool {
        guard let attemptsNow, let attemptsLeft = self.attemptsLeft else { return true }
        return attemptsNow <= attemptsLeft
    }
}
