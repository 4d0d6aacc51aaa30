import GlossaryText

/// Interns token match keys (UTF-16 slices) as dense `Int32` ids, on the
/// project's one ``Interner``.
///
/// Ids start at 0 here (the interner's id minus one: the aligner indexes arrays
/// with them) and are stable for the life of the vocabulary. A source
/// and a target vocabulary are kept apart (the same key on both sides, e.g.
/// a number, gets two ids); share one vocabulary between corpora to keep ids
/// comparable. Not thread-safe.
public final class WordVocabulary {
  private var interner = Interner<UInt16>()

  public init() {}

  /// Number of distinct keys.
  public var count: Int { interner.count }

  /// The id of a key, interning it when new. Lookups of known keys do not allocate.
  public func id(_ key: ArraySlice<UInt16>) -> Int32 { interner.intern(key) - 1 }

  /// The id of a key string, interning it when new.
  public func id(_ key: String) -> Int32 { interner.intern(key) - 1 }

  /// The id of a key if known.
  public func existingID(_ key: String) -> Int32? { Self.known(interner.id(of: key)) }

  /// The id of a key slice if known.
  public func existingID(_ key: ArraySlice<UInt16>) -> Int32? { Self.known(interner.id(of: key)) }

  /// The key of an id.
  public func key(_ id: Int32) -> String { interner.string(id + 1) }

  /// The key units of an id.
  public func keyUnits(_ id: Int32) -> ArraySlice<UInt16> { interner[id + 1] }

  private static func known(_ id: Int32) -> Int32? { id == 0 ? nil : id - 1 }
}

/// Sentence pairs as token ids, the input of `WordAligner`.
///
/// ```swift
/// var corpus = WordAlignCorpus()
/// corpus.append(source: ["外交部", "发言人"], target: ["foreign", "ministry", "spokesperson"])
/// let aligner = WordAligner(corpus: corpus)
/// aligner.train()
/// aligner.links(pair: 0)   // [AlignmentLink(source: 0, target: 0), ...]
/// ```
public struct WordAlignCorpus {
  public let sourceVocabulary: WordVocabulary
  public let targetVocabulary: WordVocabulary
  /// Token ids of all pairs, flat: pair p's source is `sourceTokens[sourceStart[p]..<sourceStart[p+1]]`.
  public private(set) var sourceTokens: [Int32] = []
  public private(set) var targetTokens: [Int32] = []
  public private(set) var sourceStart: [Int] = [0]
  public private(set) var targetStart: [Int] = [0]

  /// - Parameters: vocabularies to intern into (pass shared ones to keep ids comparable across corpora).
  public init(sourceVocabulary: WordVocabulary = WordVocabulary(), targetVocabulary: WordVocabulary = WordVocabulary()) {
    self.sourceVocabulary = sourceVocabulary
    self.targetVocabulary = targetVocabulary
  }

  /// Number of sentence pairs.
  public var count: Int { sourceStart.count - 1 }

  /// Appends a pair of token id sequences (ids from this corpus's vocabularies).
  public mutating func append(sourceIDs: some Sequence<Int32>, targetIDs: some Sequence<Int32>) {
    sourceTokens.append(contentsOf: sourceIDs)
    targetTokens.append(contentsOf: targetIDs)
    sourceStart.append(sourceTokens.count)
    targetStart.append(targetTokens.count)
  }

  /// Appends a pair of token key sequences (match keys: lowercase, simplified ...).
  public mutating func append(source: [String], target: [String]) {
    append(sourceIDs: source.map { sourceVocabulary.id($0) }, targetIDs: target.map { targetVocabulary.id($0) })
  }

  /// Source token ids of pair `p`.
  public func source(_ p: Int) -> ArraySlice<Int32> { sourceTokens[sourceStart[p]..<sourceStart[p + 1]] }
  /// Target token ids of pair `p`.
  public func target(_ p: Int) -> ArraySlice<Int32> { targetTokens[targetStart[p]..<targetStart[p + 1]] }
}
