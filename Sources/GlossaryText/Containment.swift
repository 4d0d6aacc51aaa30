/// THE containment rule of this project: "does A contain B as whole words?",
/// on match keys (``MatchKey/units``) or on token sequences.
///
/// On match keys, an occurrence counts only when both of its edges are word
/// boundaries. There is a boundary at the ends of the text, next to any
/// character that is not a word character (``CharacterClass/wordCharacter``:
/// spaces, punctuation, symbols), and next to any character of a script written
/// without spaces (``CharacterClass/unspaced``: Han, kana, Thai, Lao ...), where
/// a word may start at any position. So `china` is in `the china-laos railway`
/// and in `china's`, not in `chinatown`; 命运共同体 is in 人类命运共同体.
/// Never inside a surrogate pair.
///
/// On token sequences every token edge is a boundary: B must be a contiguous
/// run of A's tokens.
///
/// Linear: Knuth-Morris-Pratt, O(|A| + |B|).
public enum Containment {
  /// Whether a word boundary lies before unit `i` of a key (`0...key.count`).
  public static func isBoundary(_ key: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
    if i <= 0 || i >= key.count { return true }
    if UTF16.isTrailSurrogate(key[i]) && UTF16.isLeadSurrogate(key[i - 1]) { return false }
    let after = CharacterClass.of(utf16: key, at: i).0
    var j = i - 1
    if UTF16.isTrailSurrogate(key[j]), j > 0, UTF16.isLeadSurrogate(key[j - 1]) { j -= 1 }
    let before = CharacterClass.of(utf16: key, at: j).0
    guard before.isDisjoint(with: .unspaced), after.isDisjoint(with: .unspaced) else { return true }
    return before.isDisjoint(with: .wordCharacter) || after.isDisjoint(with: .wordCharacter)
  }

  /// Whether `part` occurs in `whole` on word boundaries (an empty part never does).
  public static func contains(_ whole: UnsafeBufferPointer<UInt16>, _ part: UnsafeBufferPointer<UInt16>) -> Bool {
    var found = false
    scan(whole, part) { _ in found = true; return false }
    return found
  }

  /// ``contains(_:_:)`` on arrays of key units.
  public static func contains(_ whole: [UInt16], _ part: [UInt16]) -> Bool {
    whole.withUnsafeBufferPointer { w in part.withUnsafeBufferPointer { contains(w, $0) } }
  }

  /// The occurrences of `part` in `whole` on word boundaries, left to right, not overlapping.
  public static func ranges(of part: UnsafeBufferPointer<UInt16>, in whole: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    scan(whole, part) { r in
      if let last = out.last, r.lowerBound < last.upperBound { return true }
      out.append(r)
      return true
    }
    return out
  }

  /// ``ranges(of:in:)`` on arrays of key units.
  public static func ranges(of part: [UInt16], in whole: [UInt16]) -> [Range<Int>] {
    whole.withUnsafeBufferPointer { w in part.withUnsafeBufferPointer { ranges(of: $0, in: w) } }
  }

  /// The occurrences of `part` anywhere in `whole`, word boundaries or not, left to right, not
  /// overlapping: the fallback of a caller that first asked for whole words (an English plural,
  /// `road` in `roads`, is still highlighted).
  public static func rangesAnywhere(of part: [UInt16], in whole: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    whole.withUnsafeBufferPointer { w in
      part.withUnsafeBufferPointer { p in
        occurrences(of: p, in: w) { start in
          if let last = out.last, start < last.upperBound { return true }
          out.append(start..<(start + p.count))
          return true
        }
      }
    }
    return out
  }

  /// The first index where the token sequence `part` occurs as a contiguous run in `whole`.
  public static func firstIndex<T: Equatable>(of part: [T], in whole: [T]) -> Int? {
    var at: Int? = nil
    whole.withUnsafeBufferPointer { w in
      part.withUnsafeBufferPointer { p in
        occurrences(of: p, in: w) { start in at = start; return false }
      }
    }
    return at
  }

  /// Whether the token sequence `part` occurs as a contiguous run in `whole` (an empty part never does).
  public static func contains<T: Equatable>(tokens whole: [T], _ part: [T]) -> Bool {
    firstIndex(of: part, in: whole) != nil
  }

  /// Calls `body` with each boundary-respecting occurrence (overlapping ones too) until it returns false.
  private static func scan(_ whole: UnsafeBufferPointer<UInt16>, _ part: UnsafeBufferPointer<UInt16>,
                           _ body: (Range<Int>) -> Bool) {
    occurrences(of: part, in: whole) { start in
      let end = start + part.count
      guard isBoundary(whole, at: start), isBoundary(whole, at: end) else { return true }
      return body(start..<end)
    }
  }

  /// Knuth-Morris-Pratt: calls `body` with the start of each occurrence (overlapping ones
  /// too) until it returns false.
  static func occurrences<T: Equatable>(of part: UnsafeBufferPointer<T>, in whole: UnsafeBufferPointer<T>,
                                        _ body: (Int) -> Bool) {
    let m = part.count
    guard m > 0, m <= whole.count else { return }
    var fail = [Int](repeating: 0, count: m)  // length of the longest proper border of part[0...k]
    var k = 0
    for i in 1..<max(1, m) {
      while k > 0 && part[i] != part[k] { k = fail[k - 1] }
      if part[i] == part[k] { k += 1 }
      fail[i] = k
    }
    var q = 0
    for i in 0..<whole.count {
      while q > 0 && whole[i] != part[q] { q = fail[q - 1] }
      if whole[i] == part[q] { q += 1 }
      if q == m {
        if !body(i - m + 1) { return }
        q = fail[q - 1]
      }
    }
  }
}
