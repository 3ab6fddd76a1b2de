// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation

/// Sets keys in a configuration file's text while keeping everything else: other keys, comments, blank lines
/// and order. Used by `careconnect provision` to update an existing file.
///
/// A key is replaced where it stands in its `[section]`, added after the section's last key, or the section is
/// added at the end. Run the result through ``DeviceConfiguration/parse(_:)`` before writing it.
public struct ConfigurationFileEditor: Sendable {
    private var lines: [String]

    public init(text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    /// The edited text, ending with a newline.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// Sets `key` in `[section]` to a string value.
    public mutating func set(_ section: String, _ key: String, string value: String) {
        set(section, key, literal: Self.quoted(value))
    }

    /// Sets `key` in `[section]` to a whole number.
    public mutating func set(_ section: String, _ key: String, integer value: Int) {
        set(section, key, literal: String(value))
    }

    /// Sets `key` in `[section]` to a TOML value written out (`"text"`, `90`, `true`).
    public mutating func set(_ section: String, _ key: String, literal: String) {
        let line = "\(key) = \(literal)"
        guard let header = lines.firstIndex(where: { Self.isHeader($0, section) }) else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines.append("[\(section)]")
            lines.append(line)
            return
        }
        var end = header + 1
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("[") { end += 1 }
        var lastKey = header
        for index in (header + 1)..<end {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            lastKey = index
            if Self.keyName(trimmed) == key {
                lines[index] = line
                return
            }
        }
        lines.insert(line, at: lastKey + 1)
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func isHeader(_ line: String, _ section: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[\(section)]") else { return false }
        let rest = trimmed.dropFirst(section.count + 2).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty || rest.hasPrefix("#")
    }

    private static func keyName(_ trimmed: String) -> String? {
        guard let equals = trimmed.firstIndex(of: "=") else { return nil }
        return trimmed[..<equals].trimmingCharacters(in: .whitespaces)
    }
}

extension DeviceConfiguration {
    /// Writes a configuration file atomically: a temporary file in the same directory with `mode`, flushed to
    /// disk, then renamed over `path`. The directory is created (mode 0755) if missing.
    public static func writeFile(
        _ text: String,
        to path: String,
        mode: Int = 0o640,
        group: String? = "careconnect"
    )
        throws
    {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755]
            )
        }
        let temporary =
            (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else {
            throw ConfigurationError(
                key: nil,
                line: nil,
                message: "cannot write \(temporary): \(String(cString: strerror(errno)))"
            )
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += count
        }
        if failure == 0, fchmod(descriptor, mode_t(mode)) != 0 { failure = errno }
        if failure == 0, let group, let entry = getgrnam(group) {
            _ = fchown(descriptor, uid_t.max, entry.pointee.gr_gid)
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw ConfigurationError(
                key: nil,
                line: nil,
                message: "cannot write \(path): \(String(cString: strerror(failure)))"
            )
        }
    }
}
