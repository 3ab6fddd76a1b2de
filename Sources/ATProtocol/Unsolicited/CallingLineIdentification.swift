// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The caller of an incoming voice call, `+CLIP: "+447700900123",145,,,,0`, sent after `RING`.
///
/// Related specification: 3GPP TS 27.007 §7.6
public struct CallingLineIdentification: Hashable, Sendable {
    /// The calling number, possibly empty when withheld.
    public var number: String
    /// The type of address: 145 international, 129 national/unknown.
    public var typeOfAddress: Int?
    /// The `<CLI validity>`: 0 valid, 1 withheld, 2 unavailable.
    public var validity: Int?

    public init(number: String, typeOfAddress: Int? = nil, validity: Int? = nil) {
        self.number = number
        self.typeOfAddress = typeOfAddress
        self.validity = validity
    }
}
