// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Testing

@testable import SMSPDU

/// The decoder never crashes: random bytes and mutated valid PDUs either decode or give a typed error.
///
/// The coverage-guided fuzzer (`make fuzz`) runs the same entry point for longer.
@Suite struct FuzzTests {
    static let seeds: [String] = [
        "079144775810065011000C914477000910320000FF28C7691354C6D375A00D0AB44981363CD0C607DA94411B0A68D3036D80A0CD0B447EBBCB",
        "0791447758100650000C91447700091032000842102030405000220045006D006F006A00690020D83DDE00D83DDC4D00200061006E006400204F60597D",
        "079144775810065040098120962480F0000057409141012500170500030902024C4CDC386A065D96B81E2DB08DF100",
        "0006" + "2A" + "0C91447700091032" + "42102030405000" + "42102030415040" + "00",
        "0044" + "0C91447700091032" + "0008" + "42102030405000" + "0E" + "097002ABCD0003070101" + "00480069",
    ]

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 1)
        var decoded = 0
        for _ in 0..<100_000 {
            let count = Int(generator.next() % 180)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if (try? PDU.decode(bytes: bytes, smsc: .automatic)) != nil {
                decoded += 1
            }
        }
        // Random bytes rarely form a PDU; the point is that none of them crashed.
        #expect(decoded < 100_000)
    }

    @Test func mutatedPDUsNeverCrash() throws {
        var generator = SplitMix64(seed: 2)
        let seeds = try Self.seeds.map { try Hex.decode($0) }
        var outcomes = (decoded: 0, errors: 0)
        for _ in 0..<100_000 {
            var bytes = seeds[Int(generator.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + generator.next() % 4) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes[position] ^= 1 << (generator.next() % 8)
                case 2: bytes.removeSubrange(position...)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            do {
                let pdu = try PDU.decode(bytes: bytes, smsc: .present)
                outcomes.decoded += 1
                // Whatever decodes must also describe itself without trapping.
                _ = pdu.userData?.text?.count
            } catch {
                outcomes.errors += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(outcomes.decoded + outcomes.errors == 100_000)
        #expect(outcomes.errors > 0)
    }
}
