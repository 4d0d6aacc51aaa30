/// THE English rule set for match keys (lookup, check, mining and both aligners):
/// articles, function words, possessive 's, plurals and verb and adjective inflection.
///
/// Inflection comes from WordNet 3.0's morphy, compiled into ``WordNetTables`` by
/// `scripts/generate-english-folding.py`:
/// 1. a word that WordNet knows only as a proper name stays (Laos, Athens, Philippines);
/// 2. an irregular form gets its base from WordNet's exception lists (met -> meet,
///    spoke -> speak, held -> hold, children -> child); suppletive forms are not folded
///    (better stays better, went stays went);
/// 3. otherwise morphy's detachment rules (noun: -s -ses -xes -zes -ches -shes -men -ies;
///    verb: -s -ies -es -ed -ing; adjective: -er -est), and a result counts only when
///    WordNet has it as a lemma of that part of speech (talks -> talk, countries -> country,
///    but news, series and unknown names such as Bounnhang stay). Verb rules -ed/-ing and the
///    comparative rules leave words that are themselves WordNet adjectives
///    (developed, developing, united, outer), so "developed countries" and "developing
///    countries" keep two keys; rules apply from 4 letters on;
/// 4. repeated until nothing changes, so every form of a word meets (meetings -> meeting -> meet).
///
/// Capitalized multiword WordNet names keep their words (United States, United Nations), and a
/// key loses a leading article (a, an, the) when more words follow. Words are runs of ASCII
/// letters in a match key (lowercase after ``MatchKeyNormalizer``); anything else is left as is.
///
/// Cost: no tables to build; each word is a few binary searches in static data (no allocation
/// but the output).
///
/// ```swift
/// EnglishFolding.baseForm("held")                          // "hold"
/// EnglishFolding.foldKey("the united states holds talks")  // "united states hold talk"
/// ```
public enum EnglishFolding {
  /// The English articles (dropped at the start of a key; edges of mined terms).
  public static let articles: [String] = ["a", "an", "the"]

  /// English function words (closed classes: articles, prepositions, conjunctions, pronouns,
  /// auxiliaries and modals, negation): words that carry no term content on their own.
  public static let functionWords: Set<String> = [
    "a", "an", "the",
    "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "into", "onto", "over", "under", "between",
    "among", "through", "during", "about", "against", "within", "without", "upon", "via", "up", "out",
    "and", "or", "but", "nor", "than", "if", "whether", "while", "because", "so",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "him", "her", "them",
    "us", "me", "his", "their", "our", "your", "my", "which", "who", "whom", "whose", "what", "there", "here",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "not", "no",
  ]

  /// Whether a lowercase word is an article.
  @inlinable public static func isArticle(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
    switch w.count {
    case 1: return w[0] == 0x61
    case 2: return w[0] == 0x61 && w[1] == 0x6E
    case 3: return w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65
    default: return false
    }
  }

