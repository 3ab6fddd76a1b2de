// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import Glibc

/// One HTTP/1.1 exchange over a plain socket, for checking what a response's header fields say.
enum RawHTTP {
    /// A response as it came over the wire.
    struct Answer: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        /// The first field called `name`, in any case.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// `GET path` on 127.0.0.1:`port` with `headers`, the connection closed after the answer.
    static func get(port: Int, _ path: String, headers: [(String, String)] = []) async throws -> Answer {
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        return try await Task.detached { try exchange(port: port, request: bytes) }.value
    }

    private static func exchange(port: Int, request: [UInt8]) throws -> Answer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                connect(socket, address, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw TestFailure("could not connect to 127.0.0.1:\(port)") }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw TestFailure("send() failed") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw TestFailure("no complete answer from 127.0.0.1:\(port)") }
            received += buffer[0..<count]
        }
        return try parse(received)
    }

    /// The status, fields and body of a response read to the end of the connection.
    static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard bytes.count >= 4,
            let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator })
        else { throw TestFailure("the answer has no end of header") }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw TestFailure("the status line is \(head[0])")
        }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + 4)...])
        let answer = Answer(status: status, headers: headers, body: Data())
        if answer.header("Transfer-Encoding")?.lowercased() == "chunked" { body = try unchunk(body) }
        return Answer(status: status, headers: headers, body: Data(body))
    }

    /// A chunked body's content.
    private static func unchunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var content: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 })
            else { throw TestFailure("a chunk has no size line") }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";")[0]
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw TestFailure("a chunk size is \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw TestFailure("a chunk is cut short") }
            content += bytes[start..<start + size]
            index = start + size + 2
        }
        return content
    }
}
