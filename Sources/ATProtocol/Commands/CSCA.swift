// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// `AT+CSCA`: the service centre address (SMSC) used for sending.
///
/// Related specification: 3GPP TS 27.005 §3.3.1
public enum CSCA {
    /// `+CSCA: <sca>,<tosca>`.
    public struct ServiceCentreAddress: Hashable, Sendable {
        /// The number, for example `+447785016005`.
        public var number: String
        /// The type of address: 145 international, 129 national/unknown.
        public var typeOfAddress: Int?

        public init(number: String, typeOfAddress: Int?) {
            self.number = number
            self.typeOfAddress = typeOfAddress
        }
    }

    /// `AT+CSCA?`.
    public static let read = ATCommand("AT+CSCA?")

    /// `AT+CSCA="<sca>"[,<tosca>]`.
    public static func set(number: String, typeOfAddress: Int? = nil) -> ATCommand {
        ATCommand("AT+CSCA=\(ATParameter.quoted(number))" + (typeOfAddress.map { ",\($0)" } ?? ""))
    }

    /// Parses `+CSCA: "<sca>",<tosca>`.
    ///
    /// The address is a string in the character set chosen with `AT+CSCS`. When that is `UCS2`, modems
    /// send it hex-encoded (`"002B00340034…"`), and some do so even in `GSM` mode; with `HEX` it may come
    /// as 8-bit hex (`"2B3434…"`). Such a hex form is decoded when the result is a plausible number:
    /// only `+` and digits, starting with `+` for the 8-bit form. A plain number never looks like that,
    /// because it holds `+` or decodes to non-digits.
    ///
    /// Related specification: 3GPP TS 27.005 §3.3.1
    public static func parseReadResponse(_ lines: [ATLine]) throws -> ServiceCentreAddress {
        let line = try ResponseLine.single(in: lines, name: "+CSCA")
        let raw = try line.string(0, "sca")
        return ServiceCentreAddress(
            number: Self.decodeHexQuirk(raw) ?? raw,
            typeOfAddress: try line.optionalInt(1, "tosca")
        )
    }

    /// Decodes a UCS2 or 8-bit hex encoded number, or returns `nil` if `raw` is not one.
    static func decodeHexQuirk(_ raw: String) -> String? {
        guard raw.utf8.count >= 4, HexDigits.isHex(raw), let bytes = HexDigits.decode(raw) else { return nil }
        func isDialChar(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "+") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        if bytes.count % 2 == 0 {
            let pairs = stride(from: 0, to: bytes.count, by: 2).map { (bytes[$0], bytes[$0 + 1]) }
            if pairs.allSatisfy({ $0.0 == 0 && isDialChar($0.1) }) {
                return String(decoding: pairs.map(\.1), as: UTF8.self)
            }
        }
        if bytes.first == UInt8(ascii: "+"), bytes.allSatisfy(isDialChar) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }
}
