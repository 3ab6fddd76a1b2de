// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Glibc

/// The listening Unix domain socket of the control protocol.
struct ControlSocket: Sendable {
    let descriptor: Int32
    let path: String

    static func listen(at path: String) throws(SimulatorError) -> ControlSocket {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw PseudoTerminal.failure("socket") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            Glibc.close(descriptor)
            throw SimulatorError(.systemCall, "control socket path is longer than \(capacity - 1) bytes: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        unlink(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 8) == 0 else {
            let error = PseudoTerminal.failure("bind/listen \(path)")
            Glibc.close(descriptor)
            throw error
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return ControlSocket(descriptor: descriptor, path: path)
    }

    func close() {
        Glibc.close(self.descriptor)
        unlink(self.path)
    }
}
