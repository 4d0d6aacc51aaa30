/// Lookup keys: match keys (GlossaryText's ``MatchKeyNormalizer``) plus, for
/// English, ``EnglishFolding`` (a leading article dropped, every word to its base
/// form: "The Communities" and "community", "held talks" and "hold talk" share a
/// key). UTF-8 bytes.
///
/// Not thread-safe (holds a normalizer): one per thread.
public final class LookupKeys {
  public let normalizer: MatchKeyNormalizer
  /// Pinyin of each code unit in ``IndexLayout/pinyinUnits``, filled lazily: offset into `pinyinBlob` and length
  /// (-1: not asked yet).
  private var pinyinOffset = [Int32](repeating: -1, count: IndexLayout.pinyinUnits.count)
  private var pinyinLength = [UInt8](repeating: 0, count: IndexLayout.pinyinUnits.count)
  private var pinyinBlob: [UInt8] = []
  private var utf16: [UInt16] = []
  private var english = EnglishFoldingCache()
  private var folded: [UInt8] = []

  public init(normalizer: MatchKeyNormalizer? = nil) throws {
    self.normalizer = try normalizer ?? MatchKeyNormalizer()
  }

  /// The lookup key of a term or query in `language` (ICU code; `en` gets article and plural folding).
  public func key(_ text: String, language: String) -> [UInt8] {
    var out: [UInt8] = []
    key(text, language: language, into: &out)
    return out
  }

  /// The lookup key of `text`, written into `out` (replacing its contents; reuse the buffer in loops).
  public func key(_ text: String, language: String, into out: inout [UInt8]) {
    utf16.removeAll(keepingCapacity: true)
    utf16.append(contentsOf: text.utf16)
    let k = utf16.withUnsafeBufferPointer { normalizer.key(for: $0).units }
    out.removeAll(keepingCapacity: true)
    LookupKeys.appendUTF8(k, to: &out)
    if language.hasPrefix("en") {
      out.withUnsafeBufferPointer { english.foldKey($0, into: &folded) }
      swap(&out, &folded)
    }
  }

  /// UTF-16 to UTF-8 (unpaired surrogates become U+FFFD, as `String(decoding:)` does).
  static func appendUTF8(_ units: [UInt16], to out: inout [UInt8]) {
    out.reserveCapacity(out.count + units.count * 3)
    var i = 0
    let n = units.count
    while i < n {
      let u = units[i]
      if u < 0x80 {
        out.append(UInt8(u))
      } else if u < 0x800 {
        out.append(UInt8(0xC0 | (u >> 6))); out.append(UInt8(0x80 | (u & 0x3F)))
      } else if u >= 0xD800 && u < 0xE000 {
        if u < 0xDC00, i + 1 < n, units[i + 1] >= 0xDC00, units[i + 1] < 0xE000 {
          let c = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
          out.append(UInt8(0xF0 | (c >> 18))); out.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
          out.append(UInt8(0x80 | ((c >> 6) & 0x3F))); out.append(UInt8(0x80 | (c & 0x3F)))
          i += 2
          continue
        }
        out.append(0xEF); out.append(0xBF); out.append(0xBD)
      } else {
        out.append(UInt8(0xE0 | (u >> 12))); out.append(UInt8(0x80 | ((u >> 6) & 0x3F))); out.append(UInt8(0x80 | (u & 0x3F)))
      }
      i += 1
    }
  }

  /// Appends the toneless pinyin of one code unit of a key (cached; nothing when it has none).
  func appendPinyin(ofUnit u: UInt16, to out: inout [UInt8]) {
    let i = Int(u) - Int(IndexLayout.pinyinUnits.lowerBound)
    if pinyinOffset[i] < 0 {
      let p = Array(normalizer.pinyinKey(String(decoding: [u], as: UTF16.self)).utf8.prefix(254))
      pinyinOffset[i] = Int32(pinyinBlob.count)
      pinyinLength[i] = UInt8(p.count)
      pinyinBlob += p
    }
    let o = Int(pinyinOffset[i])
    out.append(contentsOf: pinyinBlob[o..<o + Int(pinyinLength[i])])
  }

