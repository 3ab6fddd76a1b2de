// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc
import Synchronization

/// A framebuffer kept in a regular file: `pages` pages of `lineLength × height` bytes, mapped shared so that
/// every write lands in the file.
///
/// Panning and blanking have no effect on a file; they are recorded so that tests and tools can see them.
public final class FileFramebufferControl: FramebufferControl {
    public let device: String
    private let descriptor: Int32
    private let info: FramebufferInfo
    private let state = Mutex(Calls())

    /// The pan offsets and blanking requests made so far, in order.
    public struct Calls: Hashable, Sendable {
        public var pans: [Int] = []
        public var blanking: [Bool] = []
        /// When set, `pan(yOffset:)` fails like a driver that reports a panning area it cannot use.
        public var failPanning = false
    }

    /// Creates (or truncates) the file at `path` to hold the framebuffer `info` describes, filled with zeros.
    public init(path: String, info: FramebufferInfo) throws {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DisplayError(code: .cannotOpen, device: path, message: "cannot create the file", systemError: errno)
        }
        guard ftruncate(descriptor, off_t(info.memoryLength)) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw DisplayError(
                code: .cannotOpen,
                device: path,
                message: "cannot size the file to \(info.memoryLength) bytes",
                systemError: code
            )
        }
        self.device = path
        self.descriptor = descriptor
        self.info = info
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// What has been asked of this framebuffer so far.
    public var calls: Calls { state.withLock { $0 } }

    /// Makes later pans fail (or succeed again).
    public func setPanningFails(_ fails: Bool) {
        state.withLock { $0.failPanning = fails }
    }

    public func screenInfo() throws -> FramebufferInfo { info }

    public func mapMemory(length: Int) throws -> UnsafeMutableRawPointer {
        let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
        guard let memory, memory != MAP_FAILED else {
            throw DisplayError(code: .mappingFailed, device: device, message: "cannot map the file", systemError: errno)
        }
        return memory
    }

    public func unmapMemory(_ memory: UnsafeMutableRawPointer, length: Int) {
        munmap(memory, length)
    }

    public func pan(yOffset: Int) throws {
        let failed = state.withLock { calls in
            if calls.failPanning { return true }
            calls.pans.append(yOffset)
            return false
        }
        if failed {
            throw DisplayError(
                code: .panFailed,
                device: device,
                message: "cannot pan to line \(yOffset)",
                systemError: EINVAL
            )
        }
    }

    public func setBlanked(_ blanked: Bool) throws {
        state.withLock { $0.blanking.append(blanked) }
    }
}
