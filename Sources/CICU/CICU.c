// Forwards the plain functions of CICU.h to ICU (see the header for why).
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *err) {
  switch (form) {
    case CICU_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(err);
    case CICU_NORM_NFD: return unorm2_getNFDInstance(err);
    default: return unorm2_getNFCInstance(err);
  }
}

int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t srcLength,
                       uint16_t *dst, int32_t capacity, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer(form, &err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t len = unorm2_normalize(n, (const UChar *)src, srcLength, (UChar *)dst, capacity, &err);
  *status = err;
  return len;
}

int32_t cicu_normalized_span(int32_t form, const uint16_t *src, int32_t srcLength, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer(form, &err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t span = unorm2_spanQuickCheckYes(n, (const UChar *)src, srcLength, &err);
  *status = err;
  return span;
}

int32_t cicu_has_boundary_before(int32_t form, uint32_t codePoint) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer(form, &err);
  if (U_FAILURE(err)) return 1;
  return unorm2_hasBoundaryBefore(n, (UChar32)codePoint) ? 1 : 0;
}

void *cicu_trans_open(const uint16_t *id, int32_t idLength, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &err);
  *status = err;
  if (U_FAILURE(err)) { if (t) utrans_close(t); return NULL; }
  return t;
}

void cicu_trans_close(void *trans) {
  if (trans) utrans_close((UTransliterator *)trans);
}

void cicu_trans_apply(void *trans, uint16_t *buffer, int32_t *length, int32_t capacity, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t limit = *length;
  utrans_transUChars((const UTransliterator *)trans, (UChar *)buffer, length, capacity, 0, &limit, &err);
  *status = err;
}

void *cicu_brk_open(int32_t type, const char *locale, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIteratorType t = UBRK_WORD;
  switch (type) {
    case CICU_BREAK_CHARACTER: t = UBRK_CHARACTER; break;
    case CICU_BREAK_LINE: t = UBRK_LINE; break;
    case CICU_BREAK_SENTENCE: t = UBRK_SENTENCE; break;
    default: t = UBRK_WORD; break;
  }
  UBreakIterator *b = ubrk_open(t, locale, NULL, 0, &err);
  *status = err;
  if (U_FAILURE(err)) { if (b) ubrk_close(b); return NULL; }
  return b;
}

void cicu_brk_close(void *brk) {
  if (brk) ubrk_close((UBreakIterator *)brk);
}

int32_t cicu_brk_boundaries(void *brk, const uint16_t *text, int32_t textLength,
                            int32_t *boundaries, int32_t *ruleStatus,
                            int32_t capacity, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIterator *b = (UBreakIterator *)brk;
  ubrk_setText(b, (const UChar *)text, textLength, &err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t count = 0;
  for (int32_t pos = ubrk_first(b); pos != UBRK_DONE; pos = ubrk_next(b)) {
    if (count < capacity) {
      boundaries[count] = pos;
      if (ruleStatus) ruleStatus[count] = ubrk_getRuleStatus(b);
    }
    count++;
  }
  // Drop the reference to the caller's buffer: the iterator must not outlive it.
  static const UChar empty[1] = {0};
  ubrk_setText(b, empty, 0, &err);
  *status = U_FAILURE(err) ? err : U_ZERO_ERROR;
  return count;
}

int32_t cicu_script(uint32_t codePoint) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript((UChar32)codePoint, &err);
  return U_FAILURE(err) ? -1 : (int32_t)s;
}

int32_t cicu_script_short_name(int32_t script, char *buf, int32_t capacity) {
  const char *name = uscript_getShortName((UScriptCode)script);
  if (!name || capacity <= 0) return 0;
  int32_t n = (int32_t)strlen(name);
  if (n >= capacity) n = capacity - 1;
  memcpy(buf, name, (size_t)n);
  buf[n] = 0;
  return n;
}

int32_t cicu_char_type(uint32_t codePoint) { return (int32_t)u_charType((UChar32)codePoint); }