  /// The pinyin of every unit asked so far (or of all units when `complete`), as index table sections:
  /// offsets into the blob, lengths (``IndexLayout/pinyinUnknown`` for units not asked), blob.
  func pinyinTable(complete: Bool) -> (offset: [UInt32], length: [UInt8], blob: [UInt8]) {
    if complete {
      var scratch: [UInt8] = []
      for u in IndexLayout.pinyinUnits { appendPinyin(ofUnit: u, to: &scratch); scratch.removeAll(keepingCapacity: true) }
    }
    let length = zip(pinyinOffset, pinyinLength).map { $0 < 0 ? IndexLayout.pinyinUnknown : $1 }
    return (pinyinOffset.map { UInt32(max(0, $0)) }, length, pinyinBlob)
  }

  /// Toneless pinyin of a key's Han characters ("命运共同体" -> "mingyungongtongti"),
  /// per character and cached; other letters and digits kept, lowercase.
  public func pinyinKey(ofKey key: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for u in String(decoding: key, as: UTF8.self).utf16 {
      if IndexLayout.pinyinUnits.contains(u) {
        appendPinyin(ofUnit: u, to: &out)
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
    key.withUnsafeBufferPointer { b in
      var i = 0
      while i < b.count {
        let (c, width) = CharacterClass.of(utf8: b, at: i)
        if c.contains(.han) { return true }
        i += width
      }
      return false
    }
  }

  /// A character that is a gram unit on its own: letters of scripts written without spaces
  /// (``CharacterClass/unspaced``: Han, kana, Thai, Lao ...); its UTF-8 width.
  @inline(__always)
  static func standsAlone(_ key: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Bool, width: Int) {
    let (c, width) = CharacterClass.of(utf8: key, at: i)
    return (c.contains(.unspaced), width)
  }

  /// Units of a key for grams and spans: each character of an unspaced script alone (``standsAlone``),
  /// runs of other non-space characters as words. (`han` in the result: such a character.)
  /// Returns byte ranges.
  static func units(_ key: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, han: Bool)] {
    var out: [(Range<Int>, Bool)] = []
    var i = 0
    let n = key.count
    var wordStart = -1
    while i < n {
      let b = key[i]
      let (isHan, len) = standsAlone(key, i)
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

  /// Number of ``units(_:)`` of a key, without building them.
  static func unitCount(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var i = 0
    let n = key.count
    var inWord = false
    while i < n {
      let b = key[i]
      let (isHan, len) = standsAlone(key, i)
      if b == 0x20 || isHan {
        inWord = false
        if isHan { count += 1 }
      } else if !inWord {
        inWord = true
        count += 1
      }
      i += len
    }
    return count
  }

  /// Gram hashes of a key: every word, every pair of adjacent Han characters,
  /// and a lone Han character when the key has only one.
  static func grams(_ key: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    var out: [UInt64] = []
    grams(key, into: &out)
    return out
  }

  /// ``grams(_:)`` appended to `out` (no other allocation).
  static func grams(_ key: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) {
    let first = out.count
    var hanCount = 0
    var firstHan = 0..<0
    var prevHan: Range<Int>? = nil  // the previous unit, when it was a Han character
    var i = 0
    let n = key.count
    var wordStart = -1
    func endWord(_ end: Int) {
      if wordStart >= 0 {
        out.append(hash(UnsafeBufferPointer(rebasing: key[wordStart..<end]), seed: 1))
        wordStart = -1
        prevHan = nil
      }
    }
    while i < n {
      let b = key[i]
      let (isHan, len) = standsAlone(key, i)
      if b == 0x20 || isHan {
        endWord(i)
        if isHan {
          let r = i..<min(n, i + len)
          hanCount += 1
          if hanCount == 1 { firstHan = r }
          if let p = prevHan { out.append(hash(UnsafeBufferPointer(rebasing: key[p.lowerBound..<r.upperBound]), seed: 2)) }
          prevHan = r
        }
      } else if wordStart < 0 {
        wordStart = i
      }
      i += len
    }
    endWord(n)
    if hanCount == 1 && out.count == first {
      out.append(hash(UnsafeBufferPointer(rebasing: key[firstHan]), seed: 3))
    }
  }

  /// FNV-1a hash of a string's UTF-8 bytes.
  static func hash(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { hash($0) }
  }

  /// GlossaryText's ``StableHash`` (FNV-1a 64 with a seed, then a final mix): the same bytes on disk.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
    StableHash.bytes(bytes, seed: seed)
  }
}
