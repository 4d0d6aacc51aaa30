import GlossaryText

/// Errors of word alignment input.
public enum WordAlignError: Error, CustomStringConvertible, Equatable {
  /// The two sides of a sentence-aligned pair of files have different line counts.
  case lineCountMismatch(sourcePath: String, sourceLines: Int, targetPath: String, targetLines: Int)
  /// `--train-source` given without `--train-target` or the reverse.
  case unpairedTrainingFile(path: String)

  public var description: String {
    switch self {
    case let .lineCountMismatch(sp, sn, tp, tn):
      return "\(sp) has \(sn) lines but \(tp) has \(tn): sentence-aligned files need one sentence per line on both sides"
    case let .unpairedTrainingFile(path):
      return "\(path): training files come in pairs (--train-source and --train-target)"
    }
  }
}

/// One word-alignment job as the CLI runs it: sentences to align, extra training
/// sentences, tokenization, priors, training, symmetrized links.
public struct WordAlignJob {
  public var source: [String]
  public var target: [String]
  /// SOURCE/TARGET tokens are split on spaces only (indices match the input).
  public var pretokenized = false
  /// Extra raw training sentences (tokenized by the tool).
  public var trainSource: [String] = []
  public var trainTarget: [String] = []
  public var sourceLanguage: Language
  public var targetLanguage: Language
  public var lexicon: Lexicon?
  /// Known term pairs (e.g. accepted glossary entries): merged as units and used as priors.
  public var terms: [(source: String, target: String)] = []
  public var options = WordAlignOptions()
  public var symmetrization = Symmetrization.growDiagFinalAnd

  public init(source: [String], target: [String], sourceLanguage: Language, targetLanguage: Language) {
    self.source = source
    self.target = target
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// Lines of a sentence-per-line file (a final newline does not make an extra line).
  public static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Tokenizes, trains and aligns; returns the links of each SOURCE/TARGET pair.
  public func run() throws -> [[AlignmentLink]] {
    let aligner = try makeAligner()
    aligner.train()
    return aligner.allLinks(0..<source.count, symmetrization: symmetrization)
  }

  /// The untrained aligner over SOURCE/TARGET pairs (first) and training pairs.
  public func makeAligner() throws -> WordAligner {
    precondition(source.count == target.count && trainSource.count == trainTarget.count)
    let normalizer = try MatchKeyNormalizer()
    var corpus = WordAlignCorpus()
    let termSources = terms.map(\.source)
    let srcTok = try WordAlignTokenizer(language: sourceLanguage, lexicon: lexicon, terms: termSources, normalizer: normalizer)
    let tgtTok = try WordAlignTokenizer(language: targetLanguage, lexicon: lexicon, terms: [], normalizer: normalizer)
    for k in 0..<source.count {
      if pretokenized {
        corpus.append(
          sourceIDs: WordAlignTokenizer.pretokenized(source[k], normalizer: normalizer, into: corpus.sourceVocabulary),
          targetIDs: WordAlignTokenizer.pretokenized(target[k], normalizer: normalizer, into: corpus.targetVocabulary))
      } else {
        corpus.append(sourceIDs: try srcTok.tokenize(source[k], into: corpus.sourceVocabulary),
                      targetIDs: try tgtTok.tokenize(target[k], into: corpus.targetVocabulary))
      }
    }
    for k in 0..<trainSource.count {
      corpus.append(sourceIDs: try srcTok.tokenize(trainSource[k], into: corpus.sourceVocabulary),
                    targetIDs: try tgtTok.tokenize(trainTarget[k], into: corpus.targetVocabulary))
    }
    var priors: [LexicalPrior] = []
    if let lexicon { priors += WordAlignPriors.pairs(from: lexicon, normalizer: normalizer) }
    if !terms.isEmpty { priors += WordAlignPriors.pairs(fromTerms: terms, normalizer: normalizer) }
    return WordAligner(corpus: corpus, options: options, priors: priors)
  }
}
