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

extension WordAlignError: ExitCodeConvertible {
  public var exitCode: Int32 { ExitStatus.dataError }
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
    let (aligner, units) = try prepare()
    aligner.train()
    return project(aligner.allLinks(0..<source.count, symmetrization: symmetrization), units: units)
  }

  /// Maps links between model units back to input tokens (pretokenized input), deduplicated.
  public func project(_ links: [[AlignmentLink]], units: UnitMap?) -> [[AlignmentLink]] {
    guard let units else { return links }
    return links.enumerated().map { p, ls in
      var seen = Set<AlignmentLink>()
      for l in ls {
        seen.insert(AlignmentLink(source: Int(units.source[p][l.source]), target: Int(units.target[p][l.target])))
      }
      return seen.sorted()
    }
  }

  /// For pretokenized input: the input token index of each model unit of SOURCE/TARGET pairs.
  public struct UnitMap {
    public var source: [[Int32]] = []
    public var target: [[Int32]] = []
  }

  /// The untrained aligner, and for pretokenized input the unit -> token maps. Each
  /// pretokenized token is itself tokenized like the training text (so "3月" is the "3" "月"
  /// the model knows from raw text); links are projected back with `project`.
  /// - Throws: `WordAlignError.lineCountMismatch` when a side has more sentences than the other.
  public func prepare() throws -> (aligner: WordAligner, units: UnitMap?) {
    guard source.count == target.count else {
      throw WordAlignError.lineCountMismatch(sourcePath: "source", sourceLines: source.count,
                                             targetPath: "target", targetLines: target.count)
    }
    guard trainSource.count == trainTarget.count else {
      throw WordAlignError.lineCountMismatch(sourcePath: "training source", sourceLines: trainSource.count,
                                             targetPath: "training target", targetLines: trainTarget.count)
    }
    let normalizer = try MatchKeyNormalizer()
    var corpus = WordAlignCorpus()
    let termSources = terms.map(\.source)
    let srcTok = try WordAlignTokenizer(language: sourceLanguage, lexicon: lexicon, terms: termSources, normalizer: normalizer)
    let tgtTok = try WordAlignTokenizer(language: targetLanguage, lexicon: lexicon, terms: [], normalizer: normalizer)
    var units: UnitMap? = pretokenized ? UnitMap() : nil
    func split(_ line: String, _ tok: WordAlignTokenizer, _ vocabulary: WordVocabulary) throws -> ([Int32], [Int32]) {
      var ids: [Int32] = [], map: [Int32] = []
      for (k, token) in line.split(separator: " ", omittingEmptySubsequences: true).enumerated() {
        var sub = try tok.tokenize(String(token), into: vocabulary)
        if sub.isEmpty { sub = WordAlignTokenizer.pretokenized(String(token), normalizer: normalizer, into: vocabulary) }
        ids += sub
        map += Array(repeating: Int32(k), count: sub.count)
      }
      return (ids, map)
    }
    for k in 0..<source.count {
      if pretokenized {
        let (s, sm) = try split(source[k], srcTok, corpus.sourceVocabulary)
        let (t, tm) = try split(target[k], tgtTok, corpus.targetVocabulary)
        corpus.append(sourceIDs: s, targetIDs: t)
        units?.source.append(sm)
        units?.target.append(tm)
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
    if let lexicon {
      let vocabulary = corpus.sourceVocabulary
      priors += WordAlignPriors.pairs(from: lexicon) { vocabulary.existingID($0) != nil }
    }
    if !terms.isEmpty { priors += WordAlignPriors.pairs(fromTerms: terms, normalizer: normalizer) }
    if tgtTok.foldsInflections {
      for k in priors.indices {
        priors[k].target = String(decoding: WordAlignTokenizer.fold(ArraySlice(Array(priors[k].target.utf16))), as: UTF16.self)
      }
    }
    return (WordAligner(corpus: corpus, options: options, priors: priors), units)
  }
}
