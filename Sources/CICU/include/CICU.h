// A small C shim over the system ICU (libicu-dev).
//
// Why it exists: ICU's headers rename every function with the library's version
// (ubrk_open -> ubrk_open_72) through macros that Swift's importer drops, so
// Swift cannot call ICU by its plain names. This header exposes plain functions
// that use only <stdint.h> types; CICU.c includes <unicode/*.h> and forwards.
//
// Conventions: text is UTF-16 (uint16_t *) with explicit lengths; every call
// takes an int32_t *status that follows ICU: <= 0 success or warning, > 0 error.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// ---- Normalization -------------------------------------------------------
enum {
  CICU_NORM_NFC = 0,
  CICU_NORM_NFKC_CASEFOLD = 1,
  CICU_NORM_NFD = 2,
};

/// Normalizes src into dst; returns the required length (may exceed capacity,
/// in which case *status is U_BUFFER_OVERFLOW_ERROR = 15 and the caller retries).
int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t srcLength,
                       uint16_t *dst, int32_t capacity, int32_t *status);

/// Length of the prefix of src that is certainly already normalized.
int32_t cicu_normalized_span(int32_t form, const uint16_t *src, int32_t srcLength,
                             int32_t *status);

/// 1 when the code point has a normalization boundary before it (segments of
/// text can be normalized independently at such points), else 0.
int32_t cicu_has_boundary_before(int32_t form, uint32_t codePoint);

// ---- Transliteration -----------------------------------------------------
/// Opens a transliterator by ICU id (e.g. "Traditional-Simplified",
/// "Han-Latin; Latin-ASCII"). Not thread-safe: one per thread. Returns NULL on error.
void *cicu_trans_open(const uint16_t *id, int32_t idLength, int32_t *status);
void cicu_trans_close(void *trans);

/// Transliterates buffer[0..*length) in place; capacity is the buffer size.
/// On return *length is the new length; if it exceeds capacity, *status is
/// U_BUFFER_OVERFLOW_ERROR and the buffer content is undefined.
void cicu_trans_apply(void *trans, uint16_t *buffer, int32_t *length,
                      int32_t capacity, int32_t *status);

// ---- Break iteration -----------------------------------------------------
enum {
  CICU_BREAK_CHARACTER = 0,
  CICU_BREAK_WORD = 1,
  CICU_BREAK_LINE = 2,
  CICU_BREAK_SENTENCE = 3,
};

/// Opens a break iterator for a locale ("zh", "en@ss=standard", "lo").
/// Expensive (loads dictionaries) and not thread-safe: open once per thread.
void *cicu_brk_open(int32_t type, const char *locale, int32_t *status);
void cicu_brk_close(void *brk);

/// Sets the text, walks all boundaries and writes the boundary offsets
/// (UTF-16 units, starting with 0 and ending with textLength) to boundaries
/// and the rule status of the segment ending at each boundary to ruleStatus
/// (ruleStatus may be NULL). Returns the number of boundaries, which can
/// exceed capacity (then only capacity are written and the caller retries).
/// The iterator does not keep the text after return.
int32_t cicu_brk_boundaries(void *brk, const uint16_t *text, int32_t textLength,
                            int32_t *boundaries, int32_t *ruleStatus,
                            int32_t capacity, int32_t *status);

// ---- Character properties ------------------------------------------------
/// ICU script code (UScriptCode) of a code point: 17 Han, 25 Latin, 24 Lao ...
int32_t cicu_script(uint32_t codePoint);
/// Short script name ("Hani", "Latn", "Laoo") written to buf (NUL-terminated).
int32_t cicu_script_short_name(int32_t script, char *buf, int32_t capacity);
/// General category (UCharCategory) of a code point.
int32_t cicu_char_type(uint32_t codePoint);
/// 1 when the locale id names a locale ICU has data for (exact or by language).
int32_t cicu_locale_is_available(const char *locale);

// ---- Character classes ---------------------------------------------------
// One bit per class, computed from ICU properties (GlossaryText's CharacterClass
// is the Swift face of these bits and documents each one).
enum {
  CICU_CLASS_LETTER = 1 << 0,          // General_Category L*
  CICU_CLASS_MARK = 1 << 1,            // M*
  CICU_CLASS_NUMBER = 1 << 2,          // N*
  CICU_CLASS_DIGIT = 1 << 3,           // Nd
  CICU_CLASS_PUNCTUATION = 1 << 4,     // P*
  CICU_CLASS_SYMBOL = 1 << 5,          // S*
  CICU_CLASS_WHITESPACE = 1 << 6,      // White_Space
  CICU_CLASS_LINE_BREAK = 1 << 7,      // Line_Break BK, CR, LF, NL (mandatory breaks)
  CICU_CLASS_HAN = 1 << 8,             // Alphabetic and Script=Han
  CICU_CLASS_KANA = 1 << 9,            // Alphabetic and Script_Extensions has Hira or Kana
  CICU_CLASS_HANGUL = 1 << 10,         // Alphabetic and Script=Hangul
  CICU_CLASS_LATIN = 1 << 11,          // Alphabetic and Script=Latin
  CICU_CLASS_CJK_PUNCTUATION = 1 << 12,  // P* and East_Asian_Width W or F
  CICU_CLASS_UNSPACED = 1 << 13,       // L*, M* or N* with Line_Break ID, SA or CJ, or Han or kana
  CICU_CLASS_CONTROL = 1 << 14,        // Cc
  CICU_CLASS_WIDE = 1 << 15,           // East_Asian_Width W or F (two columns in a terminal)
};

/// Page table of the class bits (0x1100 entries): entry p points to the 256
/// classes of code points p*256 ..< p*256+256 once that page was filled, else
/// NULL. Filled lazily and thread-safely by cicu_class_page_fill; read through
/// cicu_class. (A pointer, not an array: Swift would import an array as a tuple.)
extern const uint16_t **const cicu_class_pages;

/// Fills page `page` (0 ..< 0x1100) from ICU if it is not filled yet and returns it.
/// Thread-safe: concurrent callers get the same page.
const uint16_t *cicu_class_page_fill(uint32_t page);

/// The class bits of a code point (0 for values above U+10FFFF): one table
/// read once the page is filled (about 40 microseconds of ICU calls per page).
static inline uint16_t cicu_class(uint32_t codePoint) {
  if (codePoint > 0x10FFFF) return 0;
  const uint16_t *p = __atomic_load_n(&cicu_class_pages[codePoint >> 8], __ATOMIC_ACQUIRE);
  if (!p) p = cicu_class_page_fill(codePoint >> 8);
  return p[codePoint & 0xFF];
}

/// The class bits of a code point computed by ICU directly (no table; for tests).
uint16_t cicu_class_uncached(uint32_t codePoint);

// ---- Match-key fold table ------------------------------------------------
/// One table per process (0x10000 entries, one per UTF-16 code unit) of the
/// match-key fold of each non-ASCII BMP unit, 0 while not computed yet.
/// GlossaryText's MatchKeyNormalizer computes missing entries (ICU
/// transliteration) and stores them; values never change once stored, so
/// relaxed atomic loads and stores are all the synchronization needed.
extern uint16_t *const cicu_fold_table;

static inline uint16_t cicu_fold_load(uint16_t unit) {
  return __atomic_load_n(cicu_fold_table + unit, __ATOMIC_RELAXED);
}

static inline void cicu_fold_store(uint16_t unit, uint16_t fold) {
  __atomic_store_n(cicu_fold_table + unit, fold, __ATOMIC_RELAXED);
}

/// ICU's version, e.g. "72.1", written to buf.
void cicu_version(char *buf, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
