// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import CPangoCairo
import KioskUI

/// The Pango objects behind a `TextLayoutEngine`: one font map, one context per direction and language, font
/// descriptions per style, and recently used layouts.
///
/// Nothing here is thread-safe; the engine only touches it while holding its lock.
final class TextLayoutState {
    private struct ContextKey: Hashable {
        var direction: TextStyle.Direction
        var language: String
    }

    private struct FontKey: Hashable {
        var family: String
        var weight: TextStyle.Weight
        var pixelSize: Double
    }

    private struct LayoutKey: Hashable {
        var text: String
        var style: TextStyle
        /// The wrapping width in Pango units, or nil for unwrapped text.
        var width: Int32?
    }

    /// Layouts kept for reuse; the cache is emptied when it reaches this many.
    private static let layoutCacheLimit = 512

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let fontOptions: OpaquePointer
    private var contexts: [ContextKey: OpaquePointer] = [:]
    private var fonts: [FontKey: OpaquePointer] = [:]
    private var layouts: [LayoutKey: LaidOutText] = [:]

    init() {
        // A font map of our own rather than the per-thread default, so that it may be used from any thread (one at
        // a time, under the engine's lock).
        fontMap = pango_cairo_font_map_new()
        fontOptions = cairo_font_options_create()
        // Fixed options, so that measuring (on no surface) and drawing (on an image) give the same metrics.
        cairo_font_options_set_antialias(fontOptions, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(fontOptions, CAIRO_SUBPIXEL_ORDER_DEFAULT)
    }

    deinit {
        layouts.removeAll()
        for context in contexts.values { g_object_unref(UnsafeMutableRawPointer(context)) }
        for font in fonts.values { pango_font_description_free(font) }
        cairo_font_options_destroy(fontOptions)
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The share of a box's width that Nastaliq lines are wrapped at.
    static let nastaliqWrapFactor = 0.94

    /// The laid-out text for `text` in `style`, wrapped at `width` pixels (or not wrapped when nil).
    func layout(_ text: String, style: TextStyle, width: Double?) -> LaidOutText {
        // Nastaliq's swashes reach past the logical end of a line (its ink runs up to about 4% wider), so its lines
        // are broken a little short of the box to keep the ink inside it.
        let wrapFactor = style.fontFamily.contains("Nastaliq") ? Self.nastaliqWrapFactor : 1
        let pangoWidth = width.flatMap { width -> Int32? in
            guard width.isFinite else { return nil }
            return Int32(min(Double(Int32.max), max(0, width * wrapFactor * Double(PANGO_SCALE))))
        }
        let key = LayoutKey(text: text, style: style, width: pangoWidth)
        if let cached = layouts[key] { return cached }
        let layout = pango_layout_new(context(direction: style.direction, language: style.language))!
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_font_description(layout, font(for: style))
        pango_layout_set_alignment(layout, style.pangoAlignment)
        if style.lineSpacing.isFinite && style.lineSpacing > 0 {
            pango_layout_set_line_spacing(layout, Float(style.lineSpacing))
        }
        if let pangoWidth {
            pango_layout_set_width(layout, pangoWidth)
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_text(layout, text, -1)
        let laidOut = LaidOutText(layout: layout, hasFixedWidth: pangoWidth != nil)
        if layouts.count >= Self.layoutCacheLimit { layouts.removeAll(keepingCapacity: true) }
        layouts[key] = laidOut
        return laidOut
    }

    private func context(direction: TextStyle.Direction, language: String) -> OpaquePointer {
        let key = ContextKey(direction: direction, language: language)
        if let context = contexts[key] { return context }
        let context = pango_font_map_create_context(fontMap)!
        pango_cairo_context_set_font_options(context, fontOptions)
        pango_cairo_context_set_resolution(context, 96)
        pango_context_set_base_dir(context, direction == .rightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
        pango_context_set_language(context, pango_language_from_string(language))
        contexts[key] = context
        return context
    }

    private func font(for style: TextStyle) -> OpaquePointer {
        let key = FontKey(family: style.fontFamily, weight: style.weight, pixelSize: style.pixelSize)
        if let font = fonts[key] { return font }
        let font = pango_font_description_new()!
        pango_font_description_set_family(font, style.fontFamily)
        pango_font_description_set_weight(font, style.pangoWeight)
        let pixelSize = style.pixelSize.isFinite ? min(10_000, max(1, style.pixelSize)) : 16
        pango_font_description_set_absolute_size(font, pixelSize * Double(PANGO_SCALE))
        fonts[key] = font
        return font
    }
}
