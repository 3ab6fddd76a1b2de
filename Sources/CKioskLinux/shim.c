// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.
#include "CKioskLinux.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

int ck_fb_get_vscreeninfo(int fd, struct fb_var_screeninfo *info) { return ioctl(fd, FBIOGET_VSCREENINFO, info); }

int ck_fb_get_fscreeninfo(int fd, struct fb_fix_screeninfo *info) { return ioctl(fd, FBIOGET_FSCREENINFO, info); }

int ck_fb_pan_display(int fd, uint32_t xoffset, uint32_t yoffset) {
    struct fb_var_screeninfo info;
    if (ioctl(fd, FBIOGET_VSCREENINFO, &info) != 0) {
        return -1;
    }
    info.xoffset = xoffset;
    info.yoffset = yoffset;
    return ioctl(fd, FBIOPAN_DISPLAY, &info);
}

int ck_fb_blank(int fd, int blank) {
    return ioctl(fd, FBIOBLANK, blank ? FB_BLANK_POWERDOWN : FB_BLANK_UNBLANK);
}

int ck_kd_set_mode(int fd, int mode) { return ioctl(fd, KDSETMODE, (unsigned long)mode); }

int ck_kd_get_mode(int fd, int *mode) {
    int value = 0;
    if (ioctl(fd, KDGETMODE, &value) != 0) {
        return -1;
    }
    *mode = value;
    return 0;
}

int ck_eviocgrab(int fd, int grab) { return ioctl(fd, EVIOCGRAB, (unsigned long)(grab ? 1 : 0)); }

int ck_eviocsclockid(int fd, int clock_id) { return ioctl(fd, EVIOCSCLOCKID, &clock_id); }

int ck_eviocgmtslots(int fd, uint32_t code, int32_t *values, int count) {
    if (count <= 0) {
        return 0;
    }
    size_t length = sizeof(int32_t) * ((size_t)count + 1);
    int32_t *request = calloc((size_t)count + 1, sizeof(int32_t));
    if (request == NULL) {
        return -1;
    }
    request[0] = (int32_t)code;
    int result = ioctl(fd, EVIOCGMTSLOTS(length), request);
    if (result >= 0) {
        memcpy(values, request + 1, sizeof(int32_t) * (size_t)count);
        result = 0;
    }
    free(request);
    return result;
}

int ck_eviocgabs(int fd, uint32_t axis, int32_t *value, int32_t *minimum, int32_t *maximum) {
    struct input_absinfo info;
    memset(&info, 0, sizeof(info));
    if (axis > ABS_MAX || ioctl(fd, EVIOCGABS(axis), &info) != 0) {
        return -1;
    }
    *value = info.value;
    *minimum = info.minimum;
    *maximum = info.maximum;
    return 0;
}

int ck_eviocgkey_is_down(int fd, uint32_t code) {
    unsigned char bits[KEY_MAX / 8 + 1];
    memset(bits, 0, sizeof(bits));
    if (code > KEY_MAX || ioctl(fd, EVIOCGKEY(sizeof(bits)), bits) < 0) {
        return -1;
    }
    return (bits[code / 8] >> (code % 8)) & 1;
}

int ck_input_event_size(void) { return (int)sizeof(struct input_event); }

static const int ck_crash_signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP};
#define CK_CRASH_SIGNAL_COUNT ((int)(sizeof(ck_crash_signals) / sizeof(ck_crash_signals[0])))
static struct sigaction ck_previous_actions[CK_CRASH_SIGNAL_COUNT];
static volatile sig_atomic_t ck_crash_fd = -1;
static volatile sig_atomic_t ck_crash_text_mode = KD_TEXT;
static volatile sig_atomic_t ck_crash_installed = 0;
static volatile sig_atomic_t ck_crash_has_run = 0;

static void ck_crash_restore_handler(int signal_number) {
    ck_crash_has_run = 1;
    int fd = ck_crash_fd;
    if (fd >= 0) {
        ioctl(fd, KDSETMODE, (unsigned long)ck_crash_text_mode);
    }
    for (int index = 0; index < CK_CRASH_SIGNAL_COUNT; index++) {
        if (ck_crash_signals[index] == signal_number) {
            sigaction(signal_number, &ck_previous_actions[index], NULL);
        }
    }
    raise(signal_number);
}

int ck_crash_restore_install(int fd, int text_mode) {
    ck_crash_fd = fd;
    ck_crash_text_mode = text_mode;
    if (ck_crash_installed) {
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = ck_crash_restore_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    for (int index = 0; index < CK_CRASH_SIGNAL_COUNT; index++) {
        if (sigaction(ck_crash_signals[index], &action, &ck_previous_actions[index]) != 0) {
            for (int undo = 0; undo < index; undo++) {
                sigaction(ck_crash_signals[undo], &ck_previous_actions[undo], NULL);
            }
            return -1;
        }
    }
    ck_crash_installed = 1;
    return 0;
}

void ck_crash_restore_remove(void) {
    if (!ck_crash_installed) {
        return;
    }
    for (int index = 0; index < CK_CRASH_SIGNAL_COUNT; index++) {
        sigaction(ck_crash_signals[index], &ck_previous_actions[index], NULL);
    }
    ck_crash_installed = 0;
    ck_crash_fd = -1;
}

int ck_crash_restore_has_run(void) { return ck_crash_has_run; }
