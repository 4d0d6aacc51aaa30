/// WordNet's morphy over ``WordNetTables`` (see ``EnglishFolding`` for the rules and their order).
enum Morphy {
  /// Longer words are left as they are (no English word form needs more).
  static let maxLength = 40

  static let lemmas = SortedBlob(WordNetTables.lemmas, terminator: 0x30...0x3F)
  static let exceptions = SortedBlob(WordNetTables.exceptions, terminator: 0x0A...0x0A, keyEnd: 0x20)
  static let names = SortedBlob(WordNetTables.names, terminator: 0x0A...0x0A)

  static let noun: UInt8 = 1, verb: UInt8 = 2, adjective: UInt8 = 4, properName: UInt8 = 8

  /// Detachment rules: suffix, replacement, part of speech the result must be a lemma of, and
  /// whether words that are themselves adjectives keep their form (participles, comparatives).
  /// Morphy's order: nouns, verbs, adjectives; the first result that is a lemma wins.
  static let rules: [(suffix: StaticString, ending: StaticString, pos: UInt8, sparesAdjectives: Bool)] = [
    ("s", "", noun, false), ("ses", "s", noun, false), ("xes", "x", noun, false), ("zes", "z", noun, false),
    ("ches", "ch", noun, false), ("shes", "sh", noun, false), ("men", "man", noun, false), ("ies", "y", noun, false),
    ("s", "", verb, false), ("ies", "y", verb, false), ("es", "e", verb, false), ("es", "", verb, false),
    ("ed", "e", verb, true), ("ed", "", verb, true), ("ing", "e", verb, true), ("ing", "", verb, true),
    ("er", "", adjective, true), ("est", "", adjective, true), ("er", "e", adjective, true), ("est", "e", adjective, true),
  ]

  /// WordNet part-of-speech bits of a lemma (0: not a lemma).
  static func bits(_ w: UnsafeBufferPointer<UInt8>) -> UInt8 {
    guard let hit = lemmas.find(w) else { return 0 }
    return hit.terminator - 0x30
  }

  /// Writes the base form of `word` to `buf` and returns its length, or nil when the word stays.
  /// `spareAdjectives` false: participles that WordNet also lists as adjectives are folded too
  /// (exchanged -> exchange), for matching text against entries stored in base form.
  static func fold(_ word: UnsafeBufferPointer<UInt8>, into buf: UnsafeMutableBufferPointer<UInt8>, spareAdjectives: Bool = true) -> Int? {
    var n = word.count
    guard n > 0, n <= maxLength else { return nil }
    for i in 0..<n {
      let b = word[i]
      guard (b >= 0x61 && b <= 0x7A) || (b == 0x27 && i > 0 && i < n - 1) else { return nil }
      buf[i] = b
    }
    // Possessive 's.
    if n > 2, buf[n - 2] == 0x27, buf[n - 1] == 0x73 { n -= 2 }
    for i in 0..<n where buf[i] == 0x27 { return n == word.count ? nil : n }  // o'clock: only the possessive
    var changed = n != word.count
    for _ in 0..<4 {
      guard let m = step(buf, n, spareAdjectives: spareAdjectives) else { break }
      n = m
      changed = true
    }
    return changed ? n : nil
  }

  /// One morphy step on buf[0..<n] in place: the new length, or nil when nothing applies.
  private static func step(_ buf: UnsafeMutableBufferPointer<UInt8>, _ n: Int, spareAdjectives: Bool) -> Int? {
    let w = UnsafeBufferPointer(rebasing: buf[0..<n])
    let own = bits(w)
    if own & properName != 0 { return nil }
    if let hit = exceptions.find(w) {
      let base = hit.payload
      guard base.count <= maxLength else { return nil }
      for (i, b) in base.enumerated() { buf[i] = exceptions.bytes[b] }
      return base.count
    }
    guard n >= 4 else { return nil }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 3) { cand in
      for rule in rules {
        let sl = rule.suffix.utf8CodeUnitCount, el = rule.ending.utf8CodeUnitCount
        guard n > sl, ends(w, rule.suffix) else { continue }
        // Participles and comparatives that WordNet lists as adjectives keep their form.
        if rule.sparesAdjectives, spareAdjectives, own & adjective != 0 { continue }
        let stem = n - sl
        for i in 0..<stem { cand[i] = buf[i] }
        for i in 0..<el { cand[stem + i] = rule.ending.utf8Start[i] }
        let c = UnsafeBufferPointer(rebasing: cand[0..<(stem + el)])
        if bits(c) & rule.pos != 0 {
          for i in 0..<c.count { buf[i] = c[i] }
          return c.count
        }
      }
      return nil
    }
  }

  @inline(__always)
  private static func ends(_ w: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    let m = s.utf8CodeUnitCount
    guard w.count >= m else { return false }
    for j in 0..<m where w[w.count - m + j] != s.utf8Start[j] { return false }
    return true
  }
}

