import Foundation
import GlossaryKit

/// `glossary-bench text [--mb N]`: throughput of match-key normalization and of
/// word tokenization (key + ICU words + term merge) on a generated mixed
/// Chinese/English text, beside bare ICU word breaking of the same lines.
func benchText(_ args: [String]) throws {
  let megabytes = Double(args.firstIndex(of: "--mb").map { args[$0 + 1] } ?? "10") ?? 10
  let lines = generateMixedText(bytes: Int(megabytes * 1_000_000))
  let utf16Lines = lines.map { Array($0.utf16) }
  let totalBytes = lines.reduce(0) { $0 + $1.utf8.count }
  let mb = Double(totalBytes) / 1_000_000
  print(String(format: "text: %.1f MB of mixed zh/en in %d lines", mb, lines.count))

  let zh = try Language("zh")
  let breaker = try ICUWordBreaker(language: zh)
  let normalizer = try MatchKeyNormalizer()
  var trie = TermTrie()
  for term in ["人类命运共同体", "命运共同体", "习近平", "构建", "一带一路", "全面战略合作伙伴关系", "务实合作", "共赢"] {
    trie.insert(normalizer.key(for: term).units, value: 1)
  }
  let tokenizer = try WordTokenizer(language: zh, terms: trie, normalizer: normalizer)

  var sink = 0
  let icu = try best(of: 3) {
    for l in utf16Lines { sink &+= try l.withUnsafeBufferPointer { try breaker.countBoundaries($0) } }
  }
  let key = best(of: 3) {
    for l in utf16Lines { sink &+= l.withUnsafeBufferPointer { normalizer.key(for: $0).units.count } }
  }
  let tok = try best(of: 3) {
    for l in utf16Lines { sink &+= try l.withUnsafeBufferPointer { try tokenizer.tokenize($0).tokens.count } }
  }
  func row(_ name: String, _ s: Double) {
    print(String(format: "  %@ %7.1f MB/s   %.2fx of bare ICU", name.padding(toLength: 42, withPad: " ", startingAt: 0) as NSString, mb / s, icu / s))
  }
  row("bare ICU word break (floor)", icu)
  row("match key (NFKC_CF, T->S, folding, map)", key)
  row("tokenize (key + ICU words + term merge)", tok)
  print(String(format: "  peak memory %.0f MiB (checksum %d)", peakMemoryMiB(), sink % 1000))
}

/// A reproducible mix of Chinese and English press-release lines.
func generateMixedText(bytes: Int) -> [String] {
  let zh = [
    "国家主席习近平同老挝国家主席本扬通电话。", "双方同意深化务实合作，推动构建人类命运共同体。",
    "中方愿同各方一道，高质量共建“一带一路”，推进全面战略合作伙伴关系。", "外交部发言人毛宁主持例行记者会。",
    "２０２０年4月3日，两国元首就新冠肺炎疫情防控交换意见。", "國家主席習近平強調，中老命運共同體建設取得新進展。",
  ]
  let en = [
    "President Xi Jinping spoke with Lao President Bounnhang Vorachit on the phone.",
    "The two sides agreed to deepen practical cooperation and build a community with a shared future for mankind.",
    "Foreign Ministry Spokesperson Mao Ning hosted the regular press conference on 3 April 2020.",
    "China stands ready to work with all parties for high-quality Belt and Road cooperation.",
  ]
  var rng = SplitMix64(seed: 2020)
  var lines: [String] = []
  var size = 0
  while size < bytes {
    var line = ""
    for _ in 0..<(2 + Int(rng.next() % 4)) {
      line += rng.next() % 2 == 0 ? zh[Int(rng.next() % UInt64(zh.count))] : en[Int(rng.next() % UInt64(en.count))] + " "
    }
    size += line.utf8.count + 1
    lines.append(line)
  }
  return lines
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
