// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import Logging
public import ServiceLifecycle
import SyncProtocol

/// `careconnect sync` as a service: an uplink loop that drains the sync outbox and a downlink loop that long-polls
/// for commands, until graceful shutdown.
public struct SyncService: Service {
    let engine: SyncEngine
    let settings: SyncSettings
    let logger: Logger

    public init(engine: SyncEngine, settings: SyncSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        let hasDownlink = await engine.hasDownlink
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await uplink() }
            if hasDownlink {
                group.addTask { await downlink() }
                group.addTask { await heartbeat() }
            }
            await group.waitForAll()
        }
    }

    private func uplink() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let step = await engine.uploadOnce()
                let pause: Duration
                switch step {
                case .progressed: continue
                case .drained: pause = settings.idleInterval
                case .wait(let duration): pause = duration
                case .needsCredentials:
                    logger.error("the upstream refused this device's credentials: provision it again")
                    pause = .seconds(300)
                }
                do { try await Task.sleep(for: pause) } catch { return }
            }
        }
    }

    private func downlink() async {
        await cancelWhenGracefulShutdown {
            var failures = 0
            while !Task.isCancelled {
                do {
                    _ = try await engine.pollCommandsOnce(wait: settings.longPollSeconds)
                    failures = 0
                } catch {
                    failures += 1
                    logger.warning("command poll failed", metadata: ["error": "\(error)"])
                    do {
                        try await Task.sleep(for: settings.backoff.delay(afterFailures: failures))
                    } catch { return }
                }
            }
        }
    }

    /// Asks for the managed settings and records a heartbeat at start, then every `heartbeatInterval`.
    private func heartbeat() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await engine.refreshConfigurationOnce()
                } catch {
                    logger.warning("could not ask the hub for managed settings", metadata: ["error": "\(error)"])
                }
                do {
                    try await engine.recordHeartbeat()
                } catch {
                    logger.error("could not record a heartbeat", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: settings.heartbeatInterval) } catch { return }
            }
        }
    }

    private func cancelWhenGracefulShutdown(_ body: @escaping @Sendable () async -> Void) async {
        await ServiceLifecycle.cancelWhenGracefulShutdown { await body() }
    }
}
