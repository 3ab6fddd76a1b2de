// swift-tools-version:6.1
import PackageDescription

/// Strict settings shared by every target.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "careconnect",
    products: [
        .executable(name: "careconnect", targets: ["careconnect"]),
        .library(name: "SMSPDU", targets: ["SMSPDU"]),
        .library(name: "ATProtocol", targets: ["ATProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Pure 3GPP TS 23.040 / 23.038 codec: no I/O, no Foundation.
        .target(
            name: "SMSPDU",
            swiftSettings: strictSettings
        ),
        // AT command syntax only (3GPP TS 27.007 / 27.005): framing, results, error codes.
        .target(
            name: "ATProtocol",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        // Transport-independent modem engine: command queue, timeouts, URC routing, quirks, recovery.
        .target(
            name: "ModemEngine",
            dependencies: [
                "ATProtocol",
                "SMSPDU",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The only code touching /dev/tty*: termios and non-blocking I/O through NIOPipeBootstrap.
        .target(
            name: "SerialTransport",
            dependencies: [
                "ModemEngine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // A modem that behaves like a real one on a pseudo-terminal: AT, PDU mode, storage, faults.
        .target(
            name: "ModemSimulator",
            dependencies: [
                "ATProtocol",
                "SMSPDU",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The durable SQLite store shared by every service: inbox, outbox, conversations, sync outbox.
        .target(
            name: "MessageStore",
            dependencies: [
                "SMSPDU",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The ward's text conversation (Friends and Family Test flow, keywords, protections); pure.
        .target(
            name: "WardConversation",
            swiftSettings: strictSettings
        ),
        // The device's TOML configuration file, validated with errors that name the key.
        .target(
            name: "DeviceConfiguration",
            dependencies: ["WardConversation", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings
        ),
        // libudev, for finding the modem's AT port.
        .systemLibrary(
            name: "CUdev",
            pkgConfig: "libudev",
            providers: [.apt(["libudev-dev"])]
        ),
        // Where the modem is: the configured symlink, a port our udev rule marked, or a known USB modem.
        .target(
            name: "ModemDiscovery",
            dependencies: ["CUdev"],
            swiftSettings: strictSettings
        ),
        // The kiosk model: survey state, screens as draw lists, layout in millimetres, touch handling. Pure.
        .target(
            name: "KioskUI",
            swiftSettings: strictSettings
        ),
        // Cairo and Pango (text shaping and bidi), for drawing the kiosk's screens.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // Rasterises the kiosk's draw lists into pixels and PNG files.
        .target(
            name: "KioskRendering",
            dependencies: ["KioskUI", "CPangoCairo"],
            swiftSettings: strictSettings
        ),
        // libevdev, for the touchscreen.
        .systemLibrary(
            name: "CEvdev",
            pkgConfig: "libevdev",
            providers: [.apt(["libevdev-dev"])]
        ),
        // Linux framebuffer, console and input ioctls (the _IOR/_IOW macros Swift cannot import).
        .target(
            name: "CKioskLinux"
        ),
        // The kiosk's Linux backends: /dev/fb*, the virtual terminal, evdev touch with calibration.
        .target(
            name: "KioskLinux",
            dependencies: ["KioskUI", "CKioskLinux", "CEvdev", "CUdev"],
            swiftSettings: strictSettings
        ),
        // Small pieces every daemon needs: systemd notification.
        .target(
            name: "ServiceSupport",
            swiftSettings: strictSettings
        ),
        // Composition roots: the long-running services, built from configuration.
        .target(
            name: "GatewayDaemons",
            dependencies: [
                "ATProtocol", "SMSPDU", "ModemEngine", "SerialTransport", "MessageStore", "WardConversation",
                "DeviceConfiguration", "ModemDiscovery", "ServiceSupport", "KioskUI", "KioskRendering",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support shared by test targets: recorded modem transcripts and their replay.
        .target(
            name: "ModemTesting",
            dependencies: ["ModemEngine"],
            swiftSettings: strictSettings
        ),
        // zlib, for gzip request bodies in both directions of the sync protocol.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The upstream sync protocol: wire types, backoff, circuit breaker, batch sizing, clock offset. No I/O.
        .target(
            name: "SyncProtocol",
            dependencies: ["CZlib"],
            swiftSettings: strictSettings
        ),
        // The device side of sync: uploads the sync outbox, long-polls for commands, over HTTPS.
        .target(
            name: "SyncClient",
            dependencies: [
                "SyncProtocol",
                "MessageStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The reference hub: the sync protocol's server side on SQLite, with a small staff page per ward.
        .target(
            name: "Hub",
            dependencies: [
                "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Upstream targets other than the hub: Care Connect API v0.1 (with a durable reference ledger) and FHIR R4.
        .target(
            name: "UpstreamAdapters",
            dependencies: [
                "SyncProtocol",
                "SyncClient",
                "MessageStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Health checks for estates staff (`careconnect doctor`) and the node_exporter metrics textfile.
        .target(
            name: "DeviceHealth",
            dependencies: [
                "DeviceConfiguration",
                "MessageStore",
                "ModemDiscovery",
                "ModemEngine",
                "ATProtocol",
                "SerialTransport",
                "KioskLinux",
                "KioskUI",
                "SyncClient",
                "SyncProtocol",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The `careconnect` subcommands; the executable only calls into this.
        .target(
            name: "CareConnectCommands",
            dependencies: [
                "SMSPDU",
                "ATProtocol",
                "ModemEngine",
                "SerialTransport",
                "ModemSimulator",
                "MessageStore",
                "DeviceConfiguration",
                "GatewayDaemons",
                "ModemDiscovery",
                "ServiceSupport",
                "WardConversation",
                "KioskUI",
                "KioskRendering",
                "KioskLinux",
                "SyncProtocol",
                "SyncClient",
                "UpstreamAdapters",
                "Hub",
                "DeviceHealth",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "careconnect",
            dependencies: ["CareConnectCommands"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SMSPDUTests",
            dependencies: [
                "SMSPDU",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ATProtocolTests",
            dependencies: ["ATProtocol", "ModemTesting", .product(name: "NIOCore", package: "swift-nio")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SerialTransportTests",
            dependencies: ["SerialTransport", "ModemEngine", "ATProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ModemEngineTests",
            dependencies: ["ModemEngine", "ModemTesting", "ATProtocol", "SMSPDU"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ModemSimulatorTests",
            dependencies: ["ModemSimulator", "ModemEngine", "SerialTransport", "ATProtocol", "SMSPDU"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WardConversationTests",
            dependencies: ["WardConversation"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DeviceConfigurationTests",
            dependencies: ["DeviceConfiguration", "WardConversation"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ModemDiscoveryTests",
            dependencies: ["ModemDiscovery"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ServiceSupportTests",
            dependencies: ["ServiceSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GatewayDaemonsTests",
            dependencies: [
                "GatewayDaemons", "ModemSimulator", "MessageStore", "ModemDiscovery", "DeviceConfiguration", "SMSPDU",
                "WardConversation", "careconnect", "KioskUI", "KioskLinux", "KioskRendering",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskUITests",
            dependencies: ["KioskUI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskRenderingTests",
            dependencies: ["KioskRendering", "KioskUI"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskScreensTests",
            dependencies: ["KioskUI", "KioskRendering"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskLinuxTests",
            dependencies: ["KioskLinux", "KioskUI"],
            resources: [.copy("Recordings")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MessageStoreTests",
            dependencies: ["MessageStore", "SMSPDU", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CareConnectCommandsTests",
            dependencies: ["CareConnectCommands", "SMSPDU", "MessageStore", "careconnect"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyncProtocolTests",
            dependencies: ["SyncProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "SyncProtocol", "SyncClient", "Hub", "MessageStore", "DeviceConfiguration", "WardConversation",
                "careconnect",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UpstreamAdaptersTests",
            dependencies: [
                "UpstreamAdapters", "SyncProtocol", "SyncClient", "MessageStore", "careconnect",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HubPostgresTests",
            dependencies: [
                "Hub", "SyncProtocol", "SyncClient", "MessageStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StaffWebTests",
            dependencies: [
                "Hub", "SyncProtocol", "SyncClient", "MessageStore", "ModemSimulator", "GatewayDaemons", "careconnect",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DeviceHealthTests",
            dependencies: [
                "DeviceHealth", "DeviceConfiguration", "MessageStore", "careconnect", "ModemSimulator",
                "ModemDiscovery", "Hub", "SyncClient", "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DeploymentTests",
            dependencies: ["ModemDiscovery", "ModemEngine", "DeviceConfiguration", "KioskUI", "careconnect"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
