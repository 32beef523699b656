#ifndef SHEAF_CLIBDEFLATE_SHIM_H
#define SHEAF_CLIBDEFLATE_SHIM_H
// libdeflate: whole-buffer raw deflate (what a zip entry holds), about three times as fast as zlib at the same
// level with streams as small. Sheaf deflates a book's text entries with it on several threads and hands them to
// libzip already compressed.
#include <libdeflate.h>
#endif
