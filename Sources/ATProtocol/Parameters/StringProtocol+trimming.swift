// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

extension StringProtocol {
    /// The text without leading and trailing occurrences of `character`.
    func trimmingCharacters(in character: Character) -> String {
        guard let first = self.firstIndex(where: { $0 != character }),
            let last = self.lastIndex(where: { $0 != character })
        else { return "" }
        return String(self[first...last])
    }
}
