// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import TOMLKit

/// A JSON value, for turning the hub's managed settings into TOML and back.
enum JSONNode: Codable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([JSONNode])
    case object([String: JSONNode])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONNode].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONNode].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// A TOML table's values as JSON.
    init(_ table: TOMLTable) {
        var object: [String: JSONNode] = [:]
        for key in table.keys {
            if let value = table[key] { object[key] = JSONNode(value) }
        }
        self = .object(object)
    }

    private init(_ value: any TOMLValueConvertible) {
        switch value.type {
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .number(value.double ?? 0)
        case .bool: self = .bool(value.bool ?? false)
        case .table: self = value.table.map { JSONNode($0) } ?? .object([:])
        case .array: self = .array(value.array.map { $0.map { JSONNode($0) } } ?? [])
        case .date, .time, .dateTime: self = .string(value.debugDescription)
        }
    }

    /// A JSON object as a TOML table; `path` names the object's keys in errors.
    func tomlTable(_ object: [String: JSONNode], path: String) throws -> TOMLTable {
        let table = TOMLTable()
        for key in object.keys.sorted() {
            guard let value = object[key] else { continue }
            table[key] = try value.tomlValue(path: path.isEmpty ? key : "\(path).\(key)")
        }
        return table
    }

    private func tomlValue(path: String) throws -> any TOMLValueConvertible {
        switch self {
        case .string(let value): return value
        case .integer(let value): return value
        case .number(let value): return value
        case .bool(let value): return value
        case .array(let values): return TOMLArray(try values.map { try $0.tomlValue(path: path) })
        case .object(let object): return try tomlTable(object, path: path)
        case .null:
            throw ConfigurationError(
                key: path,
                line: nil,
                message: "null is not a value; leave the key out for the device's own setting"
            )
        }
    }
}
