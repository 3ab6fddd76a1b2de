// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import SMSPDU

/// Joins the parts of a concatenated message into one text.
enum Reassembly {
    /// The text of the parts in order; payloads are joined before decoding when every part uses the same
    /// coding and tables, so a character split across parts by a careless sender survives. Missing parts
    /// (when `parts.count < total`) are marked in the text.
    static func text(of parts: [SMSDeliver], total: Int) -> (text: String, encoding: String) {
        let codings = Set(parts.map { $0.userData.dataCoding.alphabet })
        let alphabets = Set(parts.map { $0.userData.gsm7Alphabet })
        let encoding = codings.count == 1 ? codings.first!.rawValue : "mixed"
        let complete = parts.count == total
        if complete, codings == [.ucs2] {
            return (UCS2.decode(parts.flatMap(\.userData.payload)).text, encoding)
        }
        if complete, codings == [.gsm7], alphabets.count == 1, let alphabet = alphabets.first {
            return (alphabet.decode(septets: parts.flatMap(\.userData.payload)).text, encoding)
        }
        var byNumber: [Int: String] = [:]
        for (index, part) in parts.enumerated() {
            let number = part.userData.header?.concatenation?.part ?? index + 1
            byNumber[number] = part.userData.text ?? Hex.encode(part.userData.payload)
        }
        let text = (1...max(total, 1)).map { byNumber[$0] ?? "[part \($0) of \(total) missing]" }.joined()
        return (text, encoding)
    }
}
