// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import Foundation
import SyncClient
import Testing

@Suite("Device token file ownership")
struct DeviceCredentialsOwnerTests {
    /// A token saved by root into a state directory owned by the service's user belongs to that user, mode 0600,
    /// so `careconnect sync` running as that user can read what `sudo careconnect provision --enrol` wrote.
    @Test(.enabled(if: geteuid() == 0, "needs root to hand a file to another user"))
    func tokenSavedByRootBelongsToTheStateDirectoryOwner() throws {
        // Given a state directory owned by an unprivileged user
        let directory = try temporaryDirectory("token-owner")
        let serviceUser: uid_t = 65534
        let serviceGroup: gid_t = 65534
        #expect(chown(directory, serviceUser, serviceGroup) == 0)

        // When root saves the device's token there
        let path = directory + "/hub-token.json"
        try DeviceCredentials(deviceID: "ward7-gw-01", ward: "Ward 7", token: "secret").save(path: path)

        // Then it belongs to the directory's owner, readable by nobody else
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_uid == serviceUser)
        #expect(status.st_gid == serviceGroup)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try DeviceCredentials.load(path: path).token == "secret")
    }
}
