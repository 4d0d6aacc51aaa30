import GlossaryText

/// Prior translation pairs for `WordAligner` from a CC-CEDICT lexicon and term pairs.
///
/// Glosses are cleaned by `Gloss.contentWords`, which the sentence aligner uses too.
public enum WordAlignPriors {
  /// Content words of a gloss, lowercased (`Gloss.contentWords`, the one gloss cleaner, which
  /// already drops function words and gloss conventions); [] for glosses that are references.
  static func words(ofGloss gloss: String) -> [String] {
    Gloss.contentWords(gloss)
  }

  /// Source-key -> target-word pairs from a compiled lexicon (its keyed gloss words).
  /// - Parameter keep: source keys worth a prior (e.g. those in the corpus); nil keeps all.
  public static func pairs(from lexicon: Lexicon, keep: ((String) -> Bool)? = nil) -> [LexicalPrior] {
    var out: [LexicalPrior] = []
    var words: [String?] = Array(repeating: nil, count: lexicon.wordCount + 1)
    for k in 0..<Int32(lexicon.keyCount) {
      let head = lexicon.keyString(k)
      if let keep, !keep(head) { continue }
      for w in lexicon.words(ofKey: k) {
        if words[Int(w)] == nil { words[Int(w)] = lexicon.word(w) }
        out.append(LexicalPrior(source: head, target: words[Int(w)]!))
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
      for w in Set(words(ofGloss: normalizer.keyString(t.target))) {
        out.append(LexicalPrior(source: head, target: w, weight: weight))
      }
    }
    return out
  }
}
