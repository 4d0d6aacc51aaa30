// The system libxml2 (Debian libxml2-dev), for the CXML shim only; found through pkg-config libxml-2.0.
#include <libxml/xmlreader.h>
