// CXML: see include/CXML.h.
#include "CXML.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cxml_reader {
  xmlTextReaderPtr reader;
  int32_t max_depth;
  int32_t max_attributes;
  int32_t failed;
  int32_t error_line;
  int32_t error_column;
  char *error_message;
  xmlChar *attribute;
  int32_t empty;
};

/// No external entity, DTD or XInclude is ever fetched: every load goes through here and fails.
static xmlParserInputPtr cxml_refuse_loader(const char *url, const char *id, xmlParserCtxtPtr context) {
  (void)url;
  (void)id;
  (void)context;
  return NULL;
}

static pthread_once_t cxml_once = PTHREAD_ONCE_INIT;

static void cxml_init(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(cxml_refuse_loader);
}

static void cxml_fail(cxml_reader *r, int32_t line, int32_t column, const char *message) {
  if (r->failed) return;
  r->failed = 1;
  r->error_line = line;
  r->error_column = column;
  free(r->error_message);
  r->error_message = strdup(message ? message : "not well-formed XML");
  if (r->error_message) {
    // libxml2 messages end with a newline.
    size_t n = strlen(r->error_message);
    while (n > 0 && (r->error_message[n - 1] == '\n' || r->error_message[n - 1] == ' ')) r->error_message[--n] = 0;
  }
}

static void cxml_error_handler(void *context, xmlErrorPtr error) {
  cxml_reader *r = (cxml_reader *)context;
  if (!error || error->level < XML_ERR_ERROR) return;
  cxml_fail(r, error->line, error->int2, error->message);
}

/// A byte scan of the file: the most `=` signs inside one tag (outside quoted values), so that an element
/// with too many attributes is refused before libxml2 parses it. Comments, CDATA sections, processing
/// instructions and the document type declaration (with its internal subset) are skipped.
/// Returns 0, or 1 with the line and column of the offending tag, or -1 when the file cannot be read.
static int cxml_scan_attributes(const char *path, int32_t max_attributes, int32_t *line_out, int32_t *column_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  enum { TEXT, OPEN, TAG, QUOTE, SKIP_TO_GT, COMMENT, CDATA, PI, DOCTYPE } state = TEXT;
  unsigned char buffer[1 << 16];
  unsigned char quote = 0;
  int32_t count = 0, line = 1, column = 0, tag_line = 0, tag_column = 0, subset = 0, dashes = 0, brackets = 0;
  unsigned char prev = 0;
  int result = 0;
  size_t n;
  while (!result && (n = fread(buffer, 1, sizeof buffer, f)) > 0) {
    for (size_t i = 0; i < n; i++) {
      unsigned char c = buffer[i];
      if (c == '\n') {
        line++;
        column = 0;
      } else if ((c & 0xC0) != 0x80) {
        column++;
      }
      switch (state) {
        case TEXT:
          if (c == '<') {
            state = OPEN;
            tag_line = line;
            tag_column = column;
          }
          break;
        case OPEN:
          if (c == '!') {
            state = DOCTYPE;  // refined below: <!-- and <![CDATA[ are told apart on the next bytes
            subset = 0;
            dashes = 0;
            brackets = 0;
          } else if (c == '?') {
            state = PI;
          } else if (c == '/') {
            state = SKIP_TO_GT;
          } else if (c != 0) {  // a NUL byte: UTF-16 text, keep looking
            state = TAG;
            count = 0;
          }
          break;
        case TAG:
          if (c == '"' || c == '\'') {
            state = QUOTE;
            quote = c;
          } else if (c == '=') {
            if (++count > max_attributes) {
              *line_out = tag_line;
              *column_out = tag_column;
              result = 1;
            }
          } else if (c == '>') {
            state = TEXT;
          }
          break;
        case QUOTE:
          if (c == quote) state = TAG;
          break;
        case SKIP_TO_GT:
          if (c == '>') state = TEXT;
          break;
        case DOCTYPE:
          // "<!-" starts a comment, "<![" a CDATA section (or a conditional section), else a declaration.
          if (prev == '!' && c == '-') {
            state = COMMENT;
            dashes = 0;
          } else if (prev == '!' && c == '[') {
            state = CDATA;
            brackets = 0;
          } else if (c == '[') {
            subset++;
          } else if (c == ']') {
            if (subset > 0) subset--;
          } else if (c == '>' && subset == 0) {
            state = TEXT;
          }
          break;
        case COMMENT:
          if (c == '-') {
            dashes++;
          } else {
            if (c == '>' && dashes >= 2 && prev == '-') state = TEXT;
            dashes = 0;
          }
          break;
        case CDATA:
          if (c == ']') {
            brackets++;
          } else {
            if (c == '>' && brackets >= 2) state = TEXT;
            brackets = 0;
          }
          break;
        case PI:
          if (c == '>' && prev == '?') state = TEXT;
          break;
      }
      if (c != 0) prev = c;
    }
  }
  if (!result && ferror(f)) result = -1;
  fclose(f);
  return result;
}

