/// Checks a translation against glossaries: segments both documents, pairs
/// their sentences, finds glossary terms in each source sentence and looks for
/// their renderings in the paired target sentences.
///
/// Severity comes from evidence (see README, "Checking translations"):
/// - `error`: a rendering that is wrong on the document's date (deprecated, or
///   superseded by then) in the aligned target of the term's sentence, or a
///   rendering tagged `forbidden` anywhere in the target;
/// - `warning`: none of the term's renderings in the aligned target and the word
///   aligner links the term to other words (named in the finding), a rendering
///   that is not approved on the date, or one term rendered two approved ways;
/// - `info`: the term's counterpart is not found and nothing says what it became
///   (omitted or restructured), and `--reverse` findings.
/// Discourse entries (``GlossaryEntry/isDiscourse``) are checked only with ``CheckOptions/strict``.
///
/// ```swift
/// let index = try CheckIndex(glossaries: [g], source: try Language("zh"), target: try Language("en"))
/// let checker = try TerminologyChecker(index: index)
/// let report = try checker.check(source: zhDoc, target: enDoc, date: ISODate("2018-05-01")!)
/// for f in report.findings { print(f.severity, f.kind, f.term, f.expected) }
/// ```
///
/// Linear in the documents' length (one long sentence included). Not thread-safe
/// (ICU segmenters, normalizer): one checker per thread.
public final class TerminologyChecker {
  public let index: CheckIndex
  public var options: CheckOptions
  let pairing: SentencePairing
  let sourceSegmenter: SentenceSegmenter
  let targetSegmenter: SentenceSegmenter
  private lazy var evidence: TermEvidence? = try? TermEvidence(index: index)
  /// Per concept: whether it is a discourse preference.
  private let discourse: [Bool]
  /// Concepts sharing a rendering (by loose words), for `--reverse`.
  private lazy var conceptsByRendering: [[Int32]: [Int]] = {
    var map: [[Int32]: [Int]] = [:]
    for (c, concept) in index.concepts.enumerated() {
      for r in concept.renderings where !(map[r.words.loose]?.contains(c) ?? false) { map[r.words.loose, default: []].append(c) }
    }
    return map
  }()

  public init(index: CheckIndex, options: CheckOptions = CheckOptions(), pairing: SentencePairing = ProportionalPairing()) throws {
    self.index = index
    self.options = options
    self.pairing = pairing
    sourceSegmenter = try SentenceSegmenter(language: index.sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: index.targetLanguage)
    discourse = index.concepts.map { $0.renderings.contains { $0.entry.isDiscourse } }
  }

  /// How a rendering counts in a document dated `date` (``GlossaryEntry/standing(on:enforce:)``).
  func standing(_ e: GlossaryEntry, at date: ISODate) -> RenderingStanding { e.standing(on: date, enforce: options.enforce) }

  /// Approved renderings of a concept at a date, preferred first.
  public func expected(concept c: Int, at date: ISODate) -> [String] {
    index.concepts[c].renderings
      .filter { standing($0.entry, at: date) == .approved }
      .sorted { $0.entry.status < $1.entry.status }
      .map(\.entry.target)
  }

  /// Whether concept `c` is checked under the options.
  func isChecked(_ c: Int) -> Bool { options.strict || !discourse[c] }

  // MARK: Check

  /// Checks one document pair.
  /// - Parameter date: the date that decides which renderings are valid.
  public func check(source: TextDocument, target: TextDocument, date: ISODate) throws -> CheckReport {
    try check([(source, target, date)])[0]
  }

  /// Checks document pairs, each at its date; the word aligner learns from all of them at once
  /// (and from the documents given to ``learn(source:target:)``), ``batchSize`` pairs at a time.
  public func check(_ documents: [(source: TextDocument, target: TextDocument, date: ISODate)]) throws -> [CheckReport] {
    var reports: [CheckReport] = []
    for start in stride(from: 0, to: documents.count, by: Self.batchSize) {
      var passes: [CheckPass] = []
      for (source, target, date) in documents[start..<min(documents.count, start + Self.batchSize)] {
        var run = CheckPass(checker: self, date: date, doc: try prepare(source: source, target: target))
        for n in run.spans.indices { run.checkSpan(n) }
        passes.append(run)
      }
      let linked = try linkedWords(passes.map { ($0.missing.map(\.query), $0.doc) })
      for k in passes.indices {
        passes[k].explainMissing(linked[k])
        reports.append(passes[k].finish())
      }
    }
    return reports
  }

  /// Document pairs checked together: the word aligner is trained once for them (its cost
  /// grows with the pairs it learns from, so a long list is checked in batches of this size).
  static let batchSize = 200

  /// Adds a translated document pair the word aligner learns from (not checked): more
  /// sentence pairs of the same kind of text make its links, the evidence of warnings, better.
  /// The pair is segmented and aligned only when a check first needs the word aligner.
  public func learn(source: TextDocument, target: TextDocument) {
    guard options.alignWords else { return }
    toLearn.append((source, target))
  }

  /// Pairs given to ``learn(source:target:)`` not yet prepared.
  private var toLearn: [(TextDocument, TextDocument)] = []

  /// The word aligner's evidence for each document's queries, when on.
  func linkedWords(_ docs: [(queries: [TermEvidence.Query], doc: PreparedPair)]) throws -> [[TermEvidence.Query: [TermEvidence.WordRef]]] {
    guard options.alignWords, let evidence, docs.contains(where: { !$0.queries.isEmpty }) else { return docs.map { _ in [:] } }
    for (s, t) in toLearn { try evidence.addBackground(try prepare(source: s, target: t)) }
    toLearn.removeAll()
    return try evidence.linkedWords(docs)
  }

  /// Concept `c` and the concepts whose source term is nested in its own (一带一路 in 共建"一带一路").
  func nestedConcepts(_ c: Int) -> Set<Int> {
    if let known = nested[c] { return known }
    var set = index.concepts[c].sourceKey.withUnsafeBufferPointer { index.allSourceConcepts(in: $0) }
    set.insert(c)
    nested[c] = set
    return set
  }

  private var nested: [Int: Set<Int>] = [:]

  /// Concepts sharing rendering words `loose` (for `--reverse`).
  func concepts(sharing loose: [Int32], or c: Int) -> [Int] { conceptsByRendering[loose] ?? [c] }
}

extension CheckLocation {
  /// Whether two locations are the same place.
  func samePlace(_ other: CheckLocation) -> Bool { path == other.path && start == other.start && end == other.end }
}
