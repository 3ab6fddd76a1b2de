// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import KioskUI

/// Reads `struct input_event`s from a descriptor with `poll(2)` and feeds them to a decoder, until the device goes
/// away or the wake pipe is signalled. It never spins: with no input it sleeps in `poll`.
///
/// It works on any readable descriptor, so tests drive it with a pipe carrying recorded events.
struct EvdevEventPump {
    /// Why the pump stopped.
    enum Ending: Hashable, Sendable {
        /// The wake descriptor became readable.
        case woken
        /// The device reported an error (`ENODEV` when unplugged) or end of file.
        case deviceGone(systemError: Int32?)
    }

    let descriptor: Int32
    let wakeDescriptor: Int32

    /// Runs until the device goes or the pump is woken, passing each frame to `deliver`. When the device goes while
    /// fingers are down, a last frame with no contacts is delivered so nothing stays pressed.
    func run(
        decoder: inout EvdevTouchDecoder,
        state: some EvdevStateQuerying,
        deliver: (TouchFrame) -> Void
    ) -> Ending {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: InputEvent.byteCount * 64)
        var hasContacts = false
        func end(_ systemError: Int32?) -> Ending {
            if hasContacts { deliver(decoder.releaseAll(at: MonotonicTime.now())) }
            return .deviceGone(systemError: systemError)
        }
        while true {
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return end(errno)
            }
            if descriptors[1].revents != 0 { return .woken }
            if descriptors[0].revents == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return end(nil) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return end(errno)
            }
            pending.append(contentsOf: chunk[0..<count])
            let (events, consumed) = pending.withUnsafeBytes { InputEvent.decode($0) }
            pending.removeFirst(consumed)
            for event in events {
                let frame: TouchFrame
                switch decoder.consume(event) {
                case .none:
                    continue
                case .frame(let decoded):
                    frame = decoded
                case .resynchronise(let timestamp):
                    do {
                        frame = try decoder.resynchronise(from: state, timestamp: timestamp)
                    } catch {
                        return end((error as? TouchInputError)?.systemError)
                    }
                }
                hasContacts = !frame.contacts.isEmpty
                deliver(frame)
            }
        }
    }
}
