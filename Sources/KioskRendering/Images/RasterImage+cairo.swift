// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

extension RasterImage {
    /// A Cairo image surface drawing straight into this image's memory; the caller destroys it.
    ///
    /// The image must outlive the surface.
    func makeCairoSurface() throws(RenderingError) -> OpaquePointer {
        let width = Int32(clamping: size.width)
        let height = Int32(clamping: size.height)
        let cairoStride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width))
        guard cairoStride == stride else {
            throw RenderingError(
                code: .surfaceFailed,
                message:
                    "Cairo wants a stride of \(cairoStride) bytes for \(size.width) pixels, the image has \(stride)"
            )
        }
        let surface = cairo_image_surface_create_for_data(
            pixels.assumingMemoryBound(to: UInt8.self),
            CAIRO_FORMAT_ARGB32,
            width,
            height,
            Int32(stride)
        )!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderingError(code: .surfaceFailed, message: String(cString: cairo_status_to_string(status)))
        }
        return surface
    }

    /// Runs `body` with a Cairo drawing context over this image, then flushes it into the image's memory.
    func withCairoContext<Result>(
        _ body: (OpaquePointer) throws(RenderingError) -> Result
    ) throws(RenderingError)
        -> Result
    {
        let surface = try makeCairoSurface()
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo) }
        let result = try body(cairo)
        cairo_surface_flush(surface)
        return result
    }
}
