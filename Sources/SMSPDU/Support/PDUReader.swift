// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A cursor over PDU bytes that reports shortfalls as ``PDUError`` values naming the field and offset.
struct PDUReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func readByte(_ field: String) throws(PDUError) -> UInt8 {
        guard offset < bytes.count else {
            throw PDUError(.truncated, field: field, offset: offset, "the PDU ends before this field")
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readBytes(_ count: Int, _ field: String) throws(PDUError) -> ArraySlice<UInt8> {
        guard count <= remaining else {
            throw PDUError(
                .truncated,
                field: field,
                offset: offset,
                "needs \(count) bytes but only \(remaining) remain"
            )
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Throws unless every byte has been consumed.
    func expectEnd(after field: String) throws(PDUError) {
        guard remaining == 0 else {
            throw PDUError(
                .trailingBytes,
                field: field,
                offset: offset,
                "\(remaining) unexpected byte(s) after the end of the PDU"
            )
        }
    }
}
