// Embeds zh-wordfreq.txt (C23 #embed, clang 19+); the file is the data's only copy.
#include "CWordFrequencies.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc23-extensions"
static const uint8_t zh[] = {
#embed "zh-wordfreq.txt"
};
#pragma clang diagnostic pop

const uint8_t *cwf_zh_bytes(void) { return zh; }
uint64_t cwf_zh_count(void) { return sizeof zh; }
