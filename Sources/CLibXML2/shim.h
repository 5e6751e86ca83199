// libxml2's HTML parser, for the HTMLTree target only.
// libxml2 built with ICU includes ICU's headers from encoding.h, and their types clash with the copies
// in Foundation's _FoundationICU module when both reach one Swift module. Nothing here needs ICU's
// types (only pointers to the encoding handler), so the ICU part of libxml2's headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
