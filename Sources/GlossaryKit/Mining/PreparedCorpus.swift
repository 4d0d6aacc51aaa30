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
  /// Per token: where it stands in its word (see `UnitFlags`), parallel to the token arrays.
  public var sourceFlags: [UnitFlags] = []
  public var targetFlags: [UnitFlags] = []
  /// The words the units come from (ids in the same vocabulary; a word that is not split is
  /// its own unit), and per unit the index of its word: the word aligner works on words.
  public var sourceWords: [Int32] = []
  public var targetWords: [Int32] = []
  public var sourceUnitWord: [Int32] = []
  public var targetUnitWord: [Int32] = []

  /// The word id at a unit position (the unit itself for pairs built without words).
  @inline(__always) public func sourceWord(at unit: Int) -> Int32 {
    sourceUnitWord.isEmpty ? sourceTokens[unit] : sourceWords[Int(sourceUnitWord[unit])]
  }
  @inline(__always) public func targetWord(at unit: Int) -> Int32 {
    targetUnitWord.isEmpty ? targetTokens[unit] : targetWords[Int(targetUnitWord[unit])]
  }
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
/// segmented, sentence-aligned and tokenized once, into the units that the word aligner
/// and the miner share: words, and for unspaced scripts (Chinese, Japanese, Thai ...) the
/// characters of every word that no lexicon or glossary term knows (ICU's dictionary guesses
/// at unknown words: 国|务|委员, 李|克强, 吉和; the corpus decides where formulations start and
/// end, see `PhraseMiner`). Each unit carries `UnitFlags` from the word it came from.
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
        pair.sourceWords = remap(pair.sourceWords, &sourceMaps[w], local.sourceVocabulary, &sourceVocabulary)
        pair.targetWords = remap(pair.targetWords, &targetMaps[w], local.targetVocabulary, &targetVocabulary)
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
  let sourceTerms: TermTrie?
  let targetTerms: TermTrie?
  let sourceClasses: UnitFlags.Classifier
  let targetClasses: UnitFlags.Classifier

  init(
    sourceLanguage: Language, targetLanguage: Language, sourceTerms: TermTrie?, targetTerms: TermTrie?,
    normalizer: MatchKeyNormalizer, align: @escaping SentenceAlignFunction
  ) throws {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    // ICU words + longest-match merges (lattice: false): the mining constants were tuned on them.
    sourceTokenizer = try WordTokenizer(language: sourceLanguage, terms: sourceTerms, lattice: false, normalizer: normalizer)
    targetTokenizer = try WordTokenizer(language: targetLanguage, terms: targetTerms, lattice: false, normalizer: normalizer)
    self.align = align
    self.sourceTerms = sourceTerms
    self.targetTerms = targetTerms
    sourceClasses = UnitFlags.Classifier(language: sourceLanguage.code)
    targetClasses = UnitFlags.Classifier(language: targetLanguage.code)
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
      let s = try units(source, sr, sourceTokenizer, sourceTerms, sourceClasses, &out.sourceVocabulary)
      let t = try units(target, tr, targetTokenizer, targetTerms, targetClasses, &out.targetVocabulary)
      pairs.append(AlignedPair(
        document: index, sourceRange: sr, targetRange: tr, sourceTokens: s.ids, targetTokens: t.ids,
        sourceTokenRanges: s.ranges, targetTokenRanges: t.ranges, score: bead.score, sourceFlags: s.flags, targetFlags: t.flags,
        sourceWords: s.words, targetWords: t.words, sourceUnitWord: s.unitWord, targetUnitWord: t.unitWord))
    }
    out.indices.append(index)
    out.documents.append(PreparedDocument(id: doc.id, date: doc.date, source: source, target: target, beads: beads))
    out.pairs.append(pairs)
  }

  /// The units of a sentence range: ids, document ranges and flags.
  private func units(
    _ doc: TextDocument, _ range: Range<Int>, _ tokenizer: WordTokenizer, _ terms: TermTrie?,
    _ classes: UnitFlags.Classifier, _ vocabulary: inout TokenVocabulary
  ) throws -> (ids: [Int32], ranges: [Range<Int32>], flags: [UnitFlags], words: [Int32], unitWord: [Int32]) {
    let t = try doc.utf16[range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
    let base = Int32(range.lowerBound)
    var ids: [Int32] = [], ranges: [Range<Int32>] = [], flags: [UnitFlags] = [], words: [Int32] = [], unitWord: [Int32] = []
    ids.reserveCapacity(t.tokens.count)
    let units = t.key.units
    for token in t.tokens {
      let lo = Int(token.keyRange.lowerBound), hi = Int(token.keyRange.upperBound)
      let key = units[lo..<hi]
      let word = String(decoding: key, as: UTF16.self)
      let (first, last) = classes.flags(ofWord: word)
      let before = ids.count
      words.append(vocabulary.intern(word, isWord: token.kind == .word))
      if WordAlignTokenizer.splitsIntoCharacters(token, key: key, terms: terms) {
        var k = lo
        while k < hi {
          let w = UTF16.isLeadSurrogate(units[k]) && k + 1 < hi ? 2 : 1
          ids.append(vocabulary.intern(String(decoding: units[k..<(k + w)], as: UTF16.self), isWord: true))
          let r = t.key.originalRange(k..<(k + w))
          ranges.append((Int32(r.lowerBound) + base)..<(Int32(r.upperBound) + base))
          flags.append((k == lo ? first : []).union(k + w == hi ? last : []))
          k += w
        }
      } else {
        ids.append(vocabulary.intern(String(decoding: key, as: UTF16.self), isWord: token.kind == .word))
        ranges.append((token.range.lowerBound + base)..<(token.range.upperBound + base))
        flags.append(first.union(last))
      }
      for _ in before..<ids.count { unitWord.append(Int32(words.count - 1)) }
    }
    return (ids, ranges, flags, words, unitWord)
  }
}
