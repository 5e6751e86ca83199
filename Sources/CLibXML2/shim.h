// libxml2's HTML parser, for the HTMLTree target only: its headers pull in ICU,
// which clashes with Foundation's, so no file that imports Foundation may import this module.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
