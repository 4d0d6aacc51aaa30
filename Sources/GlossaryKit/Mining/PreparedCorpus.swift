import Dispatch
import Foundation
import GlossaryAlign
import GlossaryText

/// One aligned sentence pair (a bead with both sides non-empty) of a document,
/// tokenized: integer token ids (per-language vocabularies) and the UTF-16
/// ranges of the tokens in their document, so any span can be shown in the original.
public struct AlignedPair: Sendable {
  /// Index into `PreparedCorpus.documents`.
  public var document: Int32
  /// The bead's sentences joined: UTF-16 range in the source / target document.
  public var sourceRange: Range<Int>
  public var targetRange: Range<Int>
  public var sourceTokens: [Int32]
  public var targetTokens: [Int32]
  /// Token ranges (UTF-16, document offsets), parallel to the token arrays.
  public var sourceTokenRanges: [Range<Int32>]
  public var targetTokenRanges: [Range<Int32>]
  /// The sentence aligner's confidence for the bead.
  public var score: Double
}

/// A document pair read, segmented and sentence-aligned.
public struct PreparedDocument: Sendable {
  public var id: String
  public var date: ISODate
  public var source: TextDocument
  public var target: TextDocument
  public var beads: [Bead]
}

/// A token vocabulary: match-key strings to dense ids (0 reserved for "none").
public struct TokenVocabulary: Sendable {
  public private(set) var strings: [String] = [""]
  /// Per id: the token is a word (not punctuation, number or symbol).
  public private(set) var isWord: [Bool] = [false]
  private var ids: [String: Int32] = [:]

  public init() {}

  public var count: Int { strings.count }

  public mutating func intern(_ s: String, isWord word: Bool) -> Int32 {
    if let id = ids[s] { return id }
    let id = Int32(strings.count)
    strings.append(s)
    isWord.append(word)
    ids[s] = id
    return id
  }

  public func id(_ s: String) -> Int32? { ids[s] }
}

/// How the miner aligns sentences: a seam so that tests and other languages
/// can plug in their own; the default is GlossaryAlign's sentence aligner.
public typealias SentenceAlignFunction = (
  _ source: [String], _ target: [String], _ sourceParagraphs: [Int], _ targetParagraphs: [Int]
) throws -> [Bead]

/// Makes one `SentenceAlignFunction` per worker thread (aligners hold ICU objects).
public typealias SentenceAlignerFactory = @Sendable () throws -> SentenceAlignFunction

/// A corpus ready for word alignment and mining: every document pair read,
/// segmented, sentence-aligned and tokenized.
public struct PreparedCorpus: Sendable {
  public var sourceLanguage: Language
  public var targetLanguage: Language
  public var documents: [PreparedDocument]
  public var pairs: [AlignedPair]
  public var sourceVocabulary: TokenVocabulary
  public var targetVocabulary: TokenVocabulary

  /// Reads, segments, aligns and tokenizes the paired documents, on all cores.
  /// - Parameters:
  ///   - sourceTerms: known source terms (glossary, lexicon) merged into single tokens.
  ///   - minimumBeadScore: beads below it (and 1-0/0-1 beads) are left out of `pairs`.
  ///   - progress: called with the number of documents done (from any thread).
  public static func prepare(
    documents: [CorpusDocument], sourceLanguage: Language, targetLanguage: Language,
    sourceTerms: TermTrie?, targetTerms: TermTrie? = nil, makeAligner: SentenceAlignerFactory,
    minimumBeadScore: Double = 0, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> PreparedCorpus {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, documents.count))
    let chunks = (0..<workers).map { w in stride(from: w, to: documents.count, by: workers).map { $0 } }
    let results = ChunkResults(count: workers)
    let done = Counter()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      do {
        // ICU objects are not thread-safe: one set per worker.
        let normalizer = try MatchKeyNormalizer()
        let worker = try DocumentWorker(
          sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, sourceTerms: sourceTerms,
          targetTerms: targetTerms, normalizer: normalizer, align: try makeAligner())
        var local = ChunkResult()
        for index in chunks[w] {
          try worker.prepare(documents[index], index: Int32(index), minimumBeadScore: minimumBeadScore, into: &local)
          progress?(done.increment())
        }
        results.set(w, .success(local))
      } catch {
        results.set(w, .failure(error))
      }
    }
    // Merge the workers' local vocabularies into global ones, in document order (deterministic).
    var sourceVocabulary = TokenVocabulary(), targetVocabulary = TokenVocabulary()
    var prepared = [PreparedDocument?](repeating: nil, count: documents.count)
    var pairsByDocument = [[AlignedPair]](repeating: [], count: documents.count)
    var locals: [ChunkResult] = []
    for w in 0..<workers { locals.append(try results.get(w)) }
    var order: [(worker: Int, slot: Int)] = []
    for (w, local) in locals.enumerated() { for slot in local.documents.indices { order.append((w, slot)) } }
    order.sort { locals[$0.worker].indices[$0.slot] < locals[$1.worker].indices[$1.slot] }
    var sourceMaps = locals.map { [Int32](repeating: -1, count: $0.sourceVocabulary.count) }
    var targetMaps = locals.map { [Int32](repeating: -1, count: $0.targetVocabulary.count) }
    func remap(_ ids: [Int32], _ map: inout [Int32], _ local: TokenVocabulary, _ global: inout TokenVocabulary) -> [Int32] {
      ids.map { id in
        if map[Int(id)] < 0 { map[Int(id)] = global.intern(local.strings[Int(id)], isWord: local.isWord[Int(id)]) }
        return map[Int(id)]
      }
    }
    for (w, slot) in order {
      let local = locals[w]
      let docIndex = Int(local.indices[slot])
      prepared[docIndex] = local.documents[slot]
      for var pair in local.pairs[slot] {
        pair.sourceTokens = remap(pair.sourceTokens, &sourceMaps[w], local.sourceVocabulary, &sourceVocabulary)
        pair.targetTokens = remap(pair.targetTokens, &targetMaps[w], local.targetVocabulary, &targetVocabulary)
        pairsByDocument[docIndex].append(pair)
      }
    }
    return PreparedCorpus(
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, documents: prepared.map { $0! },
      pairs: pairsByDocument.flatMap { $0 }, sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary)
  }
}