/// Words of a key for ``EnglishFolding``: maximal runs of word characters (letters, marks,
/// digits, an apostrophe between two letters).
enum KeyWords {
  /// Calls `body` with the word ranges of a key (no heap allocation for ordinary keys).
  static func withWords<U: FixedWidthInteger, R>(of key: UnsafeBufferPointer<U>,
                                                 _ body: (UnsafeBufferPointer<Range<Int>>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: key.count / 2 + 1) { ranges in
      var count = 0
      var i = 0
      let n = key.count
      while i < n {
        guard isWordUnit(key, i) else { i += 1; continue }
        let s = i
        while i < n, isWordUnit(key, i) || (key[i] == 0x27 && i > s && i + 1 < n && isWordUnit(key, i + 1)) { i += 1 }
        ranges.initializeElement(at: count, to: s..<i)
        count += 1
      }
      defer { _ = ranges.prefix(count).deinitialize() }
      return body(UnsafeBufferPointer(rebasing: ranges[0..<count]))
    }
  }

  /// Whether unit i is a word character (ASCII letters and digits directly; other units by
  /// ``CharacterClass``; surrogates count as word units, they are never ASCII words).
  @inline(__always)
  private static func isWordUnit<U: FixedWidthInteger>(_ key: UnsafeBufferPointer<U>, _ i: Int) -> Bool {
    let u = key[i]
    if u < 0x80 {
      let b = UInt8(truncatingIfNeeded: u) | 0x20
      return (b >= 0x61 && b <= 0x7A) || (u >= 0x30 && u <= 0x39)
    }
    if U.bitWidth == 8 { return true }  // UTF-8 bytes of a non-ASCII character: never an ASCII word
    if u >= 0xD800 && u <= 0xDFFF { return true }
    return !CharacterClass.of(codePoint: UInt32(truncatingIfNeeded: u)).isDisjoint(with: .wordCharacter)
  }

  static func isArticle<U: FixedWidthInteger>(_ key: UnsafeBufferPointer<U>, _ r: Range<Int>) -> Bool {
    guard r.count <= 3, key[r].allSatisfy({ $0 < 0x80 }) else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3) { b in
      for (i, u) in key[r].enumerated() { b[i] = UInt8(truncatingIfNeeded: u) }
      return EnglishFolding.isArticle(UnsafeBufferPointer(rebasing: b[0..<r.count]))
    }
  }

  /// The words of a multiword WordNet name (2 to 5 words one space apart) that include word k.
  static func name<U: FixedWidthInteger>(around k: Int, ranges: UnsafeBufferPointer<Range<Int>>,
                                         key: UnsafeBufferPointer<U>) -> Range<Int>? {
    for n in stride(from: 5, through: 2, by: -1) {
      for start in max(0, k - n + 1)...k where start + n <= ranges.count {
        let span = ranges[start].lowerBound..<ranges[start + n - 1].upperBound
        guard span.count <= 80 else { continue }
        var spaced = true
        for j in start..<(start + n - 1) where ranges[j + 1].lowerBound != ranges[j].upperBound + 1
          || key[ranges[j].upperBound] != 0x20 { spaced = false; break }
        guard spaced, key[span].allSatisfy({ $0 < 0x80 }) else { continue }
        let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: span.count) { b in
          for (i, u) in key[span].enumerated() { b[i] = UInt8(truncatingIfNeeded: u) }
          return Morphy.names.find(UnsafeBufferPointer(b)) != nil
        }
        if found { return start..<(start + n) }
      }
    }
    return nil
  }
}
