#ifndef SHEAF_CLIBZIP_SHIM_H
#define SHEAF_CLIBZIP_SHIM_H
#include <zip.h>

/// The commands a readable callback source answers (a macro Swift cannot import).
static inline zip_int64_t sheaf_zip_source_supports_readable(void) {
    return ZIP_SOURCE_SUPPORTS_READABLE;
}
#endif
