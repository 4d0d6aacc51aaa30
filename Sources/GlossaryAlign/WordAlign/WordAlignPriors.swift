import GlossaryText

/// Prior translation pairs for `WordAligner` from a CC-CEDICT lexicon and term pairs.
///
/// Glosses are cleaned by `TranslationLexicon.cleanGloss`, which the sentence aligner uses too.
public enum WordAlignPriors {
  /// Content words of a gloss, lowercased (`TranslationLexicon.cleanGloss`, the one gloss cleaner,
  /// which already drops function words and gloss conventions); [] for glosses that are references.
  static func words(ofGloss gloss: String) -> [String] {
    TranslationLexicon.cleanGloss(gloss)
  }

  /// Source-key -> target-word pairs from a lexicon's glosses (simplified headwords).
  /// - Parameter keep: source keys worth a prior (e.g. those in the corpus); nil keeps all.
  public static func pairs(from lexicon: Lexicon, normalizer: MatchKeyNormalizer,
                           keep: ((String) -> Bool)? = nil) -> [LexicalPrior] {
    var seen = Set<LexicalPrior>()
    var out: [LexicalPrior] = []
    for e in lexicon.entries {
      // Headwords are simplified Han already: their key is themselves; others get normalized.
      let allHan = e.simplified.unicodeScalars.allSatisfy(CharacterClass.isHan)
      let head = allHan ? e.simplified : normalizer.keyString(e.simplified)
      if let keep, !keep(head) { continue }
      for g in e.glosses {
        let ws = words(ofGloss: g)
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
      for w in Set(words(ofGloss: normalizer.keyString(t.target))) {
        out.append(LexicalPrior(source: head, target: w, weight: weight))
      }
    }
    return out
  }
}
