/// Word-level match keys for renderings and target text (the side of a check
/// that is not searched with the source-term trie).
///
/// A text becomes a list of words taken from its match key (case, width,
/// quotes and dashes already folded by ``MatchKeyNormalizer``); hyphens,
/// spaces, line breaks and punctuation only separate words, so `high-level`,
/// `high level` and `high-\nlevel` give the same words. Each word gets two
/// interned ids:
///
/// - `exact`: the folded word itself;
/// - `loose`: for English, the word with plural and light verb inflection
///   stripped (`exchanges` -> `exchange`, `countries` -> `country`,
///   `building` -> `build`), so singular and plural forms meet.
///
/// English articles (`the`, `a`, `an`) are dropped. Both sides are folded by
/// the same function, so the stems need only be consistent, not linguistic.
/// A match on `exact` ids beats one on `loose` ids: `the Belt and Road
/// Initiatives` (deprecated) is told apart from `the Belt and Road Initiative`.
///
/// Seam: the glossary lookup index will carry the project's own English
/// folding; this type is the check's interim copy and is the only place to
/// change when switching.
public struct TargetWords: Sendable {
  /// Exact word ids.
  public var exact: [Int32] = []
  /// Loose (inflection-folded) word ids.
  public var loose: [Int32] = []
  /// Original UTF-16 range of each word (relative to the tokenized text).
  public var ranges: [Range<Int>] = []
  /// Start of an article right before each word (English), else -1: marks include it.
  public var articleStart: [Int] = []

  public var count: Int { exact.count }
  public init() {}
}

/// Interns words to ids and splits texts into ``TargetWords``. Not thread-safe
/// (owns a normalizer): one per thread.
public final class TargetWordKeys {
  public let folding: Bool
  private let normalizer: MatchKeyNormalizer
  private var ids: [[UInt16]: Int32] = [:]
  /// The key of each id (index = id).
  private var keys: [[UInt16]] = []
  private var scratch: [UInt16] = []

  /// - Parameter language: target language; English gets article dropping and inflection folding.
  public init(language: Language, normalizer: MatchKeyNormalizer) {
    self.folding = language.base == "en"
    self.normalizer = normalizer
  }

  /// Words of a string (renderings).
  public func words(of s: String) -> TargetWords {
    let units = Array(s.utf16)
    return units.withUnsafeBufferPointer { words(of: $0) }
  }

  /// Words of a UTF-16 buffer; ranges are offsets into the buffer.
  public func words(of buffer: UnsafeBufferPointer<UInt16>) -> TargetWords {
    let key = normalizer.key(for: buffer)
    var out = TargetWords()
    let u = key.units
    var i = 0
    var article = -1
    while i < u.count {
      guard Self.isWordUnit(u[i]) else { i += 1; continue }
      var j = i
      while j < u.count, Self.isWordUnit(u[j]) { j += 1 }
      addWord(u, i..<j, key: key, article: &article, into: &out)
      i = j
    }
    return out
  }

  private func addWord(_ u: [UInt16], _ r: Range<Int>, key: MatchKey, article: inout Int, into out: inout TargetWords) {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: u[r])
    if folding, Self.isArticle(scratch) {
      article = key.originalRange(r).lowerBound
      return
    }
    out.articleStart.append(article)
    article = -1
    let exactID = intern(scratch)
    var looseID = exactID
    if folding, Self.stem(&scratch) { looseID = intern(scratch) }
    out.exact.append(exactID)
    out.loose.append(looseID)
    out.ranges.append(key.originalRange(r))
  }

  private func intern(_ w: [UInt16]) -> Int32 {
    if let id = ids[w] { return id }
    let id = Int32(ids.count)
    ids[w] = id
    keys.append(w)
    return id
  }

  /// Whether a word id (exact or loose) is an English function word (a, of, to, with ...):
  /// words that carry no term content on their own.
  public func isFunctionWord(_ id: Int32) -> Bool {
    guard folding else { return false }
    if let known = functionWordCache[id] { return known }
    let yes = Self.functionWords.contains(String(decoding: keys[Int(id)], as: UTF16.self))
    functionWordCache[id] = yes
    return yes
  }

  private var functionWordCache: [Int32: Bool] = [:]
  static let functionWords: Set<String> = [
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "as", "and", "or", "but", "that",
    "this", "these", "those", "it", "its", "their", "they", "them", "we", "our", "us", "he", "his", "she", "her", "be",
    "is", "are", "was", "were", "been", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may",
    "s", "which", "who", "whose", "not", "no", "so", "than", "also", "all", "both", "each", "other", "such", "well",
  ]

  /// The folded word of an id (exact or loose).
  public func key(_ id: Int32) -> [UInt16] { keys[Int(id)] }

  /// Letters and digits of a match key (ASCII after NFKC, plus non-ASCII letters).
  @inline(__always)
  static func isWordUnit(_ u: UInt16) -> Bool {
    if u < 0x80 { return (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) }
    if u < 0xC0 { return false }
    if u >= 0x2000 && u <= 0x2BFF { return false }  // punctuation, symbols, arrows
    if u >= 0x3000 && u <= 0x303F { return false }  // CJK punctuation
    if u >= 0xFE30 && u <= 0xFE4F { return false }
    if u >= 0xFF00 && u <= 0xFF20 { return false }
    return true
  }

  static func isArticle(_ w: [UInt16]) -> Bool {
    switch w.count {
    case 1: return w[0] == 0x61  // a
    case 2: return w[0] == 0x61 && w[1] == 0x6E  // an
    case 3: return w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65  // the
    default: return false
    }
  }

  /// Folds English inflection in place; returns whether it changed. Plurals
  /// use the lookup index's rule (``LookupKeys/singular(_:)``: `countries` ->
  /// `country`, `exchanges` -> `exchange`), so lookup and check agree; the
  /// check adds light verb endings (`building` -> `build`, `deepened` ->
  /// `deepen`) for renderings like "build a community ..." used as a gerund.
  static func stem(_ w: inout [UInt16]) -> Bool {
    guard w.count >= 4, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
    let bytes = w.map { UInt8($0) }
    var out = Array(LookupKeys.singular(bytes[...]))
    func ends(_ s: String) -> Bool { out.count >= s.utf8.count && out.suffix(s.utf8.count).elementsEqual(s.utf8) }
    if out.count == bytes.count {
      if ends("ing"), out.count >= 6 { out.removeLast(3) }
      else if ends("ed"), out.count >= 6, !ends("eed") { out.removeLast(2) }
    }
    guard out != bytes else { return false }
    w = out.map { UInt16($0) }
    return true
  }
}
