#ifndef SHEAF_CZLIB_SHIM_H
#define SHEAF_CZLIB_SHIM_H
// zlib, which inflates web archives (one gzip member per WARC record) and pages sent with a Content-Encoding.
// inflateInit2 is a macro (it passes the library's version and the stream's size), wrapped here.
#include <zlib.h>

/// An inflate stream: `window_bits` 16 + 15 reads a gzip member, 15 a zlib stream, -15 raw deflate.
static inline int sheaf_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