int32_t cicu_locale_is_available(const char *locale) {
  char lang[32];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = uloc_getLanguage(locale, lang, (int32_t)sizeof lang, &err);
  if (U_FAILURE(err) || n <= 0 || n >= (int32_t)sizeof lang) return 0;
  int32_t count = uloc_countAvailable();
  for (int32_t i = 0; i < count; i++) {
    const char *avail = uloc_getAvailable(i);
    char alang[32];
    UErrorCode e2 = U_ZERO_ERROR;
    uloc_getLanguage(avail, alang, (int32_t)sizeof alang, &e2);
    if (U_SUCCESS(e2) && strcmp(alang, lang) == 0) return 1;
  }
  return 0;
}

void cicu_version(char *buf, int32_t capacity) {
  UVersionInfo v;
  u_getVersion(v);
  char tmp[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, tmp);
  int32_t n = (int32_t)strlen(tmp);
  if (n >= capacity) n = capacity - 1;
  memcpy(buf, tmp, (size_t)n);
  buf[n] = 0;
}

static const uint16_t *class_pages[0x1100];
const uint16_t **const cicu_class_pages = class_pages;

static uint16_t fold_table[0x10000];
uint16_t *const cicu_fold_table = fold_table;

uint16_t cicu_class_uncached(uint32_t codePoint) {
  UChar32 c = (UChar32)codePoint;
  uint32_t gc = U_GET_GC_MASK(c);
  uint16_t f = 0;
  if (gc & U_GC_L_MASK) f |= CICU_CLASS_LETTER;
  if (gc & U_GC_M_MASK) f |= CICU_CLASS_MARK;
  if (gc & U_GC_N_MASK) f |= CICU_CLASS_NUMBER;
  if (gc & U_GC_ND_MASK) f |= CICU_CLASS_DIGIT;
  if (gc & U_GC_P_MASK) f |= CICU_CLASS_PUNCTUATION;
  if (gc & U_GC_S_MASK) f |= CICU_CLASS_SYMBOL;
  if (gc & U_GC_CC_MASK) f |= CICU_CLASS_CONTROL;
  if (gc & U_GC_CN_MASK) return f;  // unassigned: nothing more to ask
  if (u_isUWhiteSpace(c)) f |= CICU_CLASS_WHITESPACE;
  if (gc & (U_GC_CC_MASK | U_GC_ZL_MASK | U_GC_ZP_MASK)) {
    int32_t lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    if (lb == U_LB_MANDATORY_BREAK || lb == U_LB_CARRIAGE_RETURN || lb == U_LB_LINE_FEED || lb == U_LB_NEXT_LINE)
      f |= CICU_CLASS_LINE_BREAK;
  }
  if (u_isUAlphabetic(c)) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &err);
    if (U_SUCCESS(err)) {
      if (s == USCRIPT_HAN) f |= CICU_CLASS_HAN;
      if (s == USCRIPT_HANGUL) f |= CICU_CLASS_HANGUL;
      if (s == USCRIPT_LATIN) f |= CICU_CLASS_LATIN;
    }
    if (uscript_hasScript(c, USCRIPT_HIRAGANA) || uscript_hasScript(c, USCRIPT_KATAKANA)) f |= CICU_CLASS_KANA;
  }
  int32_t ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) {
    f |= CICU_CLASS_WIDE;
    if (gc & U_GC_P_MASK) f |= CICU_CLASS_CJK_PUNCTUATION;
  }
  if (gc & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) {
    int32_t lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    if (lb == U_LB_IDEOGRAPHIC || lb == U_LB_COMPLEX_CONTEXT || lb == U_LB_CONDITIONAL_JAPANESE_STARTER ||
        (f & (CICU_CLASS_HAN | CICU_CLASS_KANA)))
      f |= CICU_CLASS_UNSPACED;
  }
  return f;
}

const uint16_t *cicu_class_page_fill(uint32_t page) {
  if (page >= 0x1100) page = 0;  // callers check the range; never index out of the table
  const uint16_t *p = __atomic_load_n(&cicu_class_pages[page], __ATOMIC_ACQUIRE);
  if (p) return p;
  uint16_t *fresh = malloc(256 * sizeof(uint16_t));
  if (!fresh) abort();
  for (uint32_t i = 0; i < 256; i++) fresh[i] = cicu_class_uncached(page * 256 + i);
  const uint16_t *expected = NULL;
  if (__atomic_compare_exchange_n(&cicu_class_pages[page], &expected, fresh, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    return fresh;
  }
  free(fresh);  // another thread filled it first: use theirs (same values)
  return expected;
}
