// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on 127.0.0.1 between a sync client and a real hub that breaks one HTTP exchange in many, the ways
/// a ward's network does.
///
/// Each client connection carries one exchange (the proxy answers with `Connection: close`). For each, a seeded
/// draw picks a ``Fault``: the connection may be dropped before the request is forwarded, or after it was
/// forwarded and answered (the hub has committed, the client never hears), the answer may be delayed, sent twice,
/// replaced by an earlier answer of the hub, cut short, or replaced by a 500, a 503 with `Retry-After` or a 413
/// that the hub never saw. Plain blocking sockets, one thread per connection: it is test code.
final class FaultProxy: @unchecked Sendable {
    /// What happens to one exchange.
    enum Fault: String, CaseIterable, Sendable, Comparable {
        /// Forwarded both ways untouched.
        case none
        /// Forwarded after a pause of 50–400 ms.
        case delay
        /// Closed before the request reaches the hub.
        case dropBeforeForward = "drop-before-forward"
        /// The hub answered (and committed); the client gets nothing.
        case dropAfterForward = "drop-after-forward"
        /// The answer is sent twice on the connection.
        case duplicateResponse = "duplicate-response"
        /// The hub answered; the client gets an earlier `POST /v1/events` answer instead.
        case staleResponse = "stale-response"
        /// The answer stops half way and the connection closes.
        case truncateResponse = "truncate-response"
        /// 500 without forwarding.
        case status500 = "500"
        /// 503 with `Retry-After: 1` without forwarding.
        case status503 = "503-retry-after"
        /// 413 without forwarding (only for batches of more than one event, which can be split).
        case status413 = "413"

        static func < (lhs: Fault, rhs: Fault) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The default mix: about half the exchanges are broken in some way.
    static let defaultWeights: [Fault: Int] = [
        .none: 48, .delay: 10, .dropBeforeForward: 6, .dropAfterForward: 8, .duplicateResponse: 5,
        .staleResponse: 6, .truncateResponse: 5, .status500: 5, .status503: 4, .status413: 3,
    ]

    /// The port the proxy listens on.
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    private let upstreamPort: Int
    private let listener: Int32
    private let weights: [(Fault, Int)]
    private let lock = NSLock()
    private var random: SeededRandom
    private var applied: [Fault: Int] = [:]
    private var staleAnswers: [[UInt8]] = []
    private var running = true

    /// Listens on a free port of 127.0.0.1, forwarding to `upstreamPort` on 127.0.0.1.
    init(upstreamPort: Int, seed: UInt64, weights: [Fault: Int] = FaultProxy.defaultWeights) throws {
        self.upstreamPort = upstreamPort
        self.random = SeededRandom(seed: seed)
        self.weights = Fault.allCases.compactMap { fault in weights[fault].map { (fault, $0) } }.filter { $0.1 > 0 }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProxyError("socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 128) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard listening else {
            close(fd)
            throw ProxyError("cannot listen on 127.0.0.1: errno \(errno)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let accepting = Thread { [self] in acceptLoop() }
        accepting.name = "fault-proxy-accept"
        accepting.start()
    }

    deinit {
        stop()
    }

    /// Stops accepting; exchanges under way finish on their own.
    func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// How many exchanges each fault was applied to so far.
    var counts: [Fault: Int] {
        lock.lock()
        defer { lock.unlock() }
        return applied
    }

    /// A seeded draw for the caller (the chaos test times its kills with the same seed).
    func draw(_ range: ClosedRange<Int>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return Int.random(in: range, using: &random)
    }

    // MARK: - Connections

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                lock.lock()
                let stillRunning = running
                lock.unlock()
                if stillRunning, errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let worker = Thread { [self] in
                handle(client)
                close(client)
            }
            worker.name = "fault-proxy-connection"
            worker.start()
        }
    }

    private func pick() -> Fault {
        lock.lock()
        defer { lock.unlock() }
        let total = weights.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<max(total, 1), using: &random)
        for (fault, weight) in weights {
            if roll < weight { return fault }
            roll -= weight
        }
        return .none
    }

    private func note(_ fault: Fault) {
        lock.lock()
        applied[fault, default: 0] += 1
        lock.unlock()
    }

