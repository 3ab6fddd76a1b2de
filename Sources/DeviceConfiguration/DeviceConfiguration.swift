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

    /// The touchscreen kiosk (`[kiosk]`).
    public struct Kiosk: Hashable, Sendable {
        /// The framebuffer device.
        public var framebuffer = "/dev/fb0"
        /// The touchscreen's event device; empty to find it through udev (`ID_INPUT_TOUCHSCREEN=1`).
        public var touch = ""
        /// The virtual terminal the kiosk draws over (switched to graphics mode while it runs).
        public var console = "/dev/tty1"
        /// Clockwise rotation of the picture and touch: 0, 90, 180 or 270.
        public var rotation = 0
        /// The visible area in millimetres as mounted (before rotation); 0 to read it from the framebuffer.
        public var widthMillimetres = 0.0
        public var heightMillimetres = 0.0
        /// Six numbers in libinput's format; empty to use udev's `LIBINPUT_CALIBRATION_MATRIX` or none.
        public var calibration = ""
        /// The FFT collection mode recorded with each answer.
        public var mode = "Electronic Discharge"
        public var surveyVersion = "fft-2020.1"
        /// Treatment specialty codes recorded with each answer.
        public var specialtyCodes: [String] = []
        /// The language the kiosk starts in and returns to.
        public var defaultLanguage = "en"
        /// Language tags offered; empty for every launch language.
        public var languages: [String] = []
        /// `standard`, `children` or `easy-read`.
        public var audience = "standard"
        /// The staff screen's PIN (4 to 8 digits); empty disables the staff screen.
        public var staffPIN = ""
        /// Height of the screen's bottom edge above the floor, for the reach check; 0 when unknown.
        public var mountHeightMillimetres = 0.0
        /// Seconds without a touch before "Do you need more time?" on question screens.
        public var idleSeconds = 60
        /// The same on the free-text screen.
        public var freeTextIdleSeconds = 120
        /// A rating this soon after the previous one is flagged as a suspected repeat.
        public var suspectRepeatSeconds = 20
        /// Recordings for the Listen button, one per screen and language (`question.ur.standard.ogg`).
        public var audioDirectory = "/usr/share/careconnect/audio"
        /// The player and its options; the recording's path is added last. Empty turns Listen off.
        public var audioPlayer = "ogg123 -q"
    }

    public var ward = Ward()
    public var storage = Storage()
    public var modem = Modem()
    public var kiosk = Kiosk()
    public var sync = Sync()
    public var conversation = ConversationSettings()
    /// The hub's managed settings merged in by ``load(path:)``: nil when there are none (and for ``parse(_:)``).
    public var managed: ManagedStatus?

    public init() {}
}
