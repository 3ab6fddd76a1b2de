// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// A device as `udevadm info` shows it: its properties (`--query=property`) and the chain of sysfs devices from it
/// up to the root with their attributes (`-a`). Fixture files hold both, under `[properties]` and `[attributes]`,
/// after `#` comments, one of which is `# expect: …`.
struct UdevDeviceDump: Sendable {
    /// One device of the chain: the event's device first, then its parents.
    struct SysDevice: Sendable {
        var path: String
        var kernel = ""
        var subsystem = ""
        var driver = ""
        var attributes: [String: String] = [:]
    }

    var name: String
    /// What the fixture says the rules should do with it (`modem profile=quectel`, `untouched`…).
    var expectation: String
    var properties: [String: String]
    var chain: [SysDevice]

    init(name: String, text: String) throws {
        self.name = name
        var expectation = ""
        var properties: [String: String] = [:]
        var chain: [SysDevice] = []
        var section = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace()
            if line.hasPrefix("# expect:") {
                expectation = String(line.dropFirst("# expect:".count)).trimmingWhitespace()
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = line
                continue
            }
            switch section {
            case "[properties]":
                guard let equals = line.firstIndex(of: "=") else { throw DumpError("\(name): not KEY=value: \(line)") }
                properties[String(line[..<equals])] = String(line[line.index(after: equals)...])
            case "[attributes]":
                if line.hasPrefix("looking at") {
                    let parts = line.split(separator: "'", omittingEmptySubsequences: false)
                    guard parts.count >= 3 else { throw DumpError("\(name): no device path in: \(line)") }
                    chain.append(SysDevice(path: String(parts[1])))
                    continue
                }
                guard !chain.isEmpty else { continue }  // udevadm's explanatory paragraph
                guard let equals = line.range(of: "==\""), line.hasSuffix("\"") else {
                    throw DumpError("\(name): not KEY==\"value\": \(line)")
                }
                let key = String(line[..<equals.lowerBound])
                let value = String(line[equals.upperBound..<line.index(before: line.endIndex)])
                switch key {
                case "KERNEL", "KERNELS": chain[chain.count - 1].kernel = value
                case "SUBSYSTEM", "SUBSYSTEMS": chain[chain.count - 1].subsystem = value
                case "DRIVER", "DRIVERS": chain[chain.count - 1].driver = value
                default:
                    guard key.hasPrefix("ATTR{") || key.hasPrefix("ATTRS{"), key.hasSuffix("}") else {
                        throw DumpError("\(name): unknown key \(key)")
                    }
                    let open = key.firstIndex(of: "{")!
                    chain[chain.count - 1].attributes[
                        String(key[key.index(after: open)..<key.index(before: key.endIndex)])
                    ] =
                        value
                }
            default:
                throw DumpError("\(name): text outside [properties] and [attributes]: \(line)")
            }
        }
        guard !chain.isEmpty, properties["DEVPATH"] != nil else {
            throw DumpError("\(name): needs [properties] with DEVPATH and [attributes] with at least one device")
        }
        self.expectation = expectation
        self.properties = properties
        self.chain = chain
    }

    struct DumpError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
