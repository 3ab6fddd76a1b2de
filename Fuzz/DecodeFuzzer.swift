// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// libFuzzer entry point for the PDU decoder; built by `make fuzz` together with Sources/SMSPDU.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    for presence in [PDU.SMSCPresence.present, .absent, .automatic] {
        if let pdu = try? PDU.decode(bytes: bytes, smsc: presence) {
            _ = pdu.userData?.text?.unicodeScalars.count
        }
    }
    return 0
}
