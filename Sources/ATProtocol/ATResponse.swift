// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A complete response to one command: its information lines and the final result that ended it.
///
/// The echo and any unsolicited result codes that arrived meanwhile are not part of it. Pass ``lines`` to
/// a command's parser, for example `CPMS.parseReadResponse(response.lines)`.
public struct ATResponse: Hashable, Sendable {
    /// The information response lines, in order.
    public var lines: [ATLine]
    /// The result code that ended the response.
    public var finalResult: FinalResult

    public init(lines: [ATLine], finalResult: FinalResult) {
        self.lines = lines
        self.finalResult = finalResult
    }
}
