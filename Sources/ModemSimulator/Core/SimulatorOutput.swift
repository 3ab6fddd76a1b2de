// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Collects the actions of one step in order, merging adjacent writes.
struct SimulatorOutput: Sendable {
    private(set) var actions: [SimulatorAction] = []

    mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if case .write(let previous) = self.actions.last {
            self.actions[self.actions.count - 1] = .write(previous + bytes)
        } else {
            self.actions.append(.write(bytes))
        }
    }

    mutating func write(_ text: String) {
        self.write(Array(text.utf8))
    }

    mutating func append(_ action: SimulatorAction) {
        if case .write(let bytes) = action {
            self.write(bytes)
        } else {
            self.actions.append(action)
        }
    }
}
