// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

public import WardConversation

/// The device's configuration file (TOML), with defaults that work on a fresh device.
///
/// Every key is optional. Unknown keys and wrongly typed values are errors that name the key and what was
/// expected, so a typo never silently falls back to a default.
public struct DeviceConfiguration: Hashable, Sendable {
    /// `[ward]`: who this device serves.
    public struct Ward: Hashable, Sendable {
        /// The ward's name as patients know it, used in replies and on the kiosk.
        public var name = "the ward"
        /// The trust's ODS code (3 or 5 characters), for FFT exports.
        public var trustODSCode = ""
        /// The site code, for FFT exports.
        public var siteCode = ""
        /// A short ward code, for FFT exports.
        public var wardCode = ""
    }

    /// `[storage]`.
    public struct Storage: Hashable, Sendable {
        /// Where the database and other state live.
        public var stateDirectory = "/var/lib/careconnect"

        /// The database path.
        public var databasePath: String { stateDirectory + "/careconnect.sqlite" }
    }

    /// `[modem]`.
    public struct Modem: Hashable, Sendable {
        /// The AT port: the udev rule's stable symlink, or a tty path.
        public var device = "/dev/careconnect-modem"
        /// `auto` (from udev properties and identity) or a profile name.
        public var profile = "auto"
        public var baud = 115_200
        public var rtsCts = false
        /// The SIM PIN, if the SIM asks for one (keep this file mode 0600).
        public var simPIN: String?
        /// How often to sweep modem storage even without `+CMTI` (seconds).
        public var sweepIntervalSeconds = 60
        /// How long to wait for the missing parts of a long message before releasing it as partial (hours).
        public var multipartTimeoutHours = 24
    }

    public var ward = Ward()
    public var storage = Storage()
    public var modem = Modem()
    public var conversation = ConversationSettings()

    public init() {}
}
