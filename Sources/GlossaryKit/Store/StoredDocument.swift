import GlossaryAlign
import GlossaryText

/// The tokens of one side of a stored sentence pair, at two grains: words
/// (ICU words merged with known terms: what the word aligner aligns) and units
/// (the miner's tokens: words, and the characters of Han words no lexicon or
/// glossary knows, `WordAlignTokenizer.splitsIntoCharacters`). Ids are store
/// vocabulary ids (per side, from 1, shared by words and units); ranges are
/// UTF-16 ranges in the pair's display text.
public struct StoredTokens: Sendable, Equatable {
  public var words: [Int32] = []
  /// Per word: `TokenKind` raw value in the low two bits, then `knownTerm`, `han`.
  public var wordFlags: [UInt8] = []
  public var units: [Int32] = []
  public var unitRanges: [Range<Int32>] = []
  /// Per unit: the index of its word.
  public var unitWord: [Int32] = []

  public static let knownTerm: UInt8 = 1 << 2
  public static let han: UInt8 = 1 << 3

  public init() {}

  public var isEmpty: Bool { words.isEmpty }

  public func kind(ofWord k: Int) -> TokenKind { TokenKind(rawValue: wordFlags[k] & 3) ?? .word }

  /// Units of each word (ranges of unit indices).
  public var wordUnits: [Range<Int>] { Self.wordUnits(unitWord, wordCount: words.count) }

  /// The units of each of `wordCount` words, from the word index of each unit (units of one word are
  /// consecutive); a word without units gets an empty range.
  public static func wordUnits(_ unitWord: [Int32], wordCount: Int) -> [Range<Int>] {
    var out = [Range<Int>](repeating: 0..<0, count: wordCount)
    var u = 0
    while u < unitWord.count {
      var v = u
      while v + 1 < unitWord.count, unitWord[v + 1] == unitWord[u] { v += 1 }
      out[Int(unitWord[u])] = u..<(v + 1)
      u = v + 1
    }
    return out
  }

  /// The UTF-16 range of each word (from its first unit to its last).
  public var wordRanges: [Range<Int32>] {
    wordUnits.map { $0.isEmpty ? 0..<0 : unitRanges[$0.lowerBound].lowerBound..<unitRanges[$0.upperBound - 1].upperBound }
  }

  /// Per word: its units (a word that is not split is its own unit); ranges as signed deltas of
  /// their starts (NFKC expands a character into several tokens that share its range: ㈠ -> (一)).
  func encode(into w: inout ByteWriter) {
    w.count(words.count)
    let spans = wordUnits
    var last: Int32 = 0
    for k in 0..<words.count {
      w.count(Int(words[k]))
      w.bytes.append(wordFlags[k])
      let span = spans[k]
      w.count(span.count)
      for u in span {
        if span.count > 1 { w.count(Int(units[u])) }
        w.int(Int(unitRanges[u].lowerBound - last))
        w.count(Int(unitRanges[u].count))
        last = unitRanges[u].lowerBound
      }
    }
  }

  static func decode(_ r: inout ByteReader, vocabularyLimit: Int) throws -> StoredTokens {
    var t = StoredTokens()
    let n = try r.count(limit: r.bytes.count)
    t.words.reserveCapacity(n); t.wordFlags.reserveCapacity(n); t.units.reserveCapacity(n)
    t.unitRanges.reserveCapacity(n); t.unitWord.reserveCapacity(n)
    var last = 0
    for k in 0..<n {
      let id = try r.count(limit: vocabularyLimit)
      guard !r.isAtEnd else { throw ByteReader.Malformed() }
      t.words.append(Int32(id))
      t.wordFlags.append(r.bytes[r.at])
      r.at += 1
      let m = try r.count(limit: r.bytes.count)
      guard m >= 1 else { throw ByteReader.Malformed() }
      for _ in 0..<m {
        let unit = m > 1 ? try r.count(limit: vocabularyLimit) : id
        let lo = last + (try r.int())
        let hi = lo + (try r.count())
        guard lo >= 0, hi <= Int(Int32.max) else { throw ByteReader.Malformed() }
        t.units.append(Int32(unit))
        t.unitRanges.append(Int32(lo)..<Int32(hi))
        t.unitWord.append(Int32(k))
        last = lo
      }
    }
    return t
  }
}

