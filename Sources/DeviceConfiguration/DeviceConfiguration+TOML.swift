// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import TOMLKit
import WardConversation

/// A problem in the configuration file, naming the key (`modem.baud`) and, for syntax errors, the line.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String?
    public var line: Int?
    public var message: String

    public var description: String {
        var prefix = ""
        if let line { prefix += "line \(line): " }
        if let key { prefix += "\(key): " }
        return prefix + message
    }
}

extension DeviceConfiguration {
    /// Reads a configuration file's TOML; a missing file gives an empty table.
    static func readTable(path: String) throws -> TOMLTable {
        guard FileManager.default.fileExists(atPath: path) else { return TOMLTable() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(key: nil, line: nil, message: "cannot read \(path): \(error.localizedDescription)")
        }
        return try table(text)
    }

    /// TOML text as a table; a syntax error names its line.
    static func table(_ text: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(key: nil, line: Int(error.source.begin.line), message: error.description)
        }
    }

    /// Parses configuration text (the text alone: managed settings are merged by ``load(path:)``).
    public static func parse(_ text: String) throws -> DeviceConfiguration {
        try parse(table: table(text), complete: true)
    }

    /// Parses a configuration table.
    ///
    /// - Parameter complete: whether `table` is a whole configuration. A part (managed settings on their own) is
    ///   checked key by key, but not for what other keys may supply: reply texts for the default language and for
    ///   each language keyword, and every text of a new language.
    static func parse(table root: TOMLTable, complete: Bool) throws -> DeviceConfiguration {
        var configuration = DeviceConfiguration()
        let reader = TableReader(root, path: "")
        try reader.allow(["ward", "storage", "modem", "kiosk", "sync", "conversation", "templates"])

        if let ward = try reader.table("ward") {
            try ward.allow(["name", "trust_ods", "site_code", "ward_code"])
            configuration.ward.name = try ward.string("name") ?? configuration.ward.name
            if let ods = try ward.string("trust_ods") {
                guard ods.count == 3 || ods.count == 5, ods.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                    throw ConfigurationError(
                        key: "ward.trust_ods",
                        line: nil,
                        message: "an ODS code has 3 or 5 letters/digits, got '\(ods)'"
                    )
                }
                configuration.ward.trustODSCode = ods.uppercased()
            }
            if let site = try ward.string("site_code") {
                guard
                    site.isEmpty
                        || ((3...8).contains(site.count)
                            && site.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }))
                else {
                    throw ConfigurationError(
                        key: "ward.site_code",
                        line: nil,
                        message: "a site code has 3 to 8 letters/digits (such as RXX01), got '\(site)'"
                    )
                }
                configuration.ward.siteCode = site
            }
            configuration.ward.wardCode = try ward.string("ward_code") ?? ""
        }
        if let storage = try reader.table("storage") {
            try storage.allow(["state_directory"])
            configuration.storage.stateDirectory =
                try storage.string("state_directory") ?? configuration.storage.stateDirectory
        }
        if let modem = try reader.table("modem") {
            try modem.allow([
                "device", "profile", "baud", "rtscts", "sim_pin", "sweep_interval_seconds", "multipart_timeout_hours",
            ])
            configuration.modem.device = try modem.string("device") ?? configuration.modem.device
            configuration.modem.profile = try modem.string("profile") ?? configuration.modem.profile
            configuration.modem.baud = try modem.integer("baud", in: 300...4_000_000) ?? configuration.modem.baud
            configuration.modem.rtsCts = try modem.bool("rtscts") ?? false
            if let pin = try modem.string("sim_pin"), !pin.isEmpty {
                guard (4...8).contains(pin.count), pin.allSatisfy(\.isNumber) else {
                    throw ConfigurationError(key: "modem.sim_pin", line: nil, message: "a SIM PIN is 4 to 8 digits")
                }
                configuration.modem.simPIN = pin
            }
            configuration.modem.sweepIntervalSeconds =
                try modem.integer("sweep_interval_seconds", in: 5...3_600) ?? configuration.modem.sweepIntervalSeconds
            configuration.modem.multipartTimeoutHours =
                try modem.integer("multipart_timeout_hours", in: 1...168) ?? configuration.modem.multipartTimeoutHours
        }
        if let kiosk = try reader.table("kiosk") {
            try parseKiosk(kiosk, into: &configuration.kiosk)
        }
        if let sync = try reader.table("sync") {
            try parseSync(sync, into: &configuration.sync)
        }
        configuration.conversation.wardName = configuration.ward.name
        if let conversation = try reader.table("conversation") {
            try conversation.allow([
                "default_language", "max_replies_per_hour", "max_replies_per_day", "duplicate_window_seconds",
                "thank_for_comments", "confirm_stop", "languages",
            ])
            var settings = configuration.conversation
            settings.defaultLanguage = try conversation.string("default_language") ?? settings.defaultLanguage
            settings.maximumRepliesPerHour =
                try conversation.integer("max_replies_per_hour", in: 0...100) ?? settings.maximumRepliesPerHour
            settings.maximumRepliesPerDay =
                try conversation.integer("max_replies_per_day", in: 0...1_000) ?? settings.maximumRepliesPerDay
            settings.duplicateWindowSeconds =
                try conversation.integer("duplicate_window_seconds", in: 0...86_400) ?? settings.duplicateWindowSeconds
            settings.thankForComments = try conversation.bool("thank_for_comments") ?? settings.thankForComments
            settings.confirmStop = try conversation.bool("confirm_stop") ?? settings.confirmStop
            if let languages = try conversation.table("languages") {
                for key in languages.keys {
                    guard let code = try languages.string(key) else { continue }
                    settings.languageKeywords[key.lowercased()] = code
                }
            }
            configuration.conversation = settings
        }
        if let templates = try reader.table("templates") {
            for code in templates.keys {
                guard let table = try templates.table(code) else { continue }
                let fields = [
                    "thanks_and_follow_up", "thanks_for_comment", "stopped", "started", "help", "language_chosen",
                ]
                try table.allow(fields)
                var base = configuration.conversation.templates[code] ?? .english
                let known = configuration.conversation.templates[code] != nil
                if !known && complete {
                    // A new language must give every text: half-English replies would confuse patients.
                    for field in fields where try table.string(field) == nil {
                        throw ConfigurationError(
                            key: "templates.\(code).\(field)",
                            line: nil,
                            message: "missing; a new language needs every reply text"
                        )
                    }
                }
                base.thanksAndFollowUp = try table.string("thanks_and_follow_up") ?? base.thanksAndFollowUp
                base.thanksForComment = try table.string("thanks_for_comment") ?? base.thanksForComment
                base.stopped = try table.string("stopped") ?? base.stopped
                base.started = try table.string("started") ?? base.started
                base.help = try table.string("help") ?? base.help
                base.languageChosen = try table.string("language_chosen") ?? base.languageChosen
                configuration.conversation.templates[code] = base
            }
        }
        if complete {
            try checkReferences(configuration.conversation)
        }
        return configuration
    }

    /// Every language the conversation can switch to has reply texts.
    private static func checkReferences(_ conversation: ConversationSettings) throws {
        guard conversation.templates[conversation.defaultLanguage] != nil else {
            throw ConfigurationError(
                key: "conversation.default_language",
                line: nil,
                message:
                    "no reply texts for '\(conversation.defaultLanguage)'; add [templates.\(conversation.defaultLanguage)]"
            )
        }
        for (keyword, code) in conversation.languageKeywords.sorted(by: { $0.key < $1.key })
        where conversation.templates[code] == nil {
            throw ConfigurationError(
                key: "conversation.languages.\(keyword)",
                line: nil,
                message: "no reply texts for '\(code)'; add [templates.\(code)]"
            )
        }
    }
}

