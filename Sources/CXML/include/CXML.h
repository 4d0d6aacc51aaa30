// CXML: a streaming XML reader over the system libxml2 (xmlTextReader), hardened for untrusted files.
// The public header uses only <stdint.h> types, like CICU.
//
// No network, no DTD loading, no entity substitution (an entity reference other than the five predefined
// ones and character references is an error), no XInclude; elements deeper than max_depth or with more
// than max_attributes attributes are errors, the latter found by a byte scan before libxml2 parses the
// tag (libxml2 2.9 checks duplicate attributes in quadratic time). Errors carry line and column.
#ifndef CXML_H
#define CXML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cxml_reader cxml_reader;

/// Node kinds returned by cxml_next.
enum {
  CXML_ERROR = -1,
  CXML_EOF = 0,
  CXML_START = 1,  // an element starts (cxml_is_empty tells whether it also ends)
  CXML_END = 2,    // an element ends
  CXML_TEXT = 3    // text, CDATA or whitespace inside an element
};

/// Opens `path` (a NUL-terminated UTF-8 path). Returns NULL only when out of memory; a file that cannot
/// be opened or read gives CXML_ERROR on the first cxml_next.
cxml_reader *cxml_open(const char *path, int32_t max_depth, int32_t max_attributes);

/// Closes the reader and frees it.
void cxml_close(cxml_reader *reader);

/// Advances to the next node; CXML_EOF at the end of a well-formed document, CXML_ERROR on any error.
int32_t cxml_next(cxml_reader *reader);

/// Whether the current CXML_START element is empty (`<x/>`): no CXML_END follows.
int32_t cxml_is_empty(cxml_reader *reader);

/// Local name of the current element (UTF-8, not NUL-terminated), valid until the next cxml_next.
const uint8_t *cxml_name(cxml_reader *reader, int32_t *length);

/// Text of the current CXML_TEXT node, valid until the next cxml_next.
const uint8_t *cxml_text(cxml_reader *reader, int32_t *length);

/// Value of an attribute of the current element by qualified name (`type`, `id`, `xml:lang`), or NULL.
/// Valid until the next call of cxml_attribute or cxml_next.
const uint8_t *cxml_attribute(cxml_reader *reader, const char *qualified_name, int32_t *length);

/// Line of the current node (1-based).
int32_t cxml_line(cxml_reader *reader);

/// Line, column and message of the error after CXML_ERROR (message UTF-8, valid until cxml_close).
int32_t cxml_error_line(cxml_reader *reader);
int32_t cxml_error_column(cxml_reader *reader);
const uint8_t *cxml_error_message(cxml_reader *reader, int32_t *length);

#ifdef __cplusplus
}
#endif

#endif