cxml_reader *cxml_open(const char *path, int32_t max_depth, int32_t max_attributes) {
  pthread_once(&cxml_once, cxml_init);
  cxml_reader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->max_depth = max_depth;
  r->max_attributes = max_attributes;
  int32_t line = 0, column = 0;
  int scan = cxml_scan_attributes(path, max_attributes, &line, &column);
  if (scan < 0) {
    cxml_fail(r, 0, 0, "cannot read the file");
    return r;
  }
  if (scan > 0) {
    char message[128];
    snprintf(message, sizeof message, "an element with more than %d attributes", (int)max_attributes);
    cxml_fail(r, line, column, message);
    return r;
  }
  // No network, no entity substitution (entity references stay nodes and are refused), no DTD loading
  // or validation, no XInclude; CDATA as text.
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
  r->reader = xmlReaderForFile(path, NULL, options);
  if (!r->reader) {
    cxml_fail(r, 0, 0, "cannot open the file as XML");
    return r;
  }
  xmlTextReaderSetStructuredErrorHandler(r->reader, cxml_error_handler, r);
  return r;
}

void cxml_close(cxml_reader *r) {
  if (!r) return;
  if (r->reader) xmlFreeTextReader(r->reader);
  if (r->attribute) xmlFree(r->attribute);
  free(r->error_message);
  free(r);
}

int32_t cxml_next(cxml_reader *r) {
  if (r->failed || !r->reader) return CXML_ERROR;
  if (r->attribute) {
    xmlFree(r->attribute);
    r->attribute = NULL;
  }
  for (;;) {
    int status = xmlTextReaderRead(r->reader);
    if (status < 0 || r->failed) {
      if (!r->failed) cxml_fail(r, xmlTextReaderGetParserLineNumber(r->reader), xmlTextReaderGetParserColumnNumber(r->reader), NULL);
      return CXML_ERROR;
    }
    if (status == 0) return CXML_EOF;
    int type = xmlTextReaderNodeType(r->reader);
    int depth = xmlTextReaderDepth(r->reader);
    if (depth > r->max_depth) {
      char message[96];
      snprintf(message, sizeof message, "elements nested deeper than %d levels", (int)r->max_depth);
      cxml_fail(r, xmlTextReaderGetParserLineNumber(r->reader), xmlTextReaderGetParserColumnNumber(r->reader), message);
      return CXML_ERROR;
    }
    switch (type) {
      case XML_READER_TYPE_ELEMENT:
        if (xmlTextReaderAttributeCount(r->reader) > r->max_attributes) {
          cxml_fail(r, xmlTextReaderGetParserLineNumber(r->reader), xmlTextReaderGetParserColumnNumber(r->reader),
                    "an element with too many attributes");
          return CXML_ERROR;
        }
        r->empty = xmlTextReaderIsEmptyElement(r->reader) == 1;
        return CXML_START;
      case XML_READER_TYPE_END_ELEMENT:
        return CXML_END;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      case XML_READER_TYPE_WHITESPACE:
        return CXML_TEXT;
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        cxml_fail(r, xmlTextReaderGetParserLineNumber(r->reader), xmlTextReaderGetParserColumnNumber(r->reader),
                  "entity references are not accepted (only &amp; &lt; &gt; &quot; &apos; and character references)");
        return CXML_ERROR;
      default:
        continue;  // comments, processing instructions, the document type, declarations
    }
  }
}

int32_t cxml_is_empty(cxml_reader *r) { return r->empty; }

const uint8_t *cxml_name(cxml_reader *r, int32_t *length) {
  const xmlChar *s = r->reader ? xmlTextReaderConstLocalName(r->reader) : NULL;
  *length = s ? (int32_t)strlen((const char *)s) : 0;
  return (const uint8_t *)s;
}

const uint8_t *cxml_text(cxml_reader *r, int32_t *length) {
  const xmlChar *s = r->reader ? xmlTextReaderConstValue(r->reader) : NULL;
  *length = s ? (int32_t)strlen((const char *)s) : 0;
  return (const uint8_t *)s;
}

const uint8_t *cxml_attribute(cxml_reader *r, const char *name, int32_t *length) {
  if (r->attribute) {
    xmlFree(r->attribute);
    r->attribute = NULL;
  }
  *length = 0;
  if (!r->reader) return NULL;
  r->attribute = xmlTextReaderGetAttribute(r->reader, (const xmlChar *)name);
  if (!r->attribute) return NULL;
  *length = (int32_t)strlen((const char *)r->attribute);
  return (const uint8_t *)r->attribute;
}

int32_t cxml_line(cxml_reader *r) { return r->reader ? xmlTextReaderGetParserLineNumber(r->reader) : 0; }

int32_t cxml_error_line(cxml_reader *r) { return r->error_line; }

int32_t cxml_error_column(cxml_reader *r) { return r->error_column; }

const uint8_t *cxml_error_message(cxml_reader *r, int32_t *length) {
  const char *m = r->error_message ? r->error_message : "not well-formed XML";
  *length = (int32_t)strlen(m);
  return (const uint8_t *)m;
}
