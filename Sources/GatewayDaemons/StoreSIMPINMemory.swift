// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
public import MessageStore
public import ModemEngine

/// The SMS gateway's ``SIMPINMemory``: refusals live in the device database, so a restart of the service
/// (or a crash loop under systemd) never enters a refused PIN again.
public struct StoreSIMPINMemory: SIMPINMemory {
    let store: MessageStore

    public init(store: MessageStore) {
        self.store = store
    }

    public func refusal(sim: String, pin: String) throws -> SIMPINRefusal? {
        try store.simPINRefusal(sim: sim, pin: pin).map {
            SIMPINRefusal(attemptsLeft: $0.attemptsLeft, answer: $0.answer)
        }
    }

    public func rememberRefusal(_ refusal: SIMPINRefusal, sim: String, pin: String) throws {
        try store.recordSIMPINRefusal(
            sim: sim,
            pin: pin,
            attemptsLeft: refusal.attemptsLeft,
            answer: refusal.answer,
            now: Date()
        )
    }

    public func forgetRefusals(sim: String) throws {
        try store.forgetSIMPINRefusals(sim: sim)
    }
}
