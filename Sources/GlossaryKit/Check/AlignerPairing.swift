import GlossaryAlign

/// Pairs sentences with the project's sentence aligner (GlossaryAlign's
/// ``SentenceAligner``: length and lexical costs, paragraph hints), fed with
/// the glossary's own term pairs as a translation lexicon. Not thread-safe.
public final class AlignerPairing: SentencePairing {
  private let aligner: SentenceAligner

  /// - Parameter termPairs: source term / rendering pairs that help the aligner (e.g. from the glossary).
  public init(source: Language, target: Language, termPairs: [(source: String, target: String)] = []) throws {
    let lexicon = TranslationLexicon(lexicon: nil, termPairs: termPairs, normalizer: try MatchKeyNormalizer())
    aligner = try SentenceAligner(sourceLanguage: source, targetLanguage: target, lexicon: lexicon)
  }

  public func pair(
    source: TextDocument, sentences s: [Sentence], target: TextDocument, sentences t: [Sentence]
  ) throws -> [SentenceSpan] {
    let alignment = try aligner.align(
      source: s.map { source.string($0.range) }, target: t.map { target.string($0.range) },
      sourceParagraphs: s.map(\.paragraph), targetParagraphs: t.map(\.paragraph))
    return alignment.beads.map { SentenceSpan(source: $0.source, target: $0.target) }
  }
}

extension CheckIndex {
  /// Source term / rendering pairs of every curated rendering, for an aligner's lexicon.
  public var termPairs: [(source: String, target: String)] {
    concepts.flatMap { c in c.renderings.map { (c.source, $0.entry.target) } }
  }
}
