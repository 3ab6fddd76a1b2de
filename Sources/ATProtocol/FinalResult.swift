// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// The result code that ends a command's response.
///
/// Recognised in verbose form (`ATV1`, the default); numeric `ATV0` results are not supported.
///
/// Related specification: ITU-T V.250 §5.7.1, 3GPP TS 27.007 §9.2 and 3GPP TS 27.005 §3.2.5
public enum FinalResult: Hashable, Sendable {
    /// `OK`.
    case ok
    /// `ERROR`, with no further detail (`AT+CMEE=0`, or a syntax error).
    case error
    /// `+CME ERROR: <err>`; `verboseText` holds the text when the modem used `AT+CMEE=2`.
    ///
    /// Verbose text that names no listed code is reported as ``CMEError/unknown`` with the text kept.
    case cmeError(CMEError, verboseText: String?)
    /// `+CMS ERROR: <err>`; `verboseText` holds the text when the modem used `AT+CMEE=2`.
    ///
    /// Verbose text that names no listed code is reported as ``CMSError/unknown`` with the text kept.
    case cmsError(CMSError, verboseText: String?)
    /// `NO CARRIER`.
    case noCarrier
    /// `BUSY`.
    case busy
    /// `NO ANSWER`.
    case noAnswer
    /// `NO DIALTONE` (also accepted as `NO DIAL TONE`).
    case noDialtone
    /// `CONNECT`, optionally followed by text such as a rate (`CONNECT 150000000`).
    case connect(String?)
    /// A vendor's own final error, such as Huawei's `COMMAND NOT SUPPORT` and `TOO MANY PARAMETERS`.
    case vendorError(String)

    /// Whether the command succeeded (``ok`` or ``connect(_:)``).
    public var isSuccess: Bool {
        switch self {
        case .ok, .connect: true
        default: false
        }
    }

    /// Parses a final result code; `nil` when the line is not one.
    public init?(line: ATLine) {
        let text = line.trimmedText
        switch text {
        case "OK": self = .ok
        case "ERROR": self = .error
        case "NO CARRIER": self = .noCarrier
        case "BUSY": self = .busy
        case "NO ANSWER": self = .noAnswer
        case "NO DIALTONE", "NO DIAL TONE": self = .noDialtone
        case "CONNECT": self = .connect(nil)
        case "COMMAND NOT SUPPORT", "TOO MANY PARAMETERS": self = .vendorError(text)
        default:
            if text.hasPrefix("CONNECT ") {
                self = .connect(String(text.dropFirst("CONNECT ".count)))
            } else if let value = Self.value(of: text, after: "+CME ERROR:") {
                if let code = Int(value) {
                    self = .cmeError(CMEError(rawValue: code), verboseText: nil)
                } else {
                    self = .cmeError(CMEError(verboseText: value) ?? .unknown, verboseText: value)
                }
            } else if let value = Self.value(of: text, after: "+CMS ERROR:") {
                if let code = Int(value) {
                    self = .cmsError(CMSError(rawValue: code), verboseText: nil)
                } else {
                    self = .cmsError(CMSError(verboseText: value) ?? .unknown, verboseText: value)
                }
            } else {
                return nil
            }
        }
    }

    private static func value(of text: String, after prefix: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        let value = text.dropFirst(prefix.count).drop { $0 == " " }
        return String(value)
    }
}
