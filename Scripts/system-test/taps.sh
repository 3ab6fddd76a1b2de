# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# The system test's walk through the survey, sourced by run.sh: the centres of the targets as
# `careconnect kiosk --snapshot --width 800 --height 480 --diagonal 9.18269 --lang en` draws them (en-start.png,
# en-free-text.png): 800x480 at 200 x 120 mm, the size QEMU's display reports. A layout change that moves them
# makes "changes the screen" fail.
tap_and_check "Very good" 155 233
tap_and_check Next 708 442
tap_and_check Skip 708 372
