import Foundation
import GlossaryAlign
import GlossaryText

/// `glossary extract` as a library call: bring the corpus's alignment store up
/// to date (only new and changed documents are aligned, `AlignmentStoreUpdate`),
/// mine recurring phrases from it, and merge them into a glossary file as
/// candidates (under the glossary's lock, atomically).
public struct ExtractionRun {
  public var corpusPath: String
  /// The glossary written to; created when missing.
  public var glossaryPath: String?
  public var lexiconPath: String?
  public var sourceLanguage: String?
  public var targetLanguage: String?
  /// The alignment store (default: `AlignmentStore.defaultPath(corpus:)`).
  public var storePath: String?
  public var options = MiningParameters()
  public var wordModel = WordModelPolicy()
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
    /// What the alignment store update did (documents aligned, reused, removed).
    public var store: AlignmentStoreUpdate.Summary
  }

  /// Runs the pipeline. With `write` false, the glossary is read but not changed (the store is
  /// still brought up to date).
  public func run(write: Bool = true) throws -> Result {
    // Known terms: the glossary's curated ones and the lexicon's headwords. Candidates and rejected
    // rows are left out: they come from the last run, and must not change this one's tokens.
    var glossary: Glossary? = nil
    if let glossaryPath, FileManager.default.fileExists(atPath: glossaryPath) {
      glossary = try GlossaryStore.load(path: glossaryPath)
    }
    var update = try AlignmentStoreUpdate.prepare(
      corpusPath: corpusPath, storePath: storePath, glossaries: glossary.map { [$0] } ?? [], lexiconPath: lexiconPath,
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    update.wordModel = wordModel
    update.progress = progress
    let corpus = update.corpus
    let source = update.sourceLanguage, target = update.targetLanguage
    let documents = corpus.documents(pairedIn: source.code, target.code)
    guard !documents.isEmpty else {
      throw CorpusError.invalid("\(corpusPath): no document has both \(source.code) and \(target.code) versions")
    }
    var warnings = corpus.problems.map(\.description)

    var (store, storeSummary) = try update.run()
    var loaded: (corpus: PreparedCorpus, alignment: CorpusWordAlignment)
    do {
      loaded = try PreparedCorpus.load(store: store, options: wordModel.options, minimumBeadScore: options.minBeadScore)
    } catch let e as StoreError where e.isCorruption {
      // A store damaged where the update did not read: never trusted, rebuilt from nothing.
      try AlignmentStore.remove(path: update.storePath)
      (store, storeSummary) = try update.run()
      storeSummary.rebuilt = "damaged (\(e.description))"
      loaded = try PreparedCorpus.load(store: store, options: wordModel.options, minimumBeadScore: options.minBeadScore)
    }
    warnings += storeSummary.skipped
    let (prepared, alignment) = loaded
    progress?("mining")
    let normalizer = try MatchKeyNormalizer()
    // The dictionary alone (no glossary pairs) tells vocabulary from formulations.
    let dictionary = update.lexicon.map { TranslationLexicon(lexicon: $0, normalizer: normalizer) }
    let terms = try Extractor(options: options, dictionary: dictionary).mine(prepared, alignment: alignment)

    var summary = ExtractionSummary()
    summary.documents = prepared.documents.count
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
    return Result(summary: summary, terms: terms, warnings: warnings, store: storeSummary)
  }
}
