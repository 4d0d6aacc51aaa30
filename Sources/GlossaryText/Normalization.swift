import CICU

/// Normalization with two faces.
///
/// - *Display text* is what a translator sees and what the tool exports: the
///   original, decoded, NFC. Never compatibility-folded (`①` stays `①`).
/// - A *match key* is what the tool compares: NFKC_Casefold, Traditional to
///   Simplified, full-width to half-width (part of NFKC), Latin and Greek
///   letters without diacritics, one form for quotes, dashes and spaces. Every key unit remembers the original range it came
///   from, so a hit found on keys can be highlighted in the original.
///
/// ```swift
/// let n = try MatchKeyNormalizer()
/// let key = n.key(for: "國家主席習近平")   // key.text == "国家主席习近平"
/// ```
public enum Normalization {
  /// NFC of a string (display text).
  public static func nfc(_ s: String) throws -> String {
    let units = Array(s.utf16)
    let unchanged = units.withUnsafeBufferPointer { ICU.normalizedSpan(.nfc, $0) == $0.count }
    if unchanged { return s }
    var out: [UInt16] = []
    try units.withUnsafeBufferPointer { try ICU.normalize(.nfc, $0, into: &out) }
    return String(decoding: out, as: UTF16.self)
  }
}

/// A match key: the key's UTF-16 units, and for each unit the original
/// UTF-16 range it came from.
public struct MatchKey: Sendable, Equatable {
  /// Key units (NFKC_Casefold, simplified, folded punctuation).
  public var units: [UInt16]
  /// For each key unit, the start of the original range it came from.
  public var originalStart: [Int32]
  /// For each key unit, the end of the original range it came from.
  public var originalEnd: [Int32]

  public init() {
    units = []
    originalStart = []
    originalEnd = []
  }

  /// The key as a String.
  public var text: String { String(decoding: units, as: UTF16.self) }

  /// The original UTF-16 range covered by key units `range`.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    if range.isEmpty {
      let at = range.lowerBound < originalStart.count ? Int(originalStart[range.lowerBound])
        : Int(originalEnd.last ?? 0)
      return at..<at
    }
    return Int(originalStart[range.lowerBound])..<Int(originalEnd[range.upperBound - 1])
  }

  mutating func append(_ unit: UInt16, from start: Int, to end: Int) {
    units.append(unit)
    originalStart.append(Int32(start))
    originalEnd.append(Int32(end))
  }
}

/// Builds match keys and pinyin keys. Holds ICU transliterators, so it is not
/// thread-safe: make one per thread and reuse it.
///
/// The fold of each non-ASCII BMP code unit (Traditional->Simplified for Han, one
/// form for quotes, dashes and spaces, Latin and Greek without diacritics) lives in
/// one table per process (`cicu_fold_table`), filled lazily from ICU by whichever
/// normalizer meets a unit first. Per character on purpose: keys must be consistent
/// between a query and a text, and one unit in, one unit out keeps offsets exact.
///
/// ICU failing to open or run a transliterator or a normalization means a broken ICU
/// installation: keys would silently differ between runs, so the process stops with
/// a message naming the operation instead.
public final class MatchKeyNormalizer {
  /// Opened on the first Han character not yet folded (ICU takes ~10 ms to open it;
  /// a process that looks up an English term, or has its folds preloaded, never does).
  private lazy var traditionalToSimplified: Transliterator = Self.open("Traditional-Simplified")
  private lazy var hanToLatin: Transliterator = Self.open("Han-Latin; Latin-ASCII")
  private var scratch: [UInt16] = []

  public init() throws {
  }

  /// The match key of a string, with offsets into that string's UTF-16 units.
  public func key(for s: String) -> MatchKey {
    let units = Array(s.utf16)
    return units.withUnsafeBufferPointer { key(for: $0) }
  }

  /// The key as a plain string (no offsets kept).
  public func keyString(_ s: String) -> String { key(for: s).text }

  /// The match key of a UTF-16 buffer.
  public func key(for src: UnsafeBufferPointer<UInt16>) -> MatchKey {
    var out = MatchKey()
    out.units.reserveCapacity(src.count)
    out.originalStart.reserveCapacity(src.count)
    out.originalEnd.reserveCapacity(src.count)
    var lastWasSpace = true  // drops leading spaces
    var i = 0
    let n = src.count
    while i < n {
      // Fast path: the stretch NFKC_Casefold leaves unchanged.
      let span = ICU.normalizedSpan(.nfkcCasefold, UnsafeBufferPointer(rebasing: src[i..<n]))
      var j = i
      while j < i + span {
        fold(src[j], start: j, end: j + 1, into: &out, lastWasSpace: &lastWasSpace)
        j += 1
      }
      i += span
      if i >= n { break }
      // Slow path: normalize up to the next normalization boundary; every
      // output unit maps to the whole input segment.
      var end = i + (UTF16.isLeadSurrogate(src[i]) && i + 1 < n ? 2 : 1)
      while end < n {
        let (cp, width) = CharacterClass.codePoint(utf16: src, at: end)
        if ICU.hasBoundaryBefore(.nfkcCasefold, cp) { break }
        end += width
      }
      let segment = UnsafeBufferPointer(rebasing: src[i..<end])
      Self.required { try ICU.normalize(.nfkcCasefold, segment, into: &scratch) }
      for u in scratch { fold(u, start: i, end: end, into: &out, lastWasSpace: &lastWasSpace) }
      i = end
    }
    // Drop one trailing space.
    if let last = out.units.last, last == 0x20 {
      out.units.removeLast(); out.originalStart.removeLast(); out.originalEnd.removeLast()
    }
    return out
  }

