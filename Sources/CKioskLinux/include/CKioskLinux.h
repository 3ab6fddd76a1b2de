// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// Linux framebuffer, console and input ioctls, wrapped because Swift cannot import the _IOR/_IOW macros.
// Every function returns 0 on success and -1 with errno set on failure, like the ioctl it wraps.
#pragma once
#include <stdint.h>
#include <linux/fb.h>
#include <linux/kd.h>
#include <linux/vt.h>
#include <linux/input.h>

/// FBIOGET_VSCREENINFO: the framebuffer's variable screen information (resolution, pixel format, panning).
int ck_fb_get_vscreeninfo(int fd, struct fb_var_screeninfo *info);

/// FBIOGET_FSCREENINFO: the framebuffer's fixed information (line length, memory length).
int ck_fb_get_fscreeninfo(int fd, struct fb_fix_screeninfo *info);

/// FBIOPAN_DISPLAY: shows the part of the virtual screen starting at (xoffset, yoffset).
int ck_fb_pan_display(int fd, uint32_t xoffset, uint32_t yoffset);

/// FBIOBLANK: FB_BLANK_POWERDOWN when `blank` is non-zero, FB_BLANK_UNBLANK otherwise.
int ck_fb_blank(int fd, int blank);

/// KDSETMODE: KD_TEXT or KD_GRAPHICS on a virtual terminal.
int ck_kd_set_mode(int fd, int mode);

/// KDGETMODE: the virtual terminal's current mode.
int ck_kd_get_mode(int fd, int *mode);

/// EVIOCGRAB: takes (non-zero) or releases (zero) exclusive access to an input device.
int ck_eviocgrab(int fd, int grab);

/// EVIOCSCLOCKID: the clock used for event timestamps (CLOCK_MONOTONIC for the kiosk).
int ck_eviocsclockid(int fd, int clock_id);

/// EVIOCGMTSLOTS: the value of the multitouch axis `code` for `count` slots, written to `values`.
int ck_eviocgmtslots(int fd, uint32_t code, int32_t *values, int count);

/// EVIOCGABS: the current value and range of an absolute axis.
int ck_eviocgabs(int fd, uint32_t axis, int32_t *value, int32_t *minimum, int32_t *maximum);

/// EVIOCGKEY: whether key or button `code` is down; 1 when down, 0 when up, -1 on error.
int ck_eviocgkey_is_down(int fd, uint32_t code);

/// The size of `struct input_event` on this machine (24 bytes on 64-bit Linux).
int ck_input_event_size(void);

/// Installs handlers for SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE and SIGTRAP that put the console `fd` back in
/// `text_mode` (one ioctl, which is safe in a signal handler), restore the handler that was there before and raise
/// the signal again, so the process still dies as it would have. Returns 0, or -1 if a handler could not be set.
int ck_crash_restore_install(int fd, int text_mode);

/// Removes the handlers installed by `ck_crash_restore_install`, restoring the previous ones.
void ck_crash_restore_remove(void);

/// 1 once a crash handler has run in this process (for the previous handler, or a test, to see), else 0.
int ck_crash_restore_has_run(void);
