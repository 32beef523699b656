#ifndef SHEAF_CLIBVIPS_SHIM_H
#define SHEAF_CLIBVIPS_SHIM_H
// libvips is loaded when an image first needs it (a user's cover, an image a device cannot show), not at start:
// it brings some fifty libraries, and resolving their symbols was a third of the start-up time of every run,
// also of the runs that never open an image. Its calls are made through the table `sheaf_vips_load` fills.
// libvips' calls take NULL-terminated variadic options, which Swift cannot call: each call Sheaf makes is
// wrapped here with its options fixed. Only what these calls need of libvips' types is declared.
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

typedef struct _VipsImage VipsImage;
typedef struct _VipsArea VipsArea;

// The values of libvips' enums and glib's flags these calls use (vips/image.h, resample.h, foreign.h; gmessages.h).
enum { SHEAF_VIPS_FORMAT_UCHAR = 0, SHEAF_VIPS_SIZE_DOWN = 2, SHEAF_VIPS_FAIL_ON_WARNING = 3 };
enum { SHEAF_G_LOG_LEVEL_WARNING = 1 << 4 };

/// The libvips (and glib) functions Sheaf calls, found in the library once loaded.
typedef struct SheafVips {
    void *handle;
    int (*init)(const char *argv0);
    unsigned (*log_set_handler)(const char *domain, int levels,
                                void (*handler)(const char *, int, const char *, void *), void *data);
    void (*cache_set_max)(int max);
    void (*concurrency_set)(int concurrency);
    VipsImage *(*new_from_memory_copy)(const void *data, size_t size, int width, int height, int bands, int format);
    void *(*write_to_memory)(VipsImage *in, size_t *size);
    int (*thumbnail_buffer)(void *buf, size_t len, VipsImage **out, int width, ...);
    int (*hasalpha)(VipsImage *image);
    VipsArea *(*array_double_new)(const double *array, int n);
    void (*area_unref)(VipsArea *area);
    int (*flatten)(VipsImage *in, VipsImage **out, ...);
    int (*pngsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*jpegsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    VipsImage *(*new_from_buffer)(const void *buf, size_t len, const char *option_string, ...);
    int (*get_width)(const VipsImage *image);
    int (*get_height)(const VipsImage *image);
    void (*object_unref)(void *object);
    void (*free)(void *mem);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
} SheafVips;

#define SHEAF_VIPS_FIND(field, symbol) \
    if (!(v->field = (__typeof__(v->field))dlsym(v->handle, symbol))) return symbol;

/// Loads libvips and finds its functions; NULL when done, else what is missing (see `sheaf_vips_load_error`).
static inline const char *sheaf_vips_load(SheafVips *v) {
    memset(v, 0, sizeof *v);
    const char *names[] = {"libvips.so.42", "libvips.42.dylib", "libvips.so", "libvips.dylib"};
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !v->handle; i++)
        v->handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!v->handle) return "libvips.so.42";
    SHEAF_VIPS_FIND(init, "vips_init")
    SHEAF_VIPS_FIND(log_set_handler, "g_log_set_handler")
    SHEAF_VIPS_FIND(cache_set_max, "vips_cache_set_max")
    SHEAF_VIPS_FIND(concurrency_set, "vips_concurrency_set")
    SHEAF_VIPS_FIND(new_from_memory_copy, "vips_image_new_from_memory_copy")
    SHEAF_VIPS_FIND(write_to_memory, "vips_image_write_to_memory")
    SHEAF_VIPS_FIND(thumbnail_buffer, "vips_thumbnail_buffer")
    SHEAF_VIPS_FIND(hasalpha, "vips_image_hasalpha")
    SHEAF_VIPS_FIND(array_double_new, "vips_array_double_new")
    SHEAF_VIPS_FIND(area_unref, "vips_area_unref")
    SHEAF_VIPS_FIND(flatten, "vips_flatten")
    SHEAF_VIPS_FIND(pngsave_buffer, "vips_pngsave_buffer")
    SHEAF_VIPS_FIND(jpegsave_buffer, "vips_jpegsave_buffer")
    SHEAF_VIPS_FIND(new_from_buffer, "vips_image_new_from_buffer")
    SHEAF_VIPS_FIND(get_width, "vips_image_get_width")
    SHEAF_VIPS_FIND(get_height, "vips_image_get_height")
    SHEAF_VIPS_FIND(object_unref, "g_object_unref")
    SHEAF_VIPS_FIND(free, "g_free")
    SHEAF_VIPS_FIND(error_buffer, "vips_error_buffer")
    SHEAF_VIPS_FIND(error_clear, "vips_error_clear")
    return NULL;
}

