/// Lookup keys: match keys (GlossaryText's ``MatchKeyNormalizer``) plus, for
/// English, a leading "the"/"a"/"an" dropped and plural words folded to the
/// singular ("The Communities" and "community" share a key). UTF-8 bytes.
///
/// Not thread-safe (holds a normalizer): one per thread.
public final class LookupKeys {
  public let normalizer: MatchKeyNormalizer
  private var pinyinOfUnit: [UInt16: [UInt8]] = [:]

  public init(normalizer: MatchKeyNormalizer? = nil) throws {
    self.normalizer = try normalizer ?? MatchKeyNormalizer()
  }

  /// The lookup key of a term or query in `language` (ICU code; `en` gets article and plural folding).
  public func key(_ text: String, language: String) -> [UInt8] {
    let k = normalizer.key(for: text).units
    var bytes = Array(String(decoding: k, as: UTF16.self).utf8)
    if language.hasPrefix("en") { bytes = LookupKeys.foldEnglish(bytes) }
    return bytes
  }

  /// Drops a leading article and folds each word's plural ending.
  static func foldEnglish(_ key: [UInt8]) -> [UInt8] {
    var words = key.split(separator: 0x20, omittingEmptySubsequences: true)
    if words.count > 1, let first = words.first, ["the", "a", "an"].contains(where: { Array($0.utf8) == Array(first) }) {
      words.removeFirst()
    }
    var out: [UInt8] = []
    out.reserveCapacity(key.count)
    for (i, w) in words.enumerated() {
      if i > 0 { out.append(0x20) }
      out += singular(w)
    }
    return out
  }

  /// A plain-rule singular: consistent for query and term, not a dictionary.
  static func singular(_ w: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let n = w.count
    guard n > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return w }
    let b = Array(w)
    func ends(_ s: String) -> Bool { b.count >= s.utf8.count && b.suffix(s.utf8.count).elementsEqual(s.utf8) }
    if ends("ies") && n > 4 { return ArraySlice(b.dropLast(3) + [0x79]) }
    if ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zzes") { return ArraySlice(b.dropLast(2)) }
    if ends("ss") || ends("us") || ends("is") { return w }
    if ends("s") { return ArraySlice(b.dropLast()) }
    return w
  }

  /// Toneless pinyin of a key's Han characters ("命运共同体" -> "mingyungongtongti"),
  /// per character and cached; other letters and digits kept, lowercase.
  public func pinyinKey(ofKey key: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for u in String(decoding: key, as: UTF8.self).utf16 {
      if u >= 0x3400 && u < 0xA000 {
        if let p = pinyinOfUnit[u] { out += p; continue }
        let p = Array(normalizer.pinyinKey(String(decoding: [u], as: UTF16.self)).utf8)
        pinyinOfUnit[u] = p
        out += p
      } else if (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) {
        out.append(UInt8(u))
      } else if u >= 0x41 && u <= 0x5A {
        out.append(UInt8(u + 0x20))
      }
    }
    return out
  }

  /// Whether a key contains Han characters (then pinyin keys apply).
  static func hasHan(_ key: [UInt8]) -> Bool {
    var i = 0
    while i < key.count {
      if key[i] >= 0xE3 && key[i] <= 0xE9 { return true }  // U+3000..U+9FFF lead bytes
      i += 1
    }
    return false
  }

  /// Units of a key for grams and spans: each Han character alone, runs of other non-space characters as words.
  /// Returns byte ranges.
  static func units(_ key: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, han: Bool)] {
    var out: [(Range<Int>, Bool)] = []
    var i = 0
    let n = key.count
    var wordStart = -1
    while i < n {
      let b = key[i]
      let len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      let isHan = len == 3 && b >= 0xE3 && b <= 0xE9 || len == 4
      if b == 0x20 || isHan {
        if wordStart >= 0 { out.append((wordStart..<i, false)); wordStart = -1 }
        if isHan { out.append((i..<min(n, i + len), true)) }
      } else if wordStart < 0 {
        wordStart = i
      }
      i += len
    }
    if wordStart >= 0 { out.append((wordStart..<n, false)) }
    return out
  }

  /// Gram hashes of a key: every word, every pair of adjacent Han characters,
  /// and a lone Han character when the key has only one.
  static func grams(_ key: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    let us = units(key)
    var out: [UInt64] = []
    var hanCount = 0
    for (k, u) in us.enumerated() {
      if u.han {
        hanCount += 1
        if k + 1 < us.count, us[k + 1].han {
          out.append(hash(UnsafeBufferPointer(rebasing: key[u.range.lowerBound..<us[k + 1].range.upperBound]), seed: 2))
        }
      } else {
        out.append(hash(UnsafeBufferPointer(rebasing: key[u.range]), seed: 1))
      }
    }
    if hanCount == 1 && out.isEmpty, let u = us.first(where: { $0.han }) {
      out.append(hash(UnsafeBufferPointer(rebasing: key[u.range]), seed: 3))
    }
    return out
  }

  /// FNV-1a 64 with a seed, then a final mix.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15)
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }
}