extension DeviceConfiguration {
    private static func parseKiosk(_ table: TableReader, into kiosk: inout Kiosk) throws {
        try table.allow([
            "framebuffer", "touch", "console", "rotation", "width_mm", "height_mm", "calibration", "mode",
            "survey_version", "specialty_codes", "default_language", "languages", "audience", "staff_pin",
            "mount_height_mm", "idle_seconds", "free_text_idle_seconds", "suspect_repeat_seconds", "audio_directory",
            "audio_player",
        ])
        kiosk.framebuffer = try table.string("framebuffer") ?? kiosk.framebuffer
        kiosk.touch = try table.string("touch") ?? kiosk.touch
        kiosk.console = try table.string("console") ?? kiosk.console
        if let rotation = try table.integer("rotation", in: 0...270) {
            guard rotation % 90 == 0 else {
                throw ConfigurationError(key: "kiosk.rotation", line: nil, message: "must be 0, 90, 180 or 270")
            }
            kiosk.rotation = rotation
        }
        kiosk.widthMillimetres = try table.number("width_mm", in: 0...2_000) ?? kiosk.widthMillimetres
        kiosk.heightMillimetres = try table.number("height_mm", in: 0...2_000) ?? kiosk.heightMillimetres
        if let calibration = try table.string("calibration") {
            let numbers = calibration.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard calibration.isEmpty || numbers.count == 6 else {
                throw ConfigurationError(
                    key: "kiosk.calibration",
                    line: nil,
                    message: "six numbers in libinput's format, such as \"1 0 0 0 1 0\""
                )
            }
            kiosk.calibration = calibration
        }
        kiosk.mode = try table.string("mode") ?? kiosk.mode
        kiosk.surveyVersion = try table.string("survey_version") ?? kiosk.surveyVersion
        kiosk.specialtyCodes = try table.strings("specialty_codes") ?? kiosk.specialtyCodes
        kiosk.defaultLanguage = try table.string("default_language") ?? kiosk.defaultLanguage
        kiosk.languages = try table.strings("languages") ?? kiosk.languages
        if let audience = try table.string("audience") {
            guard ["standard", "children", "easy-read"].contains(audience) else {
                throw ConfigurationError(
                    key: "kiosk.audience",
                    line: nil,
                    message: "one of standard, children, easy-read; got '\(audience)'"
                )
            }
            kiosk.audience = audience
        }
        if let pin = try table.string("staff_pin") {
            guard pin.isEmpty || ((4...8).contains(pin.count) && pin.allSatisfy(\.isNumber)) else {
                throw ConfigurationError(key: "kiosk.staff_pin", line: nil, message: "a PIN is 4 to 8 digits")
            }
            kiosk.staffPIN = pin
        }
        kiosk.mountHeightMillimetres =
            try table.number("mount_height_mm", in: 0...3_000) ?? kiosk.mountHeightMillimetres
        kiosk.idleSeconds = try table.integer("idle_seconds", in: 10...3_600) ?? kiosk.idleSeconds
        kiosk.freeTextIdleSeconds =
            try table.integer("free_text_idle_seconds", in: 10...3_600) ?? kiosk.freeTextIdleSeconds
        kiosk.suspectRepeatSeconds =
            try table.integer("suspect_repeat_seconds", in: 0...3_600) ?? kiosk.suspectRepeatSeconds
        kiosk.audioDirectory = try table.string("audio_directory") ?? kiosk.audioDirectory
        kiosk.audioPlayer = try table.string("audio_player") ?? kiosk.audioPlayer
    }
}