#undef SHEAF_VIPS_FIND

/// Why the library could not be opened, as the loader says.
static inline const char *sheaf_vips_load_error(void) {
    const char *error = dlerror();
    return error ? error : "";
}

/// libvips' warnings (a corrupt tile…) would go to stderr; the failure itself is reported by Sheaf.
static inline void sheaf_vips_quiet(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline int sheaf_vips_init(const SheafVips *v) {
    if (v->init("sheaf")) return -1;
    v->log_set_handler("VIPS", SHEAF_G_LOG_LEVEL_WARNING, sheaf_vips_quiet, NULL);
    // Covers are rendered once per book: an operation cache would only hold memory.
    v->cache_set_max(0);
    // Sheaf already runs one book per core; libvips' own worker threads would only add hand-offs.
    v->concurrency_set(1);
    return 0;
}

/// A one-band 8-bit image holding a copy of `pixels` (width × height bytes, row by row).
static inline int sheaf_vips_from_pixels(const SheafVips *v, VipsImage **out, const void *pixels, int width, int height) {
    *out = v->new_from_memory_copy(pixels, (size_t)width * (size_t)height, width, height, 1, SHEAF_VIPS_FORMAT_UCHAR);
    return *out ? 0 : -1;
}

/// The image's pixels as one block (free it with `sheaf_vips_free`), e.g. a text mask's one band of 8-bit ink.
static inline void *sheaf_vips_pixels(const SheafVips *v, VipsImage *in, size_t *len) {
    return v->write_to_memory(in, len);
}

/// Any image libvips can read, shrunk (never enlarged) to fit width × height, alpha flattened on white.
static inline int sheaf_vips_thumbnail(const SheafVips *v, const void *buf, size_t len, VipsImage **out,
                                       int width, int height) {
    VipsImage *thumb = NULL;
    if (v->thumbnail_buffer((void *)buf, len, &thumb, width, "height", height, "size", SHEAF_VIPS_SIZE_DOWN,
                            "option_string", "fail_on=truncated", NULL))
        return -1;
    if (!v->hasalpha(thumb)) {
        *out = thumb;
        return 0;
    }
    double white[1] = {255.0};
    VipsArea *background = v->array_double_new(white, 1);
    int status = v->flatten(thumb, out, "background", background, NULL);
    v->area_unref(background);
    v->object_unref(thumb);
    return status;
}

/// PNG without metadata, at the best lossless compression.
static inline int sheaf_vips_png(const SheafVips *v, VipsImage *in, void **buf, size_t *len) {
    return v->pngsave_buffer(in, buf, len, "compression", 9, "strip", 1, NULL);
}

static inline int sheaf_vips_has_alpha(const SheafVips *v, VipsImage *image) { return v->hasalpha(image); }

/// Any image libvips can read, shrunk (never enlarged) to fit width × height, alpha kept. A truncated or
/// corrupt image is an error, not a grey half picture.
static inline int sheaf_vips_fit(const SheafVips *v, const void *buf, size_t len, VipsImage **out, int width, int height) {
    return v->thumbnail_buffer((void *)buf, len, out, width, "height", height, "size", SHEAF_VIPS_SIZE_DOWN,
                               "option_string", "fail_on=truncated", NULL);
}

/// Baseline JPEG without metadata: the same pixels always give the same bytes. Optimized Huffman tables take a
/// second pass over the coefficients.
static inline int sheaf_vips_jpeg(const SheafVips *v, VipsImage *in, void **buf, size_t *len, int quality, int optimize) {
    return v->jpegsave_buffer(in, buf, len, "Q", quality, "strip", 1, "optimize_coding", optimize, NULL);
}

/// An encoded image decoded whole and strictly: any warning of the decoder (a corrupt JPEG segment…) fails it.
static inline int sheaf_vips_decode_strict(const SheafVips *v, const void *buf, size_t len, VipsImage **out) {
    *out = v->new_from_buffer(buf, len, "", "fail_on", SHEAF_VIPS_FAIL_ON_WARNING, NULL);
    return *out ? 0 : -1;
}

static inline int sheaf_vips_width(const SheafVips *v, VipsImage *image) { return v->get_width(image); }
static inline int sheaf_vips_height(const SheafVips *v, VipsImage *image) { return v->get_height(image); }
static inline void sheaf_vips_release(const SheafVips *v, VipsImage *image) { if (image) v->object_unref(image); }
static inline void sheaf_vips_free(const SheafVips *v, void *buf) { v->free(buf); }
static inline const char *sheaf_vips_error_buffer(const SheafVips *v) { return v->error_buffer(); }
static inline void sheaf_vips_error_clear(const SheafVips *v) { v->error_clear(); }

#endif
