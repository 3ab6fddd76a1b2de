// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A message memory (`"SM"` on the SIM, `"ME"` in the modem) with numbered slots from 1 to its capacity.
///
/// Related specification: 3GPP TS 27.005 §3.1 (`<index>`, `<mem1>`…`<mem3>`)
public struct MessageStorage: Hashable, Sendable {
    /// How many messages fit.
    public let capacity: Int
    /// The occupied slots by index.
    public private(set) var slots: [Int: StoredSMS] = [:]

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many slots are occupied.
    public var used: Int { self.slots.count }

    /// Whether every slot is occupied.
    public var isFull: Bool { self.slots.count >= self.capacity }

    /// Whether `index` names a slot of this memory (occupied or not).
    public func contains(index: Int) -> Bool {
        (1...self.capacity).contains(index)
    }

    /// Stores a message in the lowest free slot and returns its index, or nil when the memory is full.
    public mutating func store(_ message: StoredSMS) -> Int? {
        guard let index = (1...self.capacity).first(where: { self.slots[$0] == nil }) else { return nil }
        self.slots[index] = message
        return index
    }

    subscript(index: Int) -> StoredSMS? {
        get { self.slots[index] }
        set { self.slots[index] = newValue }
    }

    /// The occupied indices in ascending order.
    public var indices: [Int] { self.slots.keys.sorted() }
}
