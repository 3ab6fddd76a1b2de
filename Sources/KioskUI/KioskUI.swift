// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// The kiosk model: screens, layout in millimetres, survey state and touch handling (pure).
