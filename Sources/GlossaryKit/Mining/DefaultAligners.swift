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
      for pair in corpus.pairs {
        data.append(sourceIDs: pair.sourceTokens.map { sourceIds[Int($0)] }, targetIDs: pair.targetTokens.map { targetIds[Int($0)] })
      }
      let normalizer = try MatchKeyNormalizer()
      var priors: [LexicalPrior] = []
      // Priors only for headwords the corpus has: the whole lexicon would cost seconds for nothing.
      if let lexicon { priors += WordAlignPriors.pairs(from: lexicon, normalizer: normalizer) { data.sourceVocabulary.existingID($0) != nil } }
      priors += WordAlignPriors.pairs(fromTerms: termPairs, normalizer: normalizer)
      let aligner = WordAligner(corpus: data, options: options, priors: priors)
      aligner.train()
      return CorpusWordAlignment(
        links: aligner.allLinks(symmetrization: symmetrization),
        forward: { s, t in aligner.forwardProbability(source: sourceIds[Int(s)], target: targetIds[Int(t)]) },
        forwardNull: { t in aligner.forwardNullProbability(target: targetIds[Int(t)]) },
        reverse: { s, t in aligner.reverseProbability(source: sourceIds[Int(s)], target: targetIds[Int(t)]) },
        reverseNull: { s in aligner.reverseNullProbability(source: sourceIds[Int(s)]) })
    }
  }
}

/// Carries a value across a `@Sendable` boundary; the value is only read.
final class SendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
