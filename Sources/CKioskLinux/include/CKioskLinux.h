// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// Linux framebuffer, console and input ioctls, wrapped because Swift cannot import the _IOR/_IOW macros.
#pragma once
#include <linux/fb.h>
#include <linux/kd.h>
#include <linux/vt.h>
#include <linux/input.h>
