// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension SimulatedModem {
    mutating func apply(_ fault: SimulatorFault, now: Duration, output: inout SimulatorOutput) {
        switch fault {
        case .silence(let duration):
            self.note("fault: silent for \(duration)", now: now)
            self.faults.silentUntil = now + duration
            self.framer.reset()
            output.append(.schedule(SimulatorEvent(.silenceEnded, generation: self.generation), after: duration))
        case .garbage(let count, let midResponse):
            if midResponse {
                self.note("fault: \(count) garbage bytes in the next response", now: now)
                self.faults.garbageInNextResponse = count
            } else {
                self.note("fault: \(count) garbage bytes", now: now)
                output.write(self.garbage(count))
            }
        case .reboot:
            self.note("fault: reboot", now: now)
            self.restart(now: now, output: &output)
        case .closePort(let reopenAfter):
            self.note("fault: port closed" + (reopenAfter.map { ", reopening after \($0)" } ?? ""), now: now)
            output.append(.closePort(reopenAfter: reopenAfter))
            self.restart(now: now, output: &output)
        case .lineRate(let baud):
            self.note("fault: line rate " + (baud.map { "\($0) baud" } ?? "unlimited"), now: now)
            output.append(.setLineRate(bytesPerSecond: baud.map { max(1, $0 / 10) }))
        case .dropIndications(let on):
            self.note("fault: dropping +CMTI/+CDSI " + (on ? "on" : "off"), now: now)
            self.faults.droppingIndications = on
        case .indicationMidResponse:
            self.note("fault: next arrival's indication goes inside a +CMGL response", now: now)
            self.faults.holdingNextArrival = true
        }
    }

    /// Random bytes that are certain to include NUL, 0xFF and an invalid UTF-8 sequence.
    mutating func garbage(_ count: Int) -> [UInt8] {
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &self.random) }
        let salt: [UInt8] = [0x00, 0xFF, 0xC3, 0x28]
        for (offset, byte) in salt.enumerated() where offset < count {
            bytes[(offset * 7919) % count] = byte
        }
        return bytes
    }
}