extension DeviceConfiguration {
    private static func parseSync(_ table: TableReader, into sync: inout Sync) throws {
        try table.allow([
            "hub", "ca_file", "client_certificate", "client_key", "token_file", "target", "careconnect_url",
            "careconnect_username", "careconnect_password_file", "fhir_url",
        ])
        func path(_ key: String) throws -> String? {
            guard let value = try table.string(key), !value.isEmpty else { return nil }
            guard value.hasPrefix("/") else {
                throw ConfigurationError(
                    key: "sync.\(key)",
                    line: nil,
                    message: "must be an absolute path (starting with /), got '\(value)'"
                )
            }
            return value
        }
        func url(_ key: String) throws -> String? {
            guard let value = try table.string(key), !value.isEmpty else { return nil }
            return try Sync.validateURL(value, key: "sync.\(key)")
        }
        sync.hub = try url("hub")
        sync.caFile = try path("ca_file")
        sync.clientCertificate = try path("client_certificate")
        sync.clientKey = try path("client_key")
        sync.tokenFile = try path("token_file")
        switch (sync.clientCertificate, sync.clientKey) {
        case (.some, nil):
            throw ConfigurationError(
                key: "sync.client_key",
                line: nil,
                message: "missing; a client certificate needs its private key"
            )
        case (nil, .some):
            throw ConfigurationError(
                key: "sync.client_certificate",
                line: nil,
                message: "missing; a client key needs its certificate"
            )
        default: break
        }
        if let target = try table.string("target") {
            guard let known = Sync.Target.all.first(where: { $0.rawValue == target }) else {
                throw ConfigurationError(
                    key: "sync.target",
                    line: nil,
                    message: "one of \(Sync.Target.all.map(\.rawValue).joined(separator: ", ")); got '\(target)'"
                )
            }
            sync.target = known
        }
        sync.careConnectURL = try url("careconnect_url")
        sync.careConnectUsername = try table.string("careconnect_username").flatMap { $0.isEmpty ? nil : $0 }
        sync.careConnectPasswordFile = try path("careconnect_password_file")
        sync.fhirURL = try url("fhir_url")
        if sync.target == .careConnectV01 {
            for (key, value) in [
                ("careconnect_url", sync.careConnectURL), ("careconnect_username", sync.careConnectUsername),
                ("careconnect_password_file", sync.careConnectPasswordFile),
            ] where value == nil {
                throw ConfigurationError(
                    key: "sync.\(key)",
                    line: nil,
                    message: "missing; target \"careconnect-v0.1\" needs it"
                )
            }
        }
        if sync.target == .fhirR4, sync.fhirURL == nil {
            throw ConfigurationError(key: "sync.fhir_url", line: nil, message: "missing; target \"fhir-r4\" needs it")
        }
    }
}