    private func handle(_ client: Int32) {
        Self.setTimeout(client, seconds: 30)
        let reader = SocketReader(client)
        guard let head = reader.readHead(), let request = HTTPHead(head) else { return }
        guard let body = reader.readBody(of: request, isResponse: false) else { return }
        let isEventsPost = request.startLine.hasPrefix("POST /v1/events")
        var fault = pick()
        if fault == .status413, !(isEventsPost && Self.eventCount(body) > 1) { fault = .none }
        if fault == .staleResponse, !isEventsPost { fault = .none }
        switch fault {
        case .dropBeforeForward:
            note(fault)
            return
        case .status500:
            note(fault)
            Self.write(client, Self.cannedAnswer(500, "Internal Server Error", extra: []))
            return
        case .status503:
            note(fault)
            Self.write(client, Self.cannedAnswer(503, "Service Unavailable", extra: ["Retry-After: 1"]))
            return
        case .status413:
            note(fault)
            Self.write(client, Self.cannedAnswer(413, "Content Too Large", extra: []))
            return
        case .delay:
            Thread.sleep(forTimeInterval: Double(draw(50...400)) / 1_000)
        default:
            break
        }
        guard let answer = forward(request.rewritten() + body) else { return }
        let isSuccess = answer.head.startLine.contains(" 200 ")
        var stale: [UInt8]?
        lock.lock()
        if fault == .staleResponse, let earlier = staleAnswers.randomElement(using: &random) { stale = earlier }
        if isEventsPost, isSuccess {
            staleAnswers.append(answer.bytes)
            if staleAnswers.count > 32 { staleAnswers.removeFirst() }
        }
        lock.unlock()
        if fault == .staleResponse, stale == nil { fault = .none }
        note(fault)
        switch fault {
        case .dropAfterForward:
            return
        case .duplicateResponse:
            Self.write(client, answer.bytes + answer.bytes)
        case .staleResponse:
            Self.write(client, stale ?? answer.bytes)
        case .truncateResponse:
            Self.write(client, Array(answer.bytes.prefix(max(1, answer.bytes.count / 2))))
        default:
            Self.write(client, answer.bytes)
        }
    }

    /// Sends the request to the hub and reads its whole answer, re-framed with `Connection: close`.
    private func forward(_ request: [UInt8]) -> (head: HTTPHead, bytes: [UInt8])? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard upstream >= 0 else { return nil }
        defer { close(upstream) }
        Self.setTimeout(upstream, seconds: 60)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0, Self.write(upstream, request) else { return nil }
        let reader = SocketReader(upstream)
        guard let head = reader.readHead(), let response = HTTPHead(head),
            let body = reader.readBody(of: response, isResponse: true)
        else { return nil }
        return (response, response.rewritten() + body)
    }

    // MARK: - Helpers

    static func eventCount(_ body: [UInt8]) -> Int {
        let data = Data(body)
        let json = (try? Gzip.decompress(data, limit: 16 * 1024 * 1024)) ?? data
        return (try? SyncJSON.decoder().decode(EventBatch.self, from: json))?.events.count ?? 0
    }

    static func cannedAnswer(_ status: Int, _ reason: String, extra: [String]) -> [UInt8] {
        let body = #"{"type":"about:blank","title":"\#(reason)","status":\#(status)}"#
        let lines =
            ["HTTP/1.1 \(status) \(reason)", "Content-Type: application/problem+json"] + extra + [
                "Content-Length: \(body.utf8.count)", "Connection: close",
            ]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    static func setTimeout(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    @discardableResult
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    struct ProxyError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The start line and header fields of one HTTP/1.1 message.
private struct HTTPHead {
    var startLine: String
    var fields: [(name: String, value: String)]

    init?(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let first = lines.first else { return nil }
        startLine = first
        fields = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    func value(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name }?.value
    }

    /// The same head asking for the connection to close after this exchange.
    func rewritten() -> [UInt8] {
        let kept = fields.filter { !["connection", "keep-alive"].contains($0.name.lowercased()) }
        let lines = [startLine] + kept.map { "\($0.name): \($0.value)" } + ["Connection: close"]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}

/// Buffered reads of HTTP/1.1 messages from a socket.
private final class SocketReader {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(_ fd: Int32) {
        self.fd = fd
    }

    /// Reads more bytes; false at the end of the stream, on an error or a timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func take(_ count: Int) -> [UInt8] {
        let taken = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return taken
    }

    /// Bytes up to and including the first CRLF CRLF (at most 64 KiB).
    func readHead() -> [UInt8]? {
        while true {
            if let end = Self.find([13, 10, 13, 10], in: buffer) { return take(end + 4) }
            guard buffer.count < 64 * 1024, fill() else { return nil }
        }
    }

    private func readLine() -> [UInt8]? {
        while true {
            if let end = Self.find([13, 10], in: buffer) { return take(end + 2) }
            guard fill() else { return nil }
        }
    }

    private func readExactly(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        return take(count)
    }

    /// The body after `head`, as raw bytes (chunked bodies keep their framing).
    func readBody(of head: HTTPHead, isResponse: Bool) -> [UInt8]? {
        if let length = head.value("content-length").flatMap({ Int($0) }) { return readExactly(length) }
        if head.value("transfer-encoding")?.lowercased().contains("chunked") == true {
            var raw: [UInt8] = []
            while true {
                guard let line = readLine() else { return nil }
                raw += line
                let size = String(decoding: line, as: UTF8.self).split(separator: ";").first.flatMap {
                    Int($0.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16)
                }
                guard let size else { return nil }
                if size == 0 {
                    while let trailer = readLine() {
                        raw += trailer
                        if trailer == [13, 10] { return raw }
                    }
                    return nil
                }
                guard let chunk = readExactly(size + 2) else { return nil }
                raw += chunk
            }
        }
        guard isResponse else { return [] }
        while fill() {}
        return take(buffer.count)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
