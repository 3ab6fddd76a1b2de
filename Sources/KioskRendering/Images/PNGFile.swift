// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
public import KioskUI

/// Reads and writes raster images as PNG files, through Cairo's PNG support.
///
/// Opaque images survive a round trip exactly. Translucent pixels are stored unpremultiplied, as PNG requires, so
/// their colour channels may change by rounding when read back.
public enum PNGFile {
    /// Writes `image` to `path` as an 8-bit RGBA PNG, replacing any file there.
    ///
    /// - Throws: `RenderingError.Code.writeFailed` naming the path when the file cannot be written.
    public static func write(_ image: RasterImage, to path: String) throws(RenderingError) {
        let surface = try image.makeCairoSurface()
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderingError(
                code: .writeFailed,
                message: "cannot write PNG: \(String(cString: cairo_status_to_string(status)))",
                path: path
            )
        }
    }

    /// Reads the PNG file at `path` into a new image, converting any PNG colour type to premultiplied ARGB32.
    ///
    /// - Throws: `RenderingError.Code.fileNotFound` when the file cannot be opened, and
    ///   `RenderingError.Code.invalidImage` when it is not a PNG image that can be decoded; both name the path.
    public static func read(from path: String) throws(RenderingError) -> RasterImage {
        let source = cairo_image_surface_create_from_png(path)!
        defer { cairo_surface_destroy(source) }
        let status = cairo_surface_status(source)
        switch status {
        case CAIRO_STATUS_SUCCESS:
            break
        case CAIRO_STATUS_FILE_NOT_FOUND:
            throw RenderingError(code: .fileNotFound, message: "cannot open PNG file", path: path)
        default:
            throw RenderingError(
                code: .invalidImage,
                message: "cannot decode PNG: \(String(cString: cairo_status_to_string(status)))",
                path: path
            )
        }
        let width = Int(cairo_image_surface_get_width(source))
        let height = Int(cairo_image_surface_get_height(source))
        guard width > 0, height > 0 else {
            throw RenderingError(code: .invalidImage, message: "PNG image has no pixels", path: path)
        }
        let image = RasterImage(size: PixelSize(width: width, height: height))
        try image.withCairoContext { cairo throws(RenderingError) in
            cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE)
            cairo_set_source_surface(cairo, source, 0, 0)
            cairo_paint(cairo)
        }
        return image
    }
}
