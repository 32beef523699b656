#ifndef SHEAF_CPANGOCAIRO_SHIM_H
#define SHEAF_CPANGOCAIRO_SHIM_H
// Pango lays out the covers' text and cairo draws it into an 8-bit coverage mask. Each thread uses its own
// font map (Pango's default font map is per thread), so covers can be drawn in parallel.
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

/// A laid-out text: Pango markup in `family` at `pixels` pixels, wrapped at `width` pixels, lines centred.
/// NULL when the markup does not parse.
static inline PangoLayout *sheaf_text_layout(const char *markup, const char *family, int pixels, int width) {
    if (!pango_parse_markup(markup, -1, 0, NULL, NULL, NULL, NULL)) return NULL;
    PangoContext *context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    PangoLayout *layout = pango_layout_new(context);
    g_object_unref(context);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_absolute_size(font, (double)pixels * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, width * PANGO_SCALE);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    pango_layout_set_markup(layout, markup, -1);
    return layout;
}

/// The inked area of a layout, in pixels.
static inline PangoRectangle sheaf_text_ink(PangoLayout *layout) {
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    return ink;
}

/// The layout drawn into a mask cropped to its ink (0 nothing … 255 full coverage), row by row, no padding:
/// `ink.width` × `ink.height` bytes into `pixels`. Returns 0 on success.
static inline int sheaf_text_draw(PangoLayout *layout, PangoRectangle ink, unsigned char *pixels) {
    if (ink.width <= 0 || ink.height <= 0) return 0;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, ink.width, ink.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return -1;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_move_to(cr, -ink.x, -ink.y);
    pango_cairo_show_layout(cr, layout);
    int status = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int row = 0; row < ink.height; row++) memcpy(pixels + (size_t)row * ink.width, data + (size_t)row * stride, ink.width);
    cairo_surface_destroy(surface);
    return status;
}

static inline void sheaf_text_release(PangoLayout *layout) { g_object_unref(layout); }

#endif
