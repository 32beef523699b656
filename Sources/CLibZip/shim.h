#ifndef SHEAF_CLIBZIP_SHIM_H
#define SHEAF_CLIBZIP_SHIM_H
#include <zip.h>
#endif
