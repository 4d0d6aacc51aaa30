/// THE gloss cleaner: the content words of a CC-CEDICT gloss, as the
/// aligners use them (translation pairs for the sentence aligner, priors for
/// the word aligner).
public enum Gloss {
  /// Content words of one CC-CEDICT gloss, lowercased: drops parentheticals
  /// and brackets, classifier notes (`CL:`), cross-references (`variant of`,
  /// `see`, `surname`, `abbr. for`, `used in`), a leading `to `/`a `/`the `,
  /// one-letter words and gloss function words. [] when the gloss names no translation.
  public static func contentWords(_ gloss: String) -> [String] {
    var g = gloss
    if let fast = g.withUTF8({ asciiContentWords($0) }) { return fast }
    return unicodeContentWords(gloss)
  }

  /// `contentWords` on Unicode text (the definition; `asciiContentWords` is its fast path).
  static func unicodeContentWords(_ gloss: String) -> [String] {
    var s = ""
    var depth = 0
    for c in gloss.unicodeScalars {
      if c == "(" || c == "[" { depth += 1; continue }
      if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
      if depth == 0 { s.unicodeScalars.append(c) }
    }
    let lower = s.lowercased().trimmingSpaces
    if lower.isEmpty || skipPrefixes.contains(where: { lower.hasPrefix($0) }) { return [] }
    var out: [String] = []
    for part in lower.split(separator: ";") {
      var p = part.trimmingSpacesSub
      for lead in leads where p.hasPrefix(lead + " ") {
        p = p.dropFirst(lead.count + 1)
      }
      out.append(contentsOf: words(of: String(p)))
    }
    return out
  }

  /// `contentWords` on ASCII bytes (most CC-CEDICT glosses), without String
  /// operations per character; nil when the gloss has non-ASCII text that counts
  /// (outside brackets, and not a cross-reference).
  static func asciiContentWords(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
    var s: [UInt8] = []
    s.reserveCapacity(b.count)
    var depth = 0
    var nonASCII = false  // outside brackets (inside, everything is dropped anyway)
    for c in b {
      if c >= 0x80 { nonASCII = nonASCII || depth == 0; if depth > 0 { continue } }
      if c == 0x28 || c == 0x5B { depth += 1; continue }  // ( [
      if c == 0x29 || c == 0x5D { depth = max(0, depth - 1); continue }
      if depth == 0 { s.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c) }
    }
    var lo = 0, hi = s.count
    while lo < hi, s[lo] == 0x20 { lo += 1 }
    while hi > lo, s[hi - 1] == 0x20 { hi -= 1 }
    if lo == hi { return [] }
    let lower = s[lo..<hi]
    // An ASCII prefix reads the same after Unicode lowercasing of what follows it.
    for p in asciiSkipPrefixes where lower.starts(with: p) { return [] }
    if nonASCII { return nil }
    var out: [String] = []
    var partStart = lo
    while partStart <= hi {
      var partEnd = partStart
      while partEnd < hi, s[partEnd] != 0x3B { partEnd += 1 }  // ;
      var a = partStart, z = partEnd
      while a < z, s[a] == 0x20 { a += 1 }
      while z > a, s[z - 1] == 0x20 { z -= 1 }
      for article in asciiArticles where s[a..<z].starts(with: article) { a += article.count }
      var w = a
      while w < z {
        while w < z, !isASCIIWordByte(s[w]) { w += 1 }
        let start = w
        while w < z, isASCIIWordByte(s[w]) { w += 1 }
        if w - start >= 2 {
          let word = String(decoding: s[start..<w], as: UTF8.self)
          if !stopwords.contains(word) { out.append(word) }
        }
      }
      partStart = partEnd + 1
    }
    return out
  }

  @inline(__always) private static func isASCIIWordByte(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
  }

  private static let asciiSkipPrefixes = skipPrefixes.map { Array($0.utf8) }
  /// Words dropped at the start of a gloss part: "to" (verbs) and the articles.
  static let leads = ["to"] + EnglishFolding.articles
  private static let asciiArticles = leads.map { Array(($0 + " ").utf8) }

  static let skipPrefixes = [
    "cl:", "variant of", "old variant", "see ", "surname", "abbr.", "abbr ", "used in", "also written",
    "japanese variant", "erhua variant", "pr.", "archaic variant", "see also",
  ]

  /// Words of a key: maximal runs of letters or digits of at least two
  /// characters (one Han character is enough), minus gloss function words.
  public static func words(of s: String) -> [String] {
    var out: [String] = []
    var cur = ""
    func flush() {
      let longEnough = cur.count >= 2
        || (cur.unicodeScalars.first.map { !CharacterClass.of($0).isDisjoint(with: [.unspaced, .hangul]) } ?? false)
      if longEnough, !stopwords.contains(cur) { out.append(cur) }
      cur = ""
    }
    for c in s {
      if c.isLetter || c.isNumber { cur.append(c) } else { flush() }
    }
    flush()
    return out
  }

  /// Words of a CC-CEDICT gloss that translate nothing: articles, the commonest prepositions and
  /// conjunctions, a few pronouns and the copula, and the gloss conventions ("to help sb do sth",
  /// "used in ...", "a kind of ..."). Deliberately not all function words: 我 -> "I, me, my" and
  /// 将 -> "will" are translations the aligners need. The one list for the sentence aligner's
  /// lexical evidence and the word aligner's priors (set on mac-dev 001-003 and denero-dev 1-25).
  public static let stopwords: Set<String> = Set(EnglishFolding.articles).union([
    "of", "to", "and", "or", "in", "on", "at", "by", "for", "with", "from", "as", "into", "up", "out",
    "is", "are", "be", "it", "its", "that", "this", "also",
    "sb", "sth", "etc", "esp", "oneself", "something", "someone", "somebody", "one's", "used", "particle",
    "kind", "sort", "type",
  ])
}

extension String {
  var trimmingSpaces: String { String(Substring(self).trimmingSpacesSub) }
}

extension Substring {
  var trimmingSpacesSub: Substring {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return s
  }
}
