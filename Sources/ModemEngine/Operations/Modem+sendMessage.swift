// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import ATProtocol
public import SMSPDU

extension Modem {
    /// Sends one PDU with `AT+CMGS=<length>`: waits for the `> ` prompt, writes the hex and Ctrl-Z, and
    /// returns the message reference from `+CMGS: <mr>`.
    ///
    /// The timeout is the profile's `+CMGS` timeout (60 to 180 s). If it passes, the engine sends ESC to
    /// abandon the message and starts its recovery; the message may or may not have gone out.
    ///
    /// - Throws: ModemError; a `+CMS ERROR` is in ModemError/cmsError, and
    ///   `CMSError/isRetryable` says whether sending again later may help.
    ///
    /// Related specification: 3GPP TS 27.005 §3.5.1
    @discardableResult
    public func sendMessage(pduHex: String, length: Int) async throws -> CMGS.Result {
        let command = CMGS.send(length: length)
        let response = try await self.execute(
            command,
            payload: PromptPayload(bytes: CMGS.payload(pduHex: pduHex), echoText: pduHex)
        )
        do {
            return try CMGS.parseSetResponse(response.lines)
        } catch {
            throw ModemError.unexpectedResponse(command, cause: error)
        }
    }

    /// Sends one encoded part.
    @discardableResult
    public func sendMessage(_ part: EncodedPart) async throws -> CMGS.Result {
        try await self.sendMessage(pduHex: part.hex, length: part.length)
    }

    /// Encodes `text` for `recipient` and sends every part in order, stopping at the first failure.
    ///
    /// - Returns: One result per part.
    public func sendText(
        _ text: String,
        to recipient: PhoneAddress,
        options: MessageEncoder.Options = MessageEncoder.Options()
    ) async throws -> [CMGS.Result] {
        let parts: [EncodedPart]
        do {
            parts = try MessageEncoder.submit(text: text, to: recipient, options: options)
        } catch {
            throw ModemError(code: .invalidMessage, message: "the message cannot be encoded", cause: error)
        }
        var results: [CMGS.Result] = []
        for part in parts {
            results.append(try await self.sendMessage(part))
        }
        return results
    }
}