  /// The Traditional-to-Simplified fold of every Han code unit in `units`
  /// (0: none), for caches that want to spare later processes the
  /// transliterator (see `preloadSimplified`).
  public func simplifiedTable(for units: Range<UInt16>) -> [UInt16] {
    units.map { u in
      guard CharacterClass.isHan(utf16: u) else { return 0 }
      var v = cicu_fold_load(u)
      if v == 0 { v = simplify(u); cicu_fold_store(u, v) }
      return v
    }
  }

  /// Preloads folds computed by `simplifiedTable` (entry i is the fold of `units.lowerBound + i`)
  /// into the process's fold table.
  public func preloadSimplified(_ table: UnsafeBufferPointer<UInt16>, for units: Range<UInt16>) {
    for (i, v) in zip(units, table) where v != 0 { cicu_fold_store(i, v) }
  }

  /// Pinyin key: toneless Han-Latin of the match key, letters and digits only
  /// ("习近平" and "Xi Jinping" both give "xijinping"). For search keys only:
  /// ICU's Han-Latin is not reliable for polyphonic characters.
  public func pinyinKey(_ s: String) -> String {
    let k = key(for: s).units
    let latin = Self.required { try hanToLatin.apply(k) }
    var out = [UInt16]()
    out.reserveCapacity(latin.count)
    for u in latin {
      if (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) { out.append(u) }
      else if u >= 0x41 && u <= 0x5A { out.append(u + 0x20) }
    }
    return String(decoding: out, as: UTF16.self)
  }

  /// Pinyin syllables separated by spaces ("xi jin ping"), for display and tokens.
  public func pinyin(_ s: String) -> String {
    let k = key(for: s).units
    return String(decoding: Self.required { try hanToLatin.apply(k) }, as: UTF16.self)
  }

  /// Folds one NFKC_Casefold output unit: Traditional to Simplified, quotes,
  /// dashes and spaces to one form each; collapses runs of spaces.
  @inline(__always)
  private func fold(_ u: UInt16, start: Int, end: Int, into out: inout MatchKey, lastWasSpace: inout Bool) {
    var v = u
    if u < 0x80 {
      switch u {
      case 0x09, 0x0A, 0x0D, 0x20: v = 0x20
      case 0x60: v = 0x27  // ` -> '
      default: break
      }
    } else if u < 0xD800 || u > 0xDFFF {
      v = cicu_fold_load(u)
      if v == 0 {
        v = CharacterClass.isHan(utf16: u) ? simplify(u) : foldPunctuation(u)
        cicu_fold_store(u, v)
      }
    }
    if v == 0x20 {
      if lastWasSpace { return }
      lastWasSpace = true
    } else {
      lastWasSpace = false
    }
    out.append(v, from: start, to: end)
  }

  private func simplify(_ u: UInt16) -> UInt16 {
    let t = Self.required { try traditionalToSimplified.apply([u]) }
    return t.count == 1 ? t[0] : u
  }

  private static func open(_ id: String) -> Transliterator { required { try Transliterator(id: id) } }

  /// Runs an ICU operation that cannot fail on a working ICU installation; stops the process when it does.
  private static func required<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch { fatalError("glossary: broken ICU installation: \(error)") }
  }

  /// Quotes, dashes and spaces by Unicode general category (ICU), plus the CJK
  /// corner brackets that Chinese uses as quotation marks. Single quotes fold
  /// to the apostrophe, not to `"`: it is word-internal in people's, l'initiative.
  private func foldPunctuation(_ u: UInt16) -> UInt16 {
    switch u {
    case 0x300C, 0x300D, 0x300E, 0x300F, 0xFE41, 0xFE42, 0xFE43, 0xFE44: return 0x22  // 「」『』
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return 0x27  // ‘ ’ ‚ ‛ ′
    case 0x2212: return 0x2D  // minus sign
    default: break
    }
    // Latin and Greek letters lose their diacritics (Inácio = Inacio, Nguyễn = Nguyen, pinyin tone
    // marks): the base letter of ICU's canonical decomposition. Not Cyrillic: й is no и.
    let cls = CharacterClass.of(utf16: u)
    if cls.contains(.latin) || (cls.contains(.letter) && ICU.script(UInt32(u)) == ScriptCode.greek) {
      var decomposed: [UInt16] = []
      Self.required { try [u].withUnsafeBufferPointer { try ICU.normalize(.nfd, $0, into: &decomposed) } }
      if decomposed.count > 1, ICU.charType(UInt32(decomposed[0])) == 2 {  // Ll: a lowercase base letter
        return decomposed[0]
      }
    }
    switch ICU.charType(UInt32(u)) {
    case 12, 13, 14: return 0x20  // Zs, Zl, Zp
    case 19: return 0x2D  // Pd: dash punctuation
    case 28, 29: return 0x22  // Pi, Pf: initial and final quotes (“ ” « »)
    default: return u
    }
  }
}
