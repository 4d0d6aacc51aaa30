// The general-language word-frequency lists compiled into glossary (data only).
// GlossaryText's WordFrequencies reads them; see zh-wordfreq.txt and LICENSE-jieba.txt.
#ifndef CWORDFREQUENCIES_H
#define CWORDFREQUENCIES_H
#include <stdint.h>

/// Chinese: jieba 0.42.1's dict.txt, trimmed (UTF-8 lines "word frequency", '#' comments).
const uint8_t *cwf_zh_bytes(void);
/// Length in bytes of cwf_zh_bytes().
uint64_t cwf_zh_count(void);

#endif
