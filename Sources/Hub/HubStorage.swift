// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Foundation
public import SyncProtocol

/// Where the hub keeps its state: enrolment codes, devices, events, idempotency records, commands, each ward's
/// managed settings and each device's latest heartbeat.
///
/// Two kinds exist: ``HubStore`` (one SQLite file, embedded, the default) and ``PostgresHubStore`` (one PostgreSQL
/// database that several hub replicas may share behind a load balancer). Every operation is one transaction, so an
/// answer the hub sends describes what is stored, and every guarantee (each event stored once, idempotency keys,
/// one-time enrolment codes, command cursors) holds in the database itself, not in one process's memory.
public protocol HubStorage: Sendable {
    /// Makes a one-time enrolment code for a ward, valid for `lifetime` (``HubStorageDefaults/enrolmentCodeLifetime``
    /// unless said otherwise); only its hash is stored.
    func createEnrolmentCode(ward: String, lifetime: TimeInterval, now: Date) async throws -> String

    /// Exchanges an unused, unexpired enrolment code for a device name and a new bearer token. Of two requests with
    /// the same code, exactly one succeeds.
    func enroll(_ request: EnrollRequest, now: Date) async throws -> EnrollResponse

    /// The device a bearer token belongs to, or nil.
    func device(token: String) async throws -> HubDevice?

    /// Stores a batch and returns the response body to send (see ``HubStore/ingest(_:device:idempotencyKey:fingerprint:now:)``).
    func ingest(
        _ batch: EventBatch,
        device: HubDevice,
        idempotencyKey: String?,
        fingerprint: String,
        now: Date
    ) async throws -> Data

    /// The device's commands after a cursor, oldest first, without changing anything.
    func commands(for device: HubDevice, after cursor: String?, limit: Int, now: Date) async throws -> CommandsResponse

    /// Makes an `sms.send` command for the ward's SMS gateway, valid for `lifetime`
    /// (``HubStorageDefaults/commandLifetime`` for staff replies); nil when the ward has none.
    func createSMSCommand(
        ward: String,
        payload: SMSSendPayload,
        lifetime: TimeInterval,
        now: Date
    ) async throws -> String?

    /// A command's state, or nil.
    func commandState(_ commandID: String) async throws -> String?

    /// Replaces the ward's managed settings with `config` (a JSON object of tables) as the next version, and in the
    /// same transaction makes a `config.update` command carrying the new ``ConfigurationDocument`` for every device
    /// enrolled in the ward, valid for ``HubStorageDefaults/configurationCommandLifetime``; wakes their long-polls.
    ///
    /// - Throws: ``HubError/Code/badRequest`` when `config` is not a JSON object.
    func setWardConfiguration(ward: String, config: JSONValue, now: Date) async throws -> HubConfigurationChange

    /// The ward's current managed settings; an empty document with ``ConfigurationDocument/emptyETag`` when none
    /// were ever set.
    func wardConfiguration(_ ward: String) async throws -> ConfigurationDocument

    /// Every device enrolled in the ward with what its latest heartbeat said, by device name.
    func deviceStatuses(ward: String) async throws -> [HubDeviceStatus]

    /// What the ward's staff page shows.
    func wardSummary(_ ward: String) async throws -> HubWardSummary

    /// How many events are stored, and how many distinct event ids: equal when nothing was stored twice.
    func eventCounts() async throws -> (events: Int, distinct: Int)

    /// A number that grows whenever a command for the device may have been created; read it before looking for
    /// commands, then ``waitForCommands(deviceID:after:timeout:)`` with it, so a command made in between is not missed.
    func commandGeneration(deviceID: String) -> UInt64

    /// Returns when a command for the device may have been created since `generation` was read, or after at most
    /// `timeout` (sooner when the storage checks the database on a shorter interval).
    func waitForCommands(deviceID: String, after generation: UInt64, timeout: Duration) async
}

/// The usual lifetimes of what the hub hands out.
public enum HubStorageDefaults {
    /// How long an enrolment code stays valid: seven days.
    public static let enrolmentCodeLifetime: TimeInterval = 7 * 24 * 3600
    /// How long a command waits for its device: a day.
    public static let commandLifetime: TimeInterval = 24 * 3600
    /// How long a `config.update` command waits for its device: seven days (a device that misses it still finds
    /// the settings with `GET /v1/config`).
    public static let configurationCommandLifetime: TimeInterval = 7 * 24 * 3600
}
