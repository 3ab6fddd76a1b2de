// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Matching of the verbose error texts sent with `AT+CMEE=2`.
enum ErrorText {
    /// Lower-cased letters and digits only, with "(U)" and British spellings folded, so that
    /// "PH-SIM PIN required", "ph sim pin required" and "(U)SIM not inserted" compare as expected.
    static func normalised(_ text: String) -> String {
        var lowered = text.lowercased()
        lowered = lowered.replacing("(u)", with: "")
        lowered = lowered.replacing("personalisation", with: "personalization")
        lowered = lowered.replacing("authorisation", with: "authorization")
        return String(lowered.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }

    /// A lookup from normalised text to code; the lowest code wins where texts collide.
    static func reverse(_ names: [Int: String], aliases: [String: Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (code, name) in names.sorted(by: { $0.key < $1.key }) {
            let key = normalised(name)
            if result[key] == nil { result[key] = code }
        }
        for (alias, code) in aliases where result[normalised(alias)] == nil {
            result[normalised(alias)] = code
        }
        return result
    }
}
