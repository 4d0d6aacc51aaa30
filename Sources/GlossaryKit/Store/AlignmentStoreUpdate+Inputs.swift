import Foundation
import GlossaryText

extension AlignmentStoreUpdate {
  /// The update `glossary extract` runs on a corpus: languages from the arguments or the file
  /// names, curated terms from the glossaries (candidates and rejected terms are left out: they
  /// come from the last run and must not change this one's alignment), the lexicon from its file.
  /// - Parameter storePath: nil for `AlignmentStore.defaultPath(corpus:)`.
  public static func prepare(
    corpusPath: String, storePath: String? = nil, glossaries: [Glossary], lexiconPath: String?,
    sourceLanguage: String? = nil, targetLanguage: String? = nil
  ) throws -> AlignmentStoreUpdate {
    let corpus = try Corpus.scan(corpusPath)
    guard let pair = (sourceLanguage.flatMap { s in targetLanguage.map { (s, $0) } }) ?? corpus.languagePair else {
      throw CorpusError.invalid("\(corpusPath): no paired documents (files named YYYY-MM-DD-slug.LANG.txt in two languages)")
    }
    var update = AlignmentStoreUpdate(
      corpus: corpus, storePath: storePath ?? AlignmentStore.defaultPath(corpus: corpusPath),
      sourceLanguage: try Language(pair.0), targetLanguage: try Language(pair.1))
    if let lexiconPath {
      update.lexicon = try Lexicon.load(path: lexiconPath)
      update.lexiconHash = StoreFile.hash(try TextDecoder.readBytes(path: lexiconPath))
    }
    for g in glossaries {
      let entries = g.entries
      update.curatedSourceTerms += entries.filter { $0.status.isCurated }.map(\.source)
      update.acceptedPairs += g.acceptedTermPairs
    }
    return update
  }
}
