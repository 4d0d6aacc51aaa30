import GlossaryAlign
import GlossaryText

/// The miner's default aligners: GlossaryAlign's sentence aligner (length,
/// lexicon, glossary anchors, second pass) and its HMM word aligner trained on
/// the prepared corpus itself, with lexicon and glossary pairs as priors.
public enum DefaultAligners {
  /// A factory of sentence aligners sharing one translation lexicon.
  public static func sentenceAligner(
    source: Language, target: Language, lexicon: TranslationLexicon?
  ) -> SentenceAlignerFactory {
    let shared = SendableBox(lexicon)
    return {
      let aligner = try SentenceAligner(sourceLanguage: source, targetLanguage: target, lexicon: shared.value)
      return { s, t, sp, tp in try aligner.align(source: s, target: t, sourceParagraphs: sp, targetParagraphs: tp).beads }
    }
  }

  /// Word alignment of every pair of a prepared corpus, symmetrized.
  public static func wordAligner(
    lexicon: Lexicon?, termPairs: [(source: String, target: String)], options: WordAlignOptions = WordAlignOptions(),
    symmetrization: Symmetrization = .growDiagFinalAnd
  ) -> WordAlignFunction {
    let box = SendableBox((lexicon, termPairs))
    return { corpus in
      let (lexicon, termPairs) = box.value
      var data = WordAlignCorpus()
      let sourceIds = corpus.sourceVocabulary.strings.map { data.sourceVocabulary.id($0) }
      let targetIds = corpus.targetVocabulary.strings.map { data.targetVocabulary.id($0) }
      // The aligner works on words; its links are spread over the units of each word.
      for pair in corpus.pairs {
        let s = pair.sourceUnitWord.isEmpty ? pair.sourceTokens : pair.sourceWords
        let t = pair.targetUnitWord.isEmpty ? pair.targetTokens : pair.targetWords
        data.append(sourceIDs: s.map { sourceIds[Int($0)] }, targetIDs: t.map { targetIds[Int($0)] })
      }
      let normalizer = try MatchKeyNormalizer()
      var priors: [LexicalPrior] = []
      // Priors only for headwords the corpus has: the whole lexicon would cost seconds for nothing.
      if let lexicon { priors += WordAlignPriors.pairs(from: lexicon) { data.sourceVocabulary.existingID($0) != nil } }
      priors += WordAlignPriors.pairs(fromTerms: termPairs, normalizer: normalizer)
      let aligner = WordAligner(corpus: data, options: options, priors: priors)
      aligner.train()
      return CorpusWordAlignment(
        links: zip(corpus.pairs, aligner.allLinks(symmetrization: symmetrization)).map { unitLinks($1, $0) },
        forward: { s, t in aligner.forwardProbability(source: sourceIds[Int(s)], target: targetIds[Int(t)]) },
        forwardNull: { t in aligner.forwardNullProbability(target: targetIds[Int(t)]) },
        reverse: { s, t in aligner.reverseProbability(source: sourceIds[Int(s)], target: targetIds[Int(t)]) },
        reverseNull: { s in aligner.reverseNullProbability(source: sourceIds[Int(s)]) })
    }
  }
}

/// Word links as unit links: each link joins every unit of its source word to every unit of its target word.
func unitLinks(_ links: [AlignmentLink], _ pair: AlignedPair) -> [AlignmentLink] {
  guard !pair.sourceUnitWord.isEmpty || !pair.targetUnitWord.isEmpty else { return links }
  func units(_ unitWord: [Int32], _ count: Int) -> [Range<Int>] {
    guard !unitWord.isEmpty else { return (0..<count).map { $0..<($0 + 1) } }
    var ranges = [Range<Int>](repeating: 0..<0, count: Int(unitWord.last.map { $0 + 1 } ?? 0))
    var u = 0
    while u < unitWord.count {
      var v = u
      while v + 1 < unitWord.count, unitWord[v + 1] == unitWord[u] { v += 1 }
      ranges[Int(unitWord[u])] = u..<(v + 1)
      u = v + 1
    }
    return ranges
  }
  let s = units(pair.sourceUnitWord, pair.sourceTokens.count), t = units(pair.targetUnitWord, pair.targetTokens.count)
  var out: [AlignmentLink] = []
  for l in links where l.source < s.count && l.target < t.count {
    for i in s[l.source] { for j in t[l.target] { out.append(AlignmentLink(source: i, target: j)) } }
  }
  return out
}

/// Carries a value across a `@Sendable` boundary; the value is only read.
final class SendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
