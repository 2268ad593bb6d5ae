// libxml2's forgiving HTML parser and XPath, for reading indexer web pages (1337x, Rutracker).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU headers clash with the copy Foundation ships. Nothing
// here touches the ICU converter fields, so they are left out of this module's view.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function pointer, which Swift 6 cannot touch safely; call it from C.
static inline void lcars_xml_free(void *pointer) { xmlFree(pointer); }
