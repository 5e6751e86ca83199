// zlib, to read gzip-compressed pages (.html.gz) directly.
#include <zlib.h>
