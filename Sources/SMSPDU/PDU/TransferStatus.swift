// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// TP-Status of a status report: what became of a submitted message.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.15.
public struct TransferStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The broad outcome a sender acts on.
    public enum Category: String, Hashable, Sendable {
        /// The message reached the recipient (or was replaced).
        case delivered
        /// A temporary error; the service centre is still trying.
        case pending
        /// A permanent error, or a temporary one the service centre has stopped retrying.
        case failed
    }

    public static let receivedBySME = TransferStatus(rawValue: 0x00)
    public static let forwardedUnconfirmed = TransferStatus(rawValue: 0x01)
    public static let replacedBySC = TransferStatus(rawValue: 0x02)
    public static let congestion = TransferStatus(rawValue: 0x20)
    public static let smeBusy = TransferStatus(rawValue: 0x21)
    public static let noResponseFromSME = TransferStatus(rawValue: 0x22)
    public static let remoteProcedureError = TransferStatus(rawValue: 0x40)
    public static let incompatibleDestination = TransferStatus(rawValue: 0x41)
    public static let validityPeriodExpired = TransferStatus(rawValue: 0x46)
    public static let deletedByOriginatingSME = TransferStatus(rawValue: 0x47)

    /// Reserved values are treated as a permanent failure, as the specification's "service rejected" guidance does.
    public var category: Category {
        switch rawValue {
        case 0x00...0x1F: .delivered
        case 0x20...0x3F: .pending
        default: .failed
        }
    }

    public var description: String {
        switch rawValue {
        case 0x00: "received by the recipient"
        case 0x01: "forwarded, delivery unconfirmed"
        case 0x02: "replaced by the service centre"
        case 0x20, 0x60: "congestion"
        case 0x21, 0x61: "recipient busy"
        case 0x22, 0x62: "no response from recipient"
        case 0x23, 0x63: "service rejected"
        case 0x24, 0x44, 0x64: "quality of service not available"
        case 0x25, 0x65: "error in recipient"
        case 0x40: "remote procedure error"
        case 0x41: "incompatible destination"
        case 0x42: "connection rejected by recipient"
        case 0x43: "not obtainable"
        case 0x45: "no interworking available"
        case 0x46: "validity period expired"
        case 0x47: "deleted by originating SME"
        case 0x48: "deleted by service centre administration"
        case 0x49: "message does not exist"
        default: "status 0x\(Hex.encode([rawValue])) (\(category.rawValue))"
        }
    }
}
