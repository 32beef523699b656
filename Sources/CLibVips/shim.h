#ifndef SHEAF_CLIBVIPS_SHIM_H
#define SHEAF_CLIBVIPS_SHIM_H
// libvips' calls take NULL-terminated variadic options, which Swift cannot call: each call Sheaf makes is
// wrapped here with its options fixed. VIPS_INIT is a macro, wrapped too.
#include <vips/vips.h>

/// libvips' warnings (a corrupt tile…) would go to stderr; the failure itself is reported by Sheaf.
static inline void sheaf_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline int sheaf_vips_init(void) {
    if (VIPS_INIT("sheaf")) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, sheaf_vips_quiet, NULL);
    // Covers are rendered once per book: an operation cache would only hold memory.
    vips_cache_set_max(0);
    // Sheaf already runs one book per core; libvips' own worker threads would only add hand-offs.
    vips_concurrency_set(1);
    return 0;
}

/// A one-band 8-bit image holding a copy of `pixels` (width × height bytes, row by row).
static inline int sheaf_vips_from_pixels(VipsImage **out, const void *pixels, int width, int height) {
    *out = vips_image_new_from_memory_copy(pixels, (size_t)width * (size_t)height, width, height, 1,
                                           VIPS_FORMAT_UCHAR);
    return *out ? 0 : -1;
}

/// The image's pixels as one block (g_free it), e.g. a text mask's one band of 8-bit ink.
static inline void *sheaf_vips_pixels(VipsImage *in, size_t *len) {
    return vips_image_write_to_memory(in, len);
}

/// Any image libvips can read, shrunk (never enlarged) to fit width × height, alpha flattened on white.
static inline int sheaf_vips_thumbnail(const void *buf, size_t len, VipsImage **out, int width, int height) {
    VipsImage *thumb = NULL;
    if (vips_thumbnail_buffer((void *)buf, len, &thumb, width, "height", height, "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=truncated", NULL))
        return -1;
    if (!vips_image_hasalpha(thumb)) {
        *out = thumb;
        return 0;
    }
    double white[1] = {255.0};
    VipsArrayDouble *background = vips_array_double_new(white, 1);
    int status = vips_flatten(thumb, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    g_object_unref(thumb);
    return status;
}

/// PNG without metadata, at the best lossless compression.
static inline int sheaf_vips_png(VipsImage *in, void **buf, size_t *len) {
    return vips_pngsave_buffer(in, buf, len, "compression", 9, "strip", TRUE, NULL);
}

static inline int sheaf_vips_has_alpha(VipsImage *image) { return vips_image_hasalpha(image); }

/// Any image libvips can read, shrunk (never enlarged) to fit width × height, alpha kept. A truncated or
/// corrupt image is an error, not a grey half picture.
static inline int sheaf_vips_fit(const void *buf, size_t len, VipsImage **out, int width, int height) {
    return vips_thumbnail_buffer((void *)buf, len, out, width, "height", height, "size", VIPS_SIZE_DOWN,
                                 "option_string", "fail_on=truncated", NULL);
}

/// Baseline JPEG without metadata: the same pixels always give the same bytes. Optimized Huffman tables take a
/// second pass over the coefficients.
static inline int sheaf_vips_jpeg(VipsImage *in, void **buf, size_t *len, int quality, int optimize) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, "optimize_coding", optimize, NULL);
}

/// An encoded image decoded whole and strictly: any warning of the decoder (a corrupt JPEG segment…) fails it.
static inline int sheaf_vips_decode_strict(const void *buf, size_t len, VipsImage **out) {
    *out = vips_image_new_from_buffer(buf, len, "", "fail_on", VIPS_FAIL_ON_WARNING, NULL);
    return *out ? 0 : -1;
}

static inline int sheaf_vips_width(VipsImage *image) { return vips_image_get_width(image); }
static inline int sheaf_vips_height(VipsImage *image) { return vips_image_get_height(image); }
static inline void sheaf_vips_release(VipsImage *image) { if (image) g_object_unref(image); }
static inline void sheaf_vips_free(void *buf) { g_free(buf); }

#endif
