/// More evidence from the corpus for candidates with few stored examples, for
/// each document a candidate was seen in: from the corpus's alignment store
/// (written by `extract`) when it is complete, the first aligned sentence pair
/// with the term on the source side and the rendering on the target side
/// (shown as "document"); else, or for documents the store lacks, the first
/// source sentence with the term and the first target sentence with the
/// rendering (found separately, not aligned: shown as "document (corpus)").
public final class ReviewCorpusEvidence {
  private let corpus: Corpus
  private let highlighter: ReviewHighlighter
  private let concordance: Concordance?
  private var segmenters: [String: SentenceSegmenter] = [:]
  private var sentences: [String: [String]] = [:]

  /// - Parameter store: the alignment store (default: the corpus's own, when it exists and is
  ///   complete; a store that cannot be read is not used).
  /// - Throws: `CorpusError` when the folder cannot be scanned.
  public init(folder: String, highlighter: ReviewHighlighter, store: String? = nil) throws {
    corpus = try Corpus.scan(folder)
    self.highlighter = highlighter
    let path = store ?? AlignmentStore.defaultPath(corpus: folder)
    if (try? AlignmentStore.isComplete(path: path)) == true, let opened = try? AlignmentStore.openForReading(path: path) {
      concordance = try? Concordance(store: opened)
    } else {
      concordance = nil
    }
  }

  /// Whether evidence comes from an alignment store.
  public var usesStore: Bool { concordance != nil }

  /// Per document in `documents`, the first aligned pair of the store with `entry`'s source on
  /// the source side and its target (on match keys) in the target sentence.
  private func storedPairs(for entry: GlossaryEntry, documents: Set<String>, sourceLanguage: String, targetLanguage: String) -> [String: ReviewEvidence] {
    guard let concordance, !documents.isEmpty, concordance.store.sourceLanguage == sourceLanguage,
      concordance.store.targetLanguage == targetLanguage
    else { return [:] }
    var out: [String: ReviewEvidence] = [:]
    let query = ConcordanceQuery(entry.source, side: .source, filter: PairFilter(documents: documents), knownRenderings: [entry.target])
    _ = try? concordance.occurrences(query) { o in
      guard out[o.document] == nil else { return true }
      let target = highlighter.ranges(of: entry.target, in: o.target.text)
      if !target.isEmpty {
        out[o.document] = ReviewEvidence(document: o.document, source: o.source, target: HighlightedText(text: o.target.text, highlights: target))
      }
      return out.count < documents.count
    }
    return out
  }

  private func sentences(of file: CorpusFile) -> [String] {
    if let s = sentences[file.path] { return s }
    var out: [String] = []
    if let seg = segmenters[file.language] ?? (try? SentenceSegmenter(language: Language(file.language))) {
      segmenters[file.language] = seg
      if let doc = try? TextDocument(contentsOf: file.path), let s = try? seg.sentences(in: doc) {
        out = s.map { doc.string($0.range) }
      }
    }
    sentences[file.path] = out
    return out
  }

  /// Up to `limit` pairs from documents in `entry.seenIn` not already among its examples.
  public func evidence(for entry: GlossaryEntry, sourceLanguage: String = "zh", targetLanguage: String = "en", limit: Int) -> [ReviewEvidence] {
    guard limit > 0 else { return [] }
    let known = Set(entry.examples.map(\.document))
    let stored = storedPairs(
      for: entry, documents: Set(entry.seenIn).subtracting(known), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    var out: [ReviewEvidence] = []
    for id in entry.seenIn where !known.contains(id) {
      if let pair = stored[id] {
        out.append(pair)
        if out.count >= limit { break }
        continue
      }
      guard let doc = corpus.documents.first(where: { $0.id == id }),
        let sf = doc.file(sourceLanguage), let tf = doc.file(targetLanguage)
      else { continue }
      let s = sentences(of: sf).lazy.map { self.highlighter.highlight(entry.source, in: $0) }.first { !$0.highlights.isEmpty }
      let t = sentences(of: tf).lazy.map { self.highlighter.highlight(entry.target, in: $0) }.first { !$0.highlights.isEmpty }
      guard let s, let t else { continue }
      out.append(ReviewEvidence(document: id + " (corpus)", source: s, target: t))
      if out.count >= limit { break }
    }
    return out
  }
}
