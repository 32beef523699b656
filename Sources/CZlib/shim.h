#ifndef SHEAF_CZLIB_SHIM_H
#define SHEAF_CZLIB_SHIM_H
// zlib, which libzip itself deflates with: Sheaf deflates a large book's entries on several threads and hands
// them to libzip already compressed. deflateInit2 is a macro, wrapped here.
#include <zlib.h>

/// A raw deflate stream (no zlib header: what a zip entry holds) with libzip's window and memory level.
static inline int sheaf_deflate_init(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY);
}
/// The matching raw inflate stream.
static inline int sheaf_inflate_init(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
