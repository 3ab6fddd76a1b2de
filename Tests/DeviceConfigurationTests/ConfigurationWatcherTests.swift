// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import DeviceConfiguration
import Foundation
import Testing

/// The watcher notices changes to the real configuration file and overlay, and only then loads them.
@Suite struct ConfigurationWatcherTests {
    @Test func reloadsOnlyWhenAFileChanges() throws {
        let device = try ManagedOverlayTests.Device()
        defer { device.remove() }
        let watcher = ConfigurationWatcher(configurationPath: device.configurationPath)
        #expect(watcher.overlayPath == device.overlayPath)
        #expect(try watcher.reloadIfChanged() == nil, "nothing changed yet")

        // The hub's settings arrive
        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        let first = try #require(try watcher.reloadIfChanged())
        #expect(first.ward.name == "Ward 9")
        #expect(first.managed?.etag == "\"v3\"")
        #expect(try watcher.reloadIfChanged() == nil, "seen once")

        // The same document again is not a change
        try device.apply(#"{"ward": {"name": "Ward 9"}}"#, etag: "\"v3\"")
        #expect(try watcher.reloadIfChanged() == nil)

        // A new document of the same size, written at once
        try device.apply(#"{"ward": {"name": "Ward 8"}}"#, etag: "\"v4\"")
        #expect(try watcher.reloadIfChanged()?.ward.name == "Ward 8")

        // The file edited in place
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: device.configurationPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("[sync]\nhub = \"https://hub.example.nhs.uk\"\n".utf8))
        try handle.close()
        #expect(try watcher.reloadIfChanged()?.sync.hub == "https://hub.example.nhs.uk")
    }

    @Test func brokenFileThrowsOnceAndKeepsWatching() throws {
        let device = try ManagedOverlayTests.Device()
        defer { device.remove() }
        let watcher = ConfigurationWatcher(configurationPath: device.configurationPath)
        try device.write("[modem]\nbaud = 7\n")
        #expect(throws: ConfigurationError.self) { try watcher.reloadIfChanged() }
        #expect(try watcher.reloadIfChanged() == nil, "the same broken file is reported once")
        try device.write("[ward]\nname = \"Ward 3\"\n")
        #expect(try watcher.reloadIfChanged()?.ward.name == "Ward 3")
    }

    @Test func followsTheStateDirectoryTheFileNames() throws {
        let device = try ManagedOverlayTests.Device()
        let other = try ManagedOverlayTests.Device()
        defer {
            device.remove()
            other.remove()
        }
        let watcher = ConfigurationWatcher(configurationPath: device.configurationPath)
        try DeviceConfiguration.writeFile(
            "[storage]\nstate_directory = \"\(other.directory)\"\n",
            to: device.configurationPath,
            group: nil
        )
        #expect(try watcher.reloadIfChanged()?.storage.stateDirectory == other.directory)
        #expect(watcher.overlayPath == other.overlayPath)
        try DeviceConfiguration.applyManagedSettings(
            ManagedSettings(etag: "\"v9\"", json: Data(#"{"ward": {"name": "Ward 11"}}"#.utf8)),
            configurationPath: device.configurationPath
        )
        #expect(try watcher.reloadIfChanged()?.ward.name == "Ward 11")
    }
}