/// Typed access to one TOML table with key paths for errors.
private struct TableReader {
    let table: TOMLTable
    let path: String

    init(_ table: TOMLTable, path: String) {
        self.table = table
        self.path = path
    }

    var keys: [String] { table.keys }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func allow(_ known: [String]) throws {
        for key in table.keys where !known.contains(key) {
            throw ConfigurationError(
                key: name(key),
                line: nil,
                message: "unknown key; expected one of: \(known.joined(separator: ", "))"
            )
        }
    }

    func table(_ key: String) throws -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be a table ([\(name(key))])")
        }
        return TableReader(inner, path: name(key))
    }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be a string in quotes")
        }
        return string
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let integer = value.int else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be a whole number")
        }
        guard range.contains(integer) else {
            throw ConfigurationError(
                key: name(key),
                line: nil,
                message: "must be between \(range.lowerBound) and \(range.upperBound), got \(integer)"
            )
        }
        return integer
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be a number")
        }
        guard range.contains(number) else {
            throw ConfigurationError(
                key: name(key),
                line: nil,
                message: "must be between \(range.lowerBound) and \(range.upperBound), got \(number)"
            )
        }
        return number
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be a list of strings, such as [\"300\"]")
        }
        return try array.map { element in
            guard let string = element.string else {
                throw ConfigurationError(key: name(key), line: nil, message: "must be a list of strings in quotes")
            }
            return string
        }
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else {
            throw ConfigurationError(key: name(key), line: nil, message: "must be true or false")
        }
        return bool
    }
}
