import GlossaryAlign
import GlossaryText

/// The words of one side of a stored sentence pair: store vocabulary ids
/// (per side, from 1), UTF-16 ranges in the pair's display text, and flags.
public struct StoredTokens: Sendable, Equatable {
  public var ids: [Int32] = []
  public var ranges: [Range<Int32>] = []
  /// Per token: `TokenKind` raw value in the low two bits, then `knownTerm`, `han`.
  public var flags: [UInt8] = []

  public static let knownTerm: UInt8 = 1 << 2
  public static let han: UInt8 = 1 << 3

  public init() {}

  public var count: Int { ids.count }

  public func kind(_ k: Int) -> TokenKind { TokenKind(rawValue: flags[k] & 3) ?? .word }
  public func isKnownTerm(_ k: Int) -> Bool { flags[k] & Self.knownTerm != 0 }
  public func isHan(_ k: Int) -> Bool { flags[k] & Self.han != 0 }

  mutating func append(id: Int32, range: Range<Int32>, flags f: UInt8) {
    ids.append(id)
    ranges.append(range)
    flags.append(f)
  }

  func encode(into w: inout ByteWriter) {
    w.count(ids.count)
    // Ranges as signed deltas of their starts: tokens of one character that NFKC expands
    // (㈠ -> (一)) share its range, so starts do not always grow.
    var last: Int32 = 0
    for k in 0..<ids.count {
      w.count(Int(ids[k]))
      w.int(Int(ranges[k].lowerBound - last))
      w.count(Int(ranges[k].count))
      w.bytes.append(flags[k])
      last = ranges[k].lowerBound
    }
  }

  static func decode(_ r: inout ByteReader, vocabularyLimit: Int) throws -> StoredTokens {
    var t = StoredTokens()
    let n = try r.count(limit: r.bytes.count)
    t.ids.reserveCapacity(n); t.ranges.reserveCapacity(n); t.flags.reserveCapacity(n)
    var last = 0
    for _ in 0..<n {
      let id = try r.count(limit: vocabularyLimit)
      let lo = last + (try r.int())
      let hi = lo + (try r.count())
      guard lo >= 0, hi <= Int(Int32.max), !r.isAtEnd else { throw ByteReader.Malformed() }
      t.ids.append(Int32(id))
      t.ranges.append(Int32(lo)..<Int32(hi))
      t.flags.append(r.bytes[r.at])
      r.at += 1
      last = lo
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
  /// Word links (token indices; empty until the document is word-aligned).
  public var links: [AlignmentLink]

  /// Both sides have text (1-0 and 0-1 beads are kept for the concordance only).
  public var isAligned: Bool { !sourceRange.isEmpty && !targetRange.isEmpty }
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
        let i = try r.count(limit: pairs[k].source.count - 1), j = try r.count(limit: pairs[k].target.count - 1)
        links.append(AlignmentLink(source: i, target: j))
      }
      pairs[k].links = links
    }
    guard r.isAtEnd else { throw ByteReader.Malformed() }
  }
}
