// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import MessageStore
import SyncClient
import SyncProtocol

extension CareConnect {
    /// `careconnect provision`: enrols the device with the hub and keeps its token.
    struct Provision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provision",
            abstract: "Enrol this device with the hub using a one-time code, and store its token (mode 0600).",
            discussion: """
                Staff create the code on the hub with `careconnect hub enrolment-code --ward NAME`. The token is \
                written to hub-token.json in the state directory, readable by its owner only, and is never \
                printed.
                """
        )

        @OptionGroup var state: SyncStateOptions

        @Option(name: .customLong("enrol"), help: "The one-time enrolment code.")
        var code: String

        @Option(help: "The hub's base URL, for example https://hub.example.nhs.uk.")
        var hub: String

        @Option(name: .customLong("ca-file"), help: "Trust only these CA certificates (PEM) for the hub.")
        var caFile: String?

        @Option(help: "What this device is: sms-gateway or kiosk.")
        var kind = "sms-gateway"

        func run() async throws {
            let directory = try state.resolve()
            let path = DeviceCredentials.path(stateDirectory: directory)
            let connection: HubConnection
            do {
                connection = try HubConnection(baseURL: hub, caFile: caFile)
            } catch {
                throw CommandError("\(error)")
            }
            defer { Task { await connection.shutdown() } }
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
                throw CommandError("\(error)")
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
