// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import DeviceConfiguration
import Foundation
import MessageStore
import SyncClient
import SyncProtocol

extension CareConnect {
    /// `careconnect provision`: writes the device's configuration (ward, trust, hub, SIM PIN, screen rotation)
    /// and enrols it with the hub.
    struct Provision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provision",
            abstract: "Set up this device: ward, trust, hub, SIM PIN and screen; enrol it with the hub.",
            discussion: """
                On a terminal it asks for anything not given as an option, showing the current value in \
                [brackets] (Enter keeps it) and asking again when an answer is not valid. With \
                --non-interactive (or without a terminal) it uses the options only.

                The configuration file is updated in place: the keys set here are replaced, every other \
                setting and comment is kept. It is written atomically with mode 0640 (group careconnect when \
                that group exists), then loaded back to check it. A file that is not valid is not touched \
                unless --force is given (it is then kept as FILE.bak and replaced). Nothing is written when \
                any answer is invalid.

                With --enrol CODE the device then enrols with the hub: staff create the code on the hub with \
                `careconnect hub enrolment-code --ward NAME`. The token is written to hub-token.json in the \
                state directory (or [sync] token_file), readable by its owner only, and is never printed.
                """
        )

        @OptionGroup var state: SyncStateOptions

        @Option(help: "The ward's name as patients know it, such as \"Ward 7\".")
        var ward: String?

        @Option(name: .customLong("ods-code"), help: "The trust's ODS code (3 or 5 letters/digits, such as RXX).")
        var odsCode: String?

        @Option(name: .customLong("site-code"), help: "The site's code (3 to 8 letters/digits, such as RXX01).")
        var siteCode: String?

        @Option(help: "The hub's base URL, for example https://hub.example.nhs.uk.")
        var hub: String?

        @Option(name: .customLong("enrol"), help: "A one-time enrolment code from the hub: enrol after writing.")
        var code: String?

        @Option(name: .customLong("sim-pin"), help: "The SIM's PIN (4 to 8 digits), if the SIM asks for one.")
        var simPIN: String?

        @Option(help: "Clockwise rotation of the screen: 0, 90, 180 or 270.")
        var rotation: Int?

        @Option(name: .customLong("ca-file"), help: "Trust only these CA certificates (PEM) for the hub.")
        var caFile: String?

        @Option(name: .customLong("client-certificate"), help: "The device's certificate (PEM) for mTLS.")
        var clientCertificate: String?

        @Option(name: .customLong("client-key"), help: "The device certificate's private key (PEM, mode 0640).")
        var clientKey: String?

        @Option(help: "What this device is: sms-gateway or kiosk.")
        var kind = "sms-gateway"

        @Flag(help: "Never ask; fail when something needed is missing.")
        var nonInteractive = false

        @Flag(help: "Replace a configuration file that is not valid (keeping it as FILE.bak).")
        var force = false

        func run() async throws {
            let path = state.configPath
            let existing = try readExisting(path)
            var prompter = Prompter(enabled: !nonInteractive && isatty(STDIN_FILENO) == 1)
            let answers = try gatherAnswers(current: existing.configuration, prompter: &prompter)
            var editor = ConfigurationFileEditor(text: existing.text)
            for edit in answers { editor.set(edit.section, edit.key, literal: edit.literal) }
            let configuration: DeviceConfiguration
            do {
                configuration = try DeviceConfiguration.parse(editor.text)
            } catch {
                throw CommandError("the new configuration would not be valid (\(error)); nothing written")
            }
            if existing.broken {
                try? FileManager.default.removeItem(atPath: path + ".bak")
                try FileManager.default.copyItem(atPath: path, toPath: path + ".bak")
            }
            if answers.isEmpty && FileManager.default.fileExists(atPath: path) {
                print("Nothing to change in \(path).")
            } else {
                try DeviceConfiguration.writeFile(editor.text, to: path)
                let loaded = try DeviceConfiguration.load(path: path)
                guard loaded == configuration else {
                    throw CommandError("\(path) did not read back as written; check the disk")
                }
                print("Wrote \(path) (\(answers.count) setting\(answers.count == 1 ? "" : "s")); it loads.")
            }
            if let code = code ?? prompter.enrolmentCode {
                try await enrol(code: code, configuration: configuration)
            }
        }

        // MARK: - Answers

        /// One key to set.
        struct Edit {
            var section: String
            var key: String
            var literal: String
        }

        /// The existing file's text and meaning.
        private func readExisting(
            _ path: String
        ) throws -> (text: String, configuration: DeviceConfiguration, broken: Bool) {
            guard FileManager.default.fileExists(atPath: path) else { return ("", DeviceConfiguration(), false) }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CommandError("cannot read \(path): \(error.localizedDescription)")
            }
            do {
                return (text, try DeviceConfiguration.parse(text), false)
            } catch {
                guard force else {
                    throw CommandError(
                        "\(path) is not valid (\(error)); fix it, or run again with --force to replace it (kept as \(path).bak)"
                    )
                }
                return ("", DeviceConfiguration(), true)
            }
        }

        private func gatherAnswers(current: DeviceConfiguration, prompter: inout Prompter) throws -> [Edit] {
            var edits: [Edit] = []
            func field(
                flag: String,
                section: String,
                key: String,
                given: String?,
                question: String,
                current: String?,
                required: Bool = false,
                secret: Bool = false,
                integer: Bool = false
            ) throws {
                let validate: (String) throws -> String = { value in
                    if integer, Int(value) == nil { throw CommandError("must be a whole number, got '\(value)'") }
                    let literal = integer ? value : ConfigurationFileEditor.quoted(value)
                    do {
                        _ = try DeviceConfiguration.parse("[\(section)]\n\(key) = \(literal)\n")
                    } catch let error as ConfigurationError {
                        throw CommandError(error.message)
                    }
                    return literal
                }
                if let given {
                    do {
                        edits.append(Edit(section: section, key: key, literal: try validate(given)))
                    } catch {
                        throw CommandError("\(flag): \(error); nothing written")
                    }
                    return
                }
                let known = current.flatMap { $0.isEmpty ? nil : $0 }
                guard prompter.enabled else {
                    if required && known == nil {
                        throw CommandError("\(flag) is needed (no terminal to ask on); nothing written")
                    }
                    return
                }
                if let answer = try prompter.ask(
                    question,
                    current: known,
                    required: required,
                    secret: secret,
                    validate: validate
                ) {
                    edits.append(Edit(section: section, key: key, literal: answer))
                }
            }
            try field(
                flag: "--ward",
                section: "ward",
                key: "name",
                given: ward,
                question: "Ward name, as patients know it",
                current: current.ward.name == DeviceConfiguration().ward.name ? nil : current.ward.name,
                required: true
            )
            try field(
                flag: "--ods-code",
                section: "ward",
                key: "trust_ods",
                given: odsCode?.uppercased(),
                question: "Trust ODS code (such as RXX)",
                current: current.ward.trustODSCode,
                required: true
            )
            try field(
                flag: "--site-code",
                section: "ward",
                key: "site_code",
                given: siteCode?.uppercased(),
                question: "Site code (such as RXX01; Enter to skip)",
                current: current.ward.siteCode
            )
            try field(
                flag: "--hub",
                section: "sync",
                key: "hub",
                given: hub,
                question: "Hub address (such as https://hub.example.nhs.uk; Enter to skip)",
                current: current.sync.hub
            )
            for (flag, key, value) in [
                ("--ca-file", "ca_file", caFile), ("--client-certificate", "client_certificate", clientCertificate),
                ("--client-key", "client_key", clientKey),
            ] {
                guard let value else { continue }
                try field(
                    flag: flag,
                    section: "sync",
                    key: key,
                    given: Self.absolute(value),
                    question: "",
                    current: nil
                )
            }
            try field(
                flag: "--sim-pin",
                section: "modem",
                key: "sim_pin",
                given: simPIN,
                question: "SIM PIN (from the SIM's paperwork; Enter if it has none)",
                current: current.modem.simPIN.map { _ in "keep the current PIN" },
                secret: true
            )
            try field(
                flag: "--rotation",
                section: "kiosk",
                key: "rotation",
                given: rotation.map(String.init),
                question: "Screen rotation, clockwise (0, 90, 180 or 270)",
                current: String(current.kiosk.rotation),
                integer: true
            )
            if let stateDirectory = state.stateDirectory {
                edits.append(
                    Edit(
                        section: "storage",
                        key: "state_directory",
                        literal: ConfigurationFileEditor.quoted(Self.absolute(stateDirectory))
                    )
                )
            }
            if code == nil, prompter.enabled, current.sync.hub != nil || edits.contains(where: { $0.key == "hub" }) {
                prompter.enrolmentCode = try prompter.ask(
                    "Enrolment code from the hub (Enter to skip)",
                    current: nil,
                    required: false,
                    secret: false,
                    validate: { $0 }
                )
            }
            return edits
        }

        static func absolute(_ path: String) -> String {
            path.hasPrefix("/")
                ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        }

        // MARK: - Enrolment

        private func enrol(code: String, configuration: DeviceConfiguration) async throws {
            guard let hubURL = configuration.sync.hub else {
                throw CommandError("--enrol needs the hub's address: give --hub")
            }
            let directory = state.stateDirectory ?? configuration.storage.stateDirectory
            let path = configuration.sync.tokenPath(stateDirectory: directory)
            let connection: HubConnection
            do {
                connection = try HubConnection(
                    baseURL: hubURL,
                    caFile: configuration.sync.caFile,
                    clientCertificate: configuration.sync.clientCertificate,
                    clientKey: configuration.sync.clientKey
                )
            } catch {
                throw CommandError("\(error)")
            }
            let response: EnrollResponse
            do {
                response = try await connection.enroll(
                    EnrollRequest(
                        enrollmentCode: code,
                        deviceUUID: UUID().uuidString.lowercased(),
                        kind: kind,
                        appVersion: CareConnect.configuration.version
                    )
                )
            } catch {
                await connection.shutdown()
                throw CommandError("enrolment failed: \(error) (the configuration is written; run again with --enrol)")
            }
            await connection.shutdown()
            try DeviceCredentials(deviceID: response.deviceID, ward: response.ward, token: response.token).save(
                path: path
            )
            let store = try MessageStore(path: (directory as NSString).appendingPathComponent("careconnect.sqlite"))
            try store.setSyncState([.deviceID: response.deviceID], now: Date())
            print("Enrolled as \(response.deviceID) for \(response.ward); token saved in \(path) (mode 0600).")
        }
    }
}