  /// Whether lowercase UTF-16 units spell an article.
  @inlinable public static func isArticle<C: Collection>(utf16 w: C) -> Bool where C.Element == UInt16 {
    var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var n = 0
    for u in w {
      guard u < 0x80, n < 3 else { return false }
      switch n { case 0: bytes.0 = UInt8(u); case 1: bytes.1 = UInt8(u); default: bytes.2 = UInt8(u) }
      n += 1
    }
    return withUnsafeBytes(of: bytes) { isArticle(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[0..<n])) }
  }

  /// Whether a lowercase word is a function word.
  public static func isFunctionWord(_ w: String) -> Bool { functionWords.contains(w) }

  // MARK: Words

  /// The base form of one word (lowercased first); words with other than ASCII letters and
  /// an inner apostrophe are returned lowercased and otherwise unchanged.
  public static func baseForm(_ word: String) -> String {
    let bytes = Array(word.lowercased().utf8)
    return bytes.withUnsafeBufferPointer { w in withBaseForm(of: w) { String(decoding: $0, as: UTF8.self) } }
  }

  /// Calls `body` with the base form of one lowercase word (the word itself when nothing applies).
  /// `spareAdjectives` false also folds participles WordNet lists as adjectives (exchanged ->
  /// exchange, developing -> develop): the verb reading of a text word, for matching it against
  /// entries stored in base form ("exchange views" in "exchanged views"); keys keep the default.
  public static func withBaseForm<R>(
    of word: UnsafeBufferPointer<UInt8>, spareAdjectives: Bool = true, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Morphy.maxLength + 8) { buf in
      guard let n = Morphy.fold(word, into: buf, spareAdjectives: spareAdjectives) else { return body(word) }
      return body(UnsafeBufferPointer(rebasing: buf[0..<n]))
    }
  }

  /// Appends the base form of one lowercase word to `out`; returns whether it differs from the word.
  /// (`spareAdjectives`: see ``withBaseForm(of:spareAdjectives:_:)``.)
  @discardableResult
  public static func appendBaseForm<U: FixedWidthInteger>(
    of word: UnsafeBufferPointer<U>, spareAdjectives: Bool = true, to out: inout [U]
  ) -> Bool {
    guard word.count <= Morphy.maxLength, word.allSatisfy({ $0 < 0x80 }) else {
      out.append(contentsOf: word)
      return false
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { w in
      for i in 0..<word.count { w[i] = UInt8(truncatingIfNeeded: word[i]) }
      return withBaseForm(of: UnsafeBufferPointer(w), spareAdjectives: spareAdjectives) { b in
        for x in b { out.append(U(x)) }
        return b.count != word.count || !zip(b, UnsafeBufferPointer(w)).allSatisfy { $0 == $1 }
      }
    }
  }

  // MARK: Keys

  /// Folds a match key (UTF-8): a leading article dropped when more words follow, words of
  /// multiword names kept, every other word to its base form; separators kept.
  public static func foldKey(_ key: [UInt8], dropLeadingArticle: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    key.withUnsafeBufferPointer { foldKey($0, dropLeadingArticle: dropLeadingArticle, into: &out) }
    return out
  }

  /// ``foldKey(_:dropLeadingArticle:)`` of a string key.
  public static func foldKey(_ key: String, dropLeadingArticle: Bool = true) -> String {
    String(decoding: foldKey(Array(key.utf8), dropLeadingArticle: dropLeadingArticle), as: UTF8.self)
  }

  /// ``foldKey(_:dropLeadingArticle:)`` of a UTF-16 key (``MatchKey/units``).
  public static func foldKey(utf16 key: [UInt16], dropLeadingArticle: Bool = true) -> [UInt16] {
    var out: [UInt16] = []
    key.withUnsafeBufferPointer { foldKey($0, dropLeadingArticle: dropLeadingArticle, into: &out) }
    return out
  }

  /// Folds a key of UTF-8 bytes or UTF-16 units into `out` (replacing its contents).
  public static func foldKey<U: FixedWidthInteger>(_ key: UnsafeBufferPointer<U>, dropLeadingArticle: Bool = true,
                                                  into out: inout [U]) {
    foldKey(key, dropLeadingArticle: dropLeadingArticle, into: &out) { appendBaseForm(of: $0, to: &$1) }
  }

  /// ``foldKey(_:dropLeadingArticle:into:)`` with the word fold given (``EnglishFoldingCache`` passes its cache).
  static func foldKey<U: FixedWidthInteger>(
    _ key: UnsafeBufferPointer<U>, dropLeadingArticle: Bool, into out: inout [U],
    baseForm: (UnsafeBufferPointer<U>, inout [U]) -> Bool
  ) {
    out.removeAll(keepingCapacity: true)
    KeyWords.withWords(of: key) { ranges in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: ranges.count) { keep in
        // Pass 1: words of a multiword name around a word that would change stay as they are.
        keep.initialize(repeating: false)
        for k in ranges.indices where !keep[k] {
          out.removeAll(keepingCapacity: true)  // scratch until pass 2
          guard baseForm(UnsafeBufferPointer(rebasing: key[ranges[k]]), &out),
            let name = KeyWords.name(around: k, ranges: ranges, key: key)
          else { continue }
          for j in name { keep[j] = true }
        }
        // Pass 2: copy separators, fold words.
        out.removeAll(keepingCapacity: true)
        var next = 0
        for (k, r) in ranges.enumerated() {
          if k == 0, dropLeadingArticle, ranges.count > 1, key[0..<r.lowerBound].allSatisfy({ $0 == 0x20 }),
            KeyWords.isArticle(key, r)
          {
            next = r.upperBound
            while next < key.count, key[next] == 0x20 { next += 1 }
            continue
          }
          out.append(contentsOf: key[next..<r.lowerBound])
          next = r.upperBound
          let word = UnsafeBufferPointer(rebasing: key[r])
          if keep[k] { out.append(contentsOf: word) } else { _ = baseForm(word, &out) }
        }
        out.append(contentsOf: key[next..<key.count])
      }
    }
  }
}

/// ``EnglishFolding`` with each distinct word folded once: for loops over many keys
/// (index builds, tokenizers). Not thread-safe: one per thread.
public struct EnglishFoldingCache {
  private var words = Interner<UInt8>()
  /// Per word id: 0 when the word stays, else the id of its base form in `bases`.
  private var baseOf: [Int32] = [0]
  private var bases = Interner<UInt8>()

  public init() {}

  /// ``EnglishFolding/appendBaseForm(of:to:)``, cached.
  @discardableResult
  public mutating func appendBaseForm<U: FixedWidthInteger>(of word: UnsafeBufferPointer<U>, to out: inout [U]) -> Bool {
    guard word.count <= 64, word.allSatisfy({ $0 < 0x80 }) else {
      out.append(contentsOf: word)
      return false
    }
    let id = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { w -> Int32 in
      for i in 0..<word.count { w[i] = UInt8(truncatingIfNeeded: word[i]) }
      let bytes = UnsafeBufferPointer(w)
      let id = words.intern(bytes)
      if Int(id) == baseOf.count {
        var base: [UInt8] = []
        baseOf.append(EnglishFolding.appendBaseForm(of: bytes, to: &base) ? bases.intern(base) : 0)
      }
      return id
    }
    let b = baseOf[Int(id)]
    guard b != 0 else {
      out.append(contentsOf: word)
      return false
    }
    bases.withKey(b) { for x in $0 { out.append(U(x)) } }
    return true
  }

  /// ``EnglishFolding/foldKey(_:dropLeadingArticle:into:)``, each word folded once per cache.
  public mutating func foldKey<U: FixedWidthInteger>(_ key: UnsafeBufferPointer<U>, dropLeadingArticle: Bool = true,
                                                    into out: inout [U]) {
    EnglishFolding.foldKey(key, dropLeadingArticle: dropLeadingArticle, into: &out) { appendBaseForm(of: $0, to: &$1) }
  }
}