/// One aligned sentence pair of a stored document (a bead with both sides).
public struct StoredPair: Sendable, Equatable {
  /// The pair's id in the store (stable while its document is unchanged).
  public var id: Int64
  /// UTF-16 ranges of the bead's sentences in the source / target document.
  public var sourceRange: Range<Int>
  public var targetRange: Range<Int>
  /// The sentence aligner's confidence for the bead.
  public var score: Double
  public var source: StoredTokens
  public var target: StoredTokens
  /// Word links (word indices; empty until the document is word-aligned).
  public var links: [AlignmentLink]

  /// Both sides have words (1-0 and 0-1 beads are kept for the concordance only).
  public var isAligned: Bool { !source.isEmpty && !target.isEmpty }
}

/// A document pair as the store holds it: where it came from and its aligned,
/// tokenized sentence pairs (display texts are read separately, by pair id).
public struct StoredDocument: Sendable {
  /// The store's row id.
  public var rowID: Int64
  /// `YYYY-MM-DD-slug`.
  public var name: String
  public var collection: String
  public var date: ISODate
  public var pairs: [StoredPair]
  /// Whether `pairs[...].links` come from the store's current word model.
  public var isLinked: Bool
}

/// The blob codecs of a document's pairs (tokens) and of its links.
enum StoredPairCodec {
  static func encodeTokens(_ pairs: [StoredPair]) -> [UInt8] {
    var w = ByteWriter(capacity: 64 * pairs.count + 16)
    w.count(pairs.count)
    for p in pairs {
      w.count(p.sourceRange.lowerBound); w.count(p.sourceRange.count)
      w.count(p.targetRange.lowerBound); w.count(p.targetRange.count)
      w.float(Float(p.score))
      p.source.encode(into: &w)
      p.target.encode(into: &w)
    }
    return w.bytes
  }

  /// Pairs with ids `firstPair`, `firstPair + 1` ... and no links.
  static func decodeTokens(
    _ bytes: UnsafeRawBufferPointer, firstPair: Int64, sourceVocabulary: Int, targetVocabulary: Int
  ) throws -> [StoredPair] {
    var r = ByteReader(bytes)
    let n = try r.count(limit: bytes.count)
    var pairs: [StoredPair] = []
    pairs.reserveCapacity(n)
    for k in 0..<n {
      let sl = try r.count(), sn = try r.count(), tl = try r.count(), tn = try r.count()
      let score = Double(try r.float())
      let s = try StoredTokens.decode(&r, vocabularyLimit: sourceVocabulary)
      let t = try StoredTokens.decode(&r, vocabularyLimit: targetVocabulary)
      pairs.append(StoredPair(
        id: firstPair + Int64(k), sourceRange: sl..<(sl + sn), targetRange: tl..<(tl + tn), score: score,
        source: s, target: t, links: []))
    }
    guard r.isAtEnd else { throw ByteReader.Malformed() }
    return pairs
  }

  static func encodeLinks(_ links: [[AlignmentLink]]) -> [UInt8] {
    var w = ByteWriter(capacity: 32 * links.count + 8)
    w.count(links.count)
    for l in links {
      w.count(l.count)
      for x in l { w.count(x.source); w.count(x.target) }
    }
    return w.bytes
  }

  /// Links into `pairs` (checked against each pair's token counts).
  static func decodeLinks(_ bytes: UnsafeRawBufferPointer, into pairs: inout [StoredPair]) throws {
    var r = ByteReader(bytes)
    guard try r.count(limit: bytes.count) == pairs.count else { throw ByteReader.Malformed() }
    for k in pairs.indices {
      let n = try r.count(limit: bytes.count)
      var links: [AlignmentLink] = []
      links.reserveCapacity(n)
      for _ in 0..<n {
        let i = try r.count(limit: pairs[k].source.words.count - 1), j = try r.count(limit: pairs[k].target.words.count - 1)
        links.append(AlignmentLink(source: i, target: j))
      }
      pairs[k].links = links
    }
    guard r.isAtEnd else { throw ByteReader.Malformed() }
  }
}
