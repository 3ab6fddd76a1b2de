// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Synchronization

/// Wakes long-polls when a command for their device may exist: a generation number per device, and waiters.
///
/// The storage signals it after committing a command (and, for PostgreSQL, on each notification from another
/// replica). Readers take the generation before querying, so a signal between their query and their wait still
/// wakes them.
final class CommandSignal: Sendable {
    private struct Waiter {
        var deviceID: String
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var generations: [String: UInt64] = [:]
        /// Bumped for every device at once (after a lost connection, when notifications may have been missed).
        var everyone: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    init() {}

    /// The device's current generation.
    func generation(deviceID: String) -> UInt64 {
        state.withLock { $0.generations[deviceID, default: 0] + $0.everyone }
    }

    /// A command for the device may exist: wakes its waiters.
    func signal(deviceID: String) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generations[deviceID, default: 0] += 1
            let ids = state.waiters.filter { $0.value.deviceID == deviceID }.map(\.key)
            return ids.compactMap { state.waiters.removeValue(forKey: $0)?.continuation }
        }
        for continuation in woken { continuation.resume() }
    }

    /// Anything may have changed: wakes every waiter.
    func signalEveryone() {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.everyone += 1
            defer { state.waiters.removeAll() }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the device's generation passes `generation`, after `timeout`, or on cancellation.
    func wait(deviceID: String, after generation: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.waitForSignal(deviceID: deviceID, after: generation) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal(deviceID: String, after generation: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    let current = state.generations[deviceID, default: 0] + state.everyone
                    if current != generation || Task.isCancelled { return true }
                    state.waiters[id] = Waiter(deviceID: deviceID, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }
}