/// What one worker produced.
struct ChunkResult {
  var indices: [Int32] = []
  var documents: [PreparedDocument] = []
  var pairs: [[AlignedPair]] = []
  var sourceVocabulary = TokenVocabulary()
  var targetVocabulary = TokenVocabulary()
}

/// Per-worker slots for results (each slot written by one worker only).
final class ChunkResults: @unchecked Sendable {
  private var slots: [Result<ChunkResult, Error>?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: Result<ChunkResult, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
  func get(_ i: Int) throws -> ChunkResult { try slots[i]!.get() }
}

final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Segments, aligns and tokenizes documents with one set of ICU objects.
final class DocumentWorker {
  let sourceSegmenter: SentenceSegmenter
  let targetSegmenter: SentenceSegmenter
  let sourceTokenizer: WordTokenizer
  let targetTokenizer: WordTokenizer
  let sourceLanguage: Language
  let targetLanguage: Language
  let align: SentenceAlignFunction

  init(
    sourceLanguage: Language, targetLanguage: Language, sourceTerms: TermTrie?, targetTerms: TermTrie?,
    normalizer: MatchKeyNormalizer, align: @escaping SentenceAlignFunction
  ) throws {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    sourceTokenizer = try WordTokenizer(language: sourceLanguage, terms: sourceTerms, normalizer: normalizer)
    targetTokenizer = try WordTokenizer(language: targetLanguage, terms: targetTerms, normalizer: normalizer)
    self.align = align
  }

  func prepare(_ doc: CorpusDocument, index: Int32, minimumBeadScore: Double, into out: inout ChunkResult) throws {
    guard let sf = doc.file(sourceLanguage.code), let tf = doc.file(targetLanguage.code) else { return }
    let source = try TextDocument(contentsOf: sf.path)
    let target = try TextDocument(contentsOf: tf.path)
    let ss = try sourceSegmenter.sentences(in: source)
    let ts = try targetSegmenter.sentences(in: target)
    let beads = try align(ss.map { source.string($0.range) }, ts.map { target.string($0.range) }, ss.map(\.paragraph), ts.map(\.paragraph))
    var pairs: [AlignedPair] = []
    for bead in beads where !bead.source.isEmpty && !bead.target.isEmpty && bead.score >= minimumBeadScore {
      let sr = ss[bead.source.lowerBound].range.lowerBound..<ss[bead.source.upperBound - 1].range.upperBound
      let tr = ts[bead.target.lowerBound].range.lowerBound..<ts[bead.target.upperBound - 1].range.upperBound
      let (sIds, sRanges) = try tokens(source, sr, sourceTokenizer, &out.sourceVocabulary)
      let (tIds, tRanges) = try tokens(target, tr, targetTokenizer, &out.targetVocabulary)
      pairs.append(AlignedPair(
        document: index, sourceRange: sr, targetRange: tr, sourceTokens: sIds, targetTokens: tIds,
        sourceTokenRanges: sRanges, targetTokenRanges: tRanges, score: bead.score))
    }
    out.indices.append(index)
    out.documents.append(PreparedDocument(id: doc.id, date: doc.date, source: source, target: target, beads: beads))
    out.pairs.append(pairs)
  }

  private func tokens(
    _ doc: TextDocument, _ range: Range<Int>, _ tokenizer: WordTokenizer, _ vocabulary: inout TokenVocabulary
  ) throws -> ([Int32], [Range<Int32>]) {
    let t = try doc.utf16[range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
    let base = Int32(range.lowerBound)
    var ids: [Int32] = []
    var ranges: [Range<Int32>] = []
    ids.reserveCapacity(t.tokens.count)
    for token in t.tokens {
      ids.append(vocabulary.intern(t.keyString(token), isWord: token.kind == .word))
      ranges.append((token.range.lowerBound + base)..<(token.range.upperBound + base))
    }
    return (ids, ranges)
  }
}
