// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ModemEngine

extension ScriptedTransport {
    /// Scripts the transcript: its opening modem bytes are sent at once, and each host write is answered
    /// with the modem bytes that follow it.
    public func load(_ transcript: Transcript) {
        self.inject(bytes: transcript.openingBytes)
        for exchange in transcript.exchanges {
            self.expect(bytes: exchange.write, reply: exchange.reply)
        }
    }
}
