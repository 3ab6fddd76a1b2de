// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CKioskLinux
import Glibc
import KioskUI

/// A Linux framebuffer device such as `/dev/fb0`, driven with its ioctls.
public final class LinuxFramebufferControl: FramebufferControl {
    public let device: String
    private let descriptor: Int32

    /// Opens `path` for reading and writing.
    public init(path: String) throws {
        let descriptor = Glibc.open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DisplayError(
                code: .cannotOpen,
                device: path,
                message: "cannot open the framebuffer",
                systemError: errno
            )
        }
        self.device = path
        self.descriptor = descriptor
    }

    deinit {
        Glibc.close(descriptor)
    }

    public func screenInfo() throws -> FramebufferInfo {
        var variable = fb_var_screeninfo()
        var fixed = fb_fix_screeninfo()
        guard ck_fb_get_vscreeninfo(descriptor, &variable) == 0, ck_fb_get_fscreeninfo(descriptor, &fixed) == 0 else {
            throw DisplayError(
                code: .queryFailed,
                device: device,
                message: "cannot read the screen information",
                systemError: errno
            )
        }
        // The kernel reports an unknown physical size as 0 or as -1 in an unsigned field.
        let width = Int32(bitPattern: variable.width)
        let height = Int32(bitPattern: variable.height)
        let millimetres = width > 0 && height > 0 ? Size(width: Double(width), height: Double(height)) : nil
        return FramebufferInfo(
            visibleSize: PixelSize(width: Int(variable.xres), height: Int(variable.yres)),
            virtualSize: PixelSize(width: Int(variable.xres_virtual), height: Int(variable.yres_virtual)),
            yOffset: Int(variable.yoffset),
            bitsPerPixel: Int(variable.bits_per_pixel),
            red: .init(offset: Int(variable.red.offset), length: Int(variable.red.length)),
            green: .init(offset: Int(variable.green.offset), length: Int(variable.green.length)),
            blue: .init(offset: Int(variable.blue.offset), length: Int(variable.blue.length)),
            millimetres: millimetres,
            lineLength: Int(fixed.line_length),
            memoryLength: Int(fixed.smem_len)
        )
    }

    public func mapMemory(length: Int) throws -> UnsafeMutableRawPointer {
        let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
        guard let memory, memory != MAP_FAILED else {
            throw DisplayError(
                code: .mappingFailed,
                device: device,
                message: "cannot map \(length) bytes of framebuffer memory",
                systemError: errno
            )
        }
        return memory
    }

    public func unmapMemory(_ memory: UnsafeMutableRawPointer, length: Int) {
        munmap(memory, length)
    }

    public func pan(yOffset: Int) throws {
        guard ck_fb_pan_display(descriptor, 0, UInt32(yOffset)) == 0 else {
            throw DisplayError(
                code: .panFailed,
                device: device,
                message: "cannot pan to line \(yOffset)",
                systemError: errno
            )
        }
    }

    public func setBlanked(_ blanked: Bool) throws {
        guard ck_fb_blank(descriptor, blanked ? 1 : 0) == 0 else {
            throw DisplayError(
                code: .blankFailed,
                device: device,
                message: blanked ? "cannot blank the panel" : "cannot unblank the panel",
                systemError: errno
            )
        }
    }
}
