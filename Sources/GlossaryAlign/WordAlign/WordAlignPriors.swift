import GlossaryText

/// Prior translation pairs for `WordAligner` from a CC-CEDICT lexicon and term pairs.
///
/// Adapter: reads `Lexicon` glosses directly (cleaned to content words). When the shared
/// `TranslationLexicon` (GlossaryAlign/Lexical) settles, this is the one place to switch.
public enum WordAlignPriors {
  /// English words that carry no translation (left to the null word).
  static let stopwords: Set<String> = [
    "a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "by", "at", "as", "be", "is", "are",
    "sb", "sth", "one's", "oneself", "something", "someone", "somebody", "etc", "from", "into", "up", "out",
    "s", "it", "its", "that", "this", "used", "also", "esp", "e", "g", "kind", "sort", "type",
  ]

  /// Content words of a gloss, lowercased; nil for glosses that are references, not translations.
  static func words(ofGloss gloss: String) -> [String]? {
    let lower = gloss.lowercased()
    for prefix in ["cl:", "surname ", "variant of", "old variant", "see ", "abbr. for", "used in", "japanese variant",
                   "erhua variant", "also written", "also pr.", "(archaic)", "(old)"]
    where lower.hasPrefix(prefix) { return nil }
    var out: [String] = []
    var depth = 0
    var word = ""
    func flush() {
      if !word.isEmpty { out.append(contentsOf: word.split(separator: "-").map(String.init)) }
      word = ""
    }
    for ch in lower {
      if ch == "(" || ch == "[" { flush(); depth += 1; continue }
      if ch == ")" || ch == "]" { flush(); depth = max(0, depth - 1); continue }
      if depth > 0 { continue }
      if ch.isLetter || ch == "'" || ch == "-" { word.append(ch) } else { flush() }
    }
    flush()
    return out.filter { ($0.count > 1 || $0 == "i") && !stopwords.contains($0) }
  }

  /// Source-key -> target-word pairs from a lexicon's glosses (simplified headwords).
  /// - Parameter keep: source keys worth a prior (e.g. those in the corpus); nil keeps all.
  public static func pairs(from lexicon: Lexicon, normalizer: MatchKeyNormalizer,
                           keep: ((String) -> Bool)? = nil) -> [LexicalPrior] {
    var seen = Set<LexicalPrior>()
    var out: [LexicalPrior] = []
    for e in lexicon.entries {
      // Headwords are simplified Han already: their key is themselves; others get normalized.
      let allHan = e.simplified.unicodeScalars.allSatisfy { $0.value >= 0x3400 && $0.value <= 0x9FFF }
      let head = allHan ? e.simplified : normalizer.keyString(e.simplified)
      if let keep, !keep(head) { continue }
      for g in e.glosses {
        guard let ws = words(ofGloss: g) else { continue }
        for w in ws {
          let p = LexicalPrior(source: head, target: w)
          if seen.insert(p).inserted { out.append(p) }
        }
      }
    }
    return out
  }

  /// Pairs from term pairs (e.g. accepted glossary entries): the source key with each
  /// content word of the target, at `weight`.
  public static func pairs(fromTerms terms: [(source: String, target: String)], normalizer: MatchKeyNormalizer,
                           weight: Double = 2) -> [LexicalPrior] {
    var out: [LexicalPrior] = []
    for t in terms {
      let head = normalizer.keyString(t.source)
      for w in Set(words(ofGloss: normalizer.keyString(t.target)) ?? []) {
        out.append(LexicalPrior(source: head, target: w, weight: weight))
      }
    }
    return out
  }
}
