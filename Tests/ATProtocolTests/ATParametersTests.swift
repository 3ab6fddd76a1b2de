// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ATProtocol
import Testing

@Suite("ATParameters")
struct ATParametersTests {
    /// Should not split on commas inside quotes.
    @Test func keepsQuotedCommas() throws {
        let parameters = try #require(ATParameters(line: "+CMGL: 1,0,\"Ward 7, Bay 2\",23", name: "+CMGL"))
        #expect(parameters.map(\.value) == ["1", "0", "Ward 7, Bay 2", "23"])
        #expect(parameters[2].kind == .quoted)
    }

    /// Should keep empty fields, distinguishing them from an empty quoted string.
    @Test func keepsEmptyFields() {
        let parameters = ATParameters(parsing: ",23,\"\",")
        #expect(parameters.count == 4)
        #expect(parameters[0].isEmpty)
        #expect(parameters[1].intValue == 23)
        #expect(!parameters[2].isEmpty && parameters[2].stringValue == "")
        #expect(parameters[3].isEmpty)
    }

    /// Should not split on commas inside parentheses, and should read integer ranges.
    @Test func readsParenthesisedLists() throws {
        let parameters = ATParameters(parsing: "(0-2),(0,1,3),(),(\"SM\",\"ME\")")
        #expect(parameters.count == 4)
        #expect(parameters[0].integerRanges == [0...2])
        #expect(parameters[1].integerRanges == [0...0, 1...1, 3...3])
        #expect(parameters[2].integerRanges == [])
        #expect(try #require(parameters[3].listItems).map(\.value) == ["SM", "ME"])
        #expect(parameters[3].integerRanges == nil)
    }

    /// Should decode \HH escapes inside quoted strings, and produce them when quoting.
    @Test func handlesStringEscapes() {
        #expect(ATParameters(parsing: "\"say \\22hi\\22\"")[0].value == "say \"hi\"")
        #expect(ATParameter.quoted("a\"b\\c") == "\"a\\22b\\5Cc\"")
        #expect(ATParameters(parsing: ATParameter.quoted("x\"y")[...])[0].value == "x\"y")
    }

    /// Should have no parameters for empty text, and ignore lines of another name.
    @Test func handlesEmptyAndForeignLines() {
        #expect(ATParameters(parsing: "  ").isEmpty)
        #expect(ATParameters(line: "+CPMS: 1,2", name: "+CMGL") == nil)
        #expect(ATParameters(line: "+cpms: 1,2", name: "+CPMS")?.count == 2)
    }
}
