/// More evidence from the corpus for candidates with few stored examples:
/// for each document a candidate was seen in, the first source sentence with
/// the term and the first target sentence with the rendering (found
/// separately, not aligned: shown as "document (corpus)").
public final class ReviewCorpusEvidence {
  private let corpus: Corpus
  private let highlighter: ReviewHighlighter
  private var segmenters: [String: SentenceSegmenter] = [:]
  private var sentences: [String: [String]] = [:]

  /// - Throws: `CorpusError` when the folder cannot be scanned.
  public init(folder: String, highlighter: ReviewHighlighter) throws {
    corpus = try Corpus.scan(folder)
    self.highlighter = highlighter
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
    var out: [ReviewEvidence] = []
    for id in entry.seenIn where !known.contains(id) {
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
