import GlossaryText

/// A translation table on match keys and integer ids: source key -> target words.
///
/// Built from CC-CEDICT glosses (cleaned: parentheticals, `to `, `CL:`,
/// `variant of`, `surname ...` dropped) and from caller-given term pairs
/// (glossary rows). Source keys are match keys (`MatchKeyNormalizer`:
/// simplified, case-folded); target words are match keys of single words,
/// interned to `Int32` ids (id 0 is never used, so callers may reserve it).
///
/// ```swift
/// let n = try MatchKeyNormalizer()
/// let lex = TranslationLexicon(lexicon: try Lexicon.load(path: "cedict_ts.u8"),
///                              termPairs: [("一带一路", "Belt and Road")], normalizer: n)
/// if let e = lex.entry(forSourceKey: n.keyString("友谊")) {
///   print(lex.targets(ofEntry: e).map(lex.word))   // ["friendship", "companionship"]
/// }
/// ```
///
/// Shared by the sentence aligner and the word aligner. Immutable after
/// construction, so it is safe to share between threads.
public final class TranslationLexicon: @unchecked Sendable {
  /// Trie of source keys; its values are entry ids (for `WordTokenizer` merges and lookups).
  public private(set) var sourceTerms = TermTrie()
  /// Number of entries (distinct source keys).
  public var entryCount: Int { entryStart.count - 1 }
  /// Number of distinct target words.
  public var wordCount: Int { words.count - 1 }

  private var entryIds: [String: Int32] = [:]
  private var entryStart: [Int32] = [0]
  private var entryTargets: [Int32] = []
  private var wordIds: [String: Int32] = [:]
  private var words: [String] = [""]  // id 0 unused

  /// An empty lexicon (numbers, names and Latin tokens still match in the aligners).
  public init() {}

  /// Builds a lexicon.
  /// - Parameters:
  ///   - lexicon: a CC-CEDICT lexicon (simplified and traditional headwords fold to the same key).
  ///   - termPairs: (source term, target rendering) pairs, e.g. a glossary's accepted rows.
  ///   - normalizer: makes the match keys of both sides.
  public init(lexicon: Lexicon?, termPairs: [(source: String, target: String)] = [], normalizer: MatchKeyNormalizer) {
    var pending: [String: [Int32]] = [:]
    var order: [String] = []
    func add(_ key: String, _ targets: [String]) {
      guard !key.isEmpty, !targets.isEmpty else { return }
      if pending[key] == nil { order.append(key); pending[key] = [] }
      for t in targets {
        let id = intern(t)
        if !pending[key]!.contains(id) { pending[key]!.append(id) }
      }
    }
    if let lexicon {
      for e in lexicon.entries {
        add(normalizer.keyString(e.simplified), e.glosses.flatMap(Self.cleanGloss))
      }
    }
    for (s, t) in termPairs {
      add(normalizer.keyString(s), Self.words(of: normalizer.keyString(t)))
    }
    for key in order {
      let id = Int32(entryStart.count - 1)
      entryIds[key] = id
      entryTargets.append(contentsOf: pending[key]!)
      entryStart.append(Int32(entryTargets.count))
      sourceTerms.insert(Array(key.utf16), value: id)
    }
  }

  /// The entry of a source match key, if any.
  public func entry(forSourceKey key: String) -> Int32? { entryIds[key] }

  /// Target word ids of an entry (ids index `word(_:)`).
  public func targets(ofEntry entry: Int32) -> ArraySlice<Int32> {
    entryTargets[Int(entryStart[Int(entry)])..<Int(entryStart[Int(entry) + 1])]
  }

  /// The id of a target word (a match key), if the lexicon knows it.
  public func wordId(_ key: String) -> Int32? { wordIds[key] }

  /// The target word of an id.
  public func word(_ id: Int32) -> String { words[Int(id)] }

  /// Target words of a source key (convenience; not for inner loops).
  public func translations(ofSourceKey key: String) -> [String] {
    guard let e = entryIds[key] else { return [] }
    return targets(ofEntry: e).map { words[Int($0)] }
  }

  private func intern(_ w: String) -> Int32 {
    if let id = wordIds[w] { return id }
    let id = Int32(words.count)
    words.append(w)
    wordIds[w] = id
    return id
  }

  /// Content words of one CC-CEDICT gloss, lowercased: drops parentheticals
  /// and brackets, classifier notes (`CL:`), cross-references (`variant of`,
  /// `see`, `surname`, `abbr. for`, `used in`), a leading `to `/`a `/`the `,
  /// one-letter words and gloss function words. [] when the gloss names no translation.
  public static func cleanGloss(_ gloss: String) -> [String] {
    var s = ""
    var depth = 0
    for c in gloss {
      if c == "(" || c == "[" { depth += 1; continue }
      if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
      if depth == 0 { s.append(c) }
    }
    let lower = s.lowercased().trimmingSpaces
    let skipPrefixes = [
      "cl:", "variant of", "old variant", "see ", "surname", "abbr.", "abbr ", "used in", "also written",
      "japanese variant", "erhua variant", "pr.", "archaic variant", "see also",
    ]
    if lower.isEmpty || skipPrefixes.contains(where: { lower.hasPrefix($0) }) { return [] }
    var out: [String] = []
    for part in lower.split(separator: ";") {
      var p = part.trimmingSpacesSub
      for lead in ["to"] + EnglishFolding.articles where p.hasPrefix(lead + " ") {
        p = p.dropFirst(lead.count + 1)
      }
      out.append(contentsOf: words(of: String(p)))
    }
    return out
  }

  /// Words of a key: maximal runs of letters or digits of at least two
  /// characters (one Han character is enough), minus gloss function words.
  static func words(of s: String) -> [String] {
    var out: [String] = []
    var cur = ""
    func flush() {
      let longEnough = cur.count >= 2
        || (cur.unicodeScalars.first.map { !CharacterClass.of($0).isDisjoint(with: [.unspaced, .hangul]) } ?? false)
      if longEnough, !glossStopwords.contains(cur) { out.append(cur) }
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
  public static let glossStopwords: Set<String> = Set(EnglishFolding.articles).union([
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
