import Foundation
import GlossaryAlign
import GlossaryText

/// `glossary extract` as a library call: scan a corpus, align sentences and
/// words, mine recurring phrases, and merge them into a glossary file as
/// candidates (under the glossary's lock, atomically).
public struct ExtractionRun {
  public var corpusPath: String
  /// The glossary written to; created when missing.
  public var glossaryPath: String?
  public var lexiconPath: String?
  public var sourceLanguage: String?
  public var targetLanguage: String?
  public var options = MiningParameters()
  /// Progress messages ("aligned 12/55 documents"), from any thread.
  public var progress: (@Sendable (String) -> Void)?

  public init(corpusPath: String, glossaryPath: String?) {
    self.corpusPath = corpusPath
    self.glossaryPath = glossaryPath
  }

  public struct Result {
    public var summary: ExtractionSummary
    public var terms: [MinedTerm]
    public var warnings: [String]
  }

  /// Runs the pipeline. With `write` false, the glossary is read but not changed.
  public func run(write: Bool = true) throws -> Result {
    let corpus = try Corpus.scan(corpusPath)
    guard let pair = (sourceLanguage.flatMap { s in targetLanguage.map { (s, $0) } }) ?? corpus.languagePair else {
      throw CorpusError.invalid("\(corpusPath): no paired documents (files named YYYY-MM-DD-slug.LANG.txt in two languages)")
    }
    let source = try Language(pair.0), target = try Language(pair.1)
    let documents = corpus.documents(pairedIn: source.code, target.code)
    guard !documents.isEmpty else {
      throw CorpusError.invalid("\(corpusPath): no document has both \(source.code) and \(target.code) versions")
    }
    var warnings = corpus.problems.map(\.description)

    // Known terms: the glossary's curated ones and the lexicon's headwords. Candidates and rejected
    // rows are left out: they come from the last run, and must not change this one's tokens.
    var glossary: Glossary? = nil
    if let glossaryPath, FileManager.default.fileExists(atPath: glossaryPath) {
      glossary = try GlossaryStore.load(path: glossaryPath)
    }
    let normalizer = try MatchKeyNormalizer()
    let lexicon = try lexiconPath.map { try Lexicon.load(path: $0) }
    var sourceTerms = lexicon?.terms ?? TermTrie()
    for e in glossary?.entries ?? [] where e.status.isCurated { sourceTerms.insert(normalizer.key(for: e.source).units, value: 0) }
    let accepted = glossary?.acceptedTermPairs ?? []
    let translationLexicon = TranslationLexicon(lexicon: lexicon, termPairs: accepted, normalizer: normalizer)

    let total = documents.count
    let progress = self.progress
    var documentProgress: (@Sendable (Int) -> Void)? = nil
    if let progress { documentProgress = { done in progress("aligned sentences of \(done)/\(total) documents") } }
    let prepared = try PreparedCorpus.prepare(
      documents: documents, sourceLanguage: source, targetLanguage: target, sourceTerms: sourceTerms,
      makeAligner: DefaultAligners.sentenceAligner(source: source, target: target, lexicon: translationLexicon),
      minimumBeadScore: options.minBeadScore,
      progress: documentProgress)
    progress?("aligning words of \(prepared.pairs.count) sentence pairs")
    let alignment = try DefaultAligners.wordAligner(lexicon: lexicon, termPairs: accepted)(prepared)
    progress?("mining")
    // The dictionary alone (no glossary pairs) tells vocabulary from formulations.
    let dictionary = lexicon.map { TranslationLexicon(lexicon: $0, normalizer: normalizer) }
    let terms = try Extractor(options: options, dictionary: dictionary).mine(prepared, alignment: alignment)

    var summary = ExtractionSummary()
    summary.documents = documents.count
    summary.sentencePairs = prepared.pairs.count
    summary.terms = terms.count
    if write, let glossaryPath {
      let keys = try LookupKeys(normalizer: normalizer)
      let counts = try GlossaryStore.update(path: glossaryPath, languages: (source.code, target.code)) { g in
        let merged = g.merge(terms, keys: keys)
        let refreshed = try g.refreshCuratedEvidence(from: prepared)
        return (new: merged.new, updated: merged.updated + refreshed, unchanged: merged.unchanged)
      }
      summary.newCandidates = counts.new
      summary.updatedEntries = counts.updated
      summary.unchangedEntries = counts.unchanged
    }
    if documents.count < corpus.documents.count {
      warnings.append("\(corpus.documents.count - documents.count) documents lack a \(source.code) or \(target.code) version and were skipped")
    }
    return Result(summary: summary, terms: terms, warnings: warnings)
  }
}
