/// What a token is, from ICU's word-break rule status and the characters.
public enum TokenKind: UInt8, Sendable, CustomStringConvertible {
  case word, number, punctuation, symbol

  public var description: String {
    switch self {
    case .word: return "word"
    case .number: return "number"
    case .punctuation: return "punctuation"
    case .symbol: return "symbol"
    }
  }
}

/// A token: ranges in the match key and in the original text (UTF-16), kind,
/// ICU script of its first character, and whether a term list merged it.
public struct Token: Sendable, Equatable {
  /// Range in the match key (`TokenizedText.key.units`).
  public var keyRange: Range<Int32>
  /// Range in the original text (UTF-16 offsets).
  public var range: Range<Int32>
  public var kind: TokenKind
  /// ICU script code of the first letter (`ScriptCode.han`, `.latin` ...).
  public var script: Int32
  /// True when the token came from a longest match against the term list.
  public var isKnownTerm: Bool
}

/// A text with its match key and its tokens.
public struct TokenizedText: Sendable {
  public var key: MatchKey
  public var tokens: [Token]

  /// The key text of a token (normalized: lowercase, simplified ...).
  public func keyString(_ t: Token) -> String {
    String(decoding: key.units[Int(t.keyRange.lowerBound)..<Int(t.keyRange.upperBound)], as: UTF16.self)
  }
}

/// Tokenizes text into words with ICU, on the match key, then
///
/// - for Chinese (a shipped word-frequency list exists): segments each run of
///   Han characters by lattice (`WordLattice`: the frequency list, lexicon
///   headwords and known terms, best path by unigram cost). Known terms and
///   headwords that reach beyond Han characters (２１世纪海上丝绸之路, 澜沧江－湄公河)
///   are merged first, by longest match;
/// - for other languages: merges tokens with the known terms and headwords by
///   longest match (ICU's dictionaries split names and terms that a glossary
///   or lexicon knows).
///
/// Works for any locale ICU has (`zh`, `en`, `fr`, `lo` ...). Not thread-safe:
/// it owns an ICU break iterator and a normalizer; make one per thread.
public final class WordTokenizer {
  public let language: Language
  public let normalizer: MatchKeyNormalizer
  private let iterator: BreakIterator
  private let terms: TermTrie?
  private let lexicon: TermTrie?
  private let lattice: WordLattice?
  private var scratch = WordLattice.Scratch()
  /// Scratch: isTokenEnd[i] when a token ends at key offset i (reused, all false between calls).
  private var isTokenEnd: [Bool] = []

  /// - Parameters:
  ///   - language: ICU language of the text.
  ///   - terms: known terms as match keys (see `TermTrie`): glossary terms, corpus-learned words.
  ///   - lexicon: lexicon headwords (`Lexicon.terms`); weaker than terms in the lattice.
  ///   - lattice: segment Han runs by lattice when the language has a shipped
  ///     word-frequency list (Chinese); false: ICU words and longest-match merges.
  public init(
    language: Language, terms: TermTrie? = nil, lexicon: TermTrie? = nil, lattice: Bool = true,
    normalizer: MatchKeyNormalizer? = nil
  ) throws {
    self.language = language
    self.iterator = try BreakIterator(kind: .word, locale: language.icuLocale)
    self.terms = terms
    self.lexicon = lexicon
    self.normalizer = try normalizer ?? MatchKeyNormalizer()
    self.lattice = lattice ? WordFrequencies.standard(for: language).map {
      WordLattice(frequencies: $0, lexicon: lexicon, terms: terms)
    } : nil
  }

  /// Tokenizes a string.
  public func tokenize(_ text: String) throws -> TokenizedText {
    let units = Array(text.utf16)
    return try units.withUnsafeBufferPointer { try tokenize($0) }
  }

  /// Tokenizes a UTF-16 buffer; token ranges are offsets into it.
  public func tokenize(_ text: UnsafeBufferPointer<UInt16>) throws -> TokenizedText {
    let key = normalizer.key(for: text)
    var tokens: [Token] = []
    tokens.reserveCapacity(key.units.count / 2 + 4)
    try key.units.withUnsafeBufferPointer { k in
      try iterator.withBoundaries(of: k) { bounds, statuses in
        guard bounds.count > 1 else { return }
        for b in 1..<bounds.count {
          let lo = Int(bounds[b - 1]), hi = Int(bounds[b])
          let first = k[lo]
          if first == 0x20 { continue }  // keys have one space between words
          let status = statuses[b]
          let kind: TokenKind
          switch status {
          case 100..<200: kind = .number
          case 200..<500: kind = .word
          default: kind = Self.classify(first)
          }
          let script = Self.script(of: k, at: lo)
          tokens.append(Token(
            keyRange: Int32(lo)..<Int32(hi),
            range: Int32(key.originalStart[lo])..<Int32(key.originalEnd[hi - 1]),
            kind: kind, script: script, isKnownTerm: false))
        }
      }
      guard !tokens.isEmpty, terms != nil || lexicon != nil || lattice != nil else { return }
      if isTokenEnd.count < k.count + 1 { isTokenEnd = [Bool](repeating: false, count: k.count + 1) }
      for t in tokens { isTokenEnd[Int(t.keyRange.upperBound)] = true }
      let crossesNonHan = lattice != nil
      tokens = isTokenEnd.withUnsafeBufferPointer { ends in
        merge(tokens, key: key, keyUnits: k, isTokenEnd: ends) { start, end in
          // With a lattice, only matches that reach beyond Han characters are merged here.
          !crossesNonHan || !Self.isAllHan(k, start, end)
        }
      }
      for t in tokens { isTokenEnd[Int(t.keyRange.upperBound)] = false }
      if let lattice { tokens = segmentHanRuns(tokens, lattice: lattice, key: key, keyUnits: k) }
    }
    return TokenizedText(key: key, tokens: tokens)
  }

  /// Replaces each run of adjacent Han word tokens (not merged terms) by the lattice's words.
  private func segmentHanRuns(_ tokens: [Token], lattice: WordLattice, key: MatchKey, keyUnits k: UnsafeBufferPointer<UInt16>) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(tokens.count)
    func isHanToken(_ t: Token) -> Bool {
      !t.isKnownTerm && t.kind == .word && Self.isAllHan(k, Int(t.keyRange.lowerBound), Int(t.keyRange.upperBound))
    }
    var i = 0
    while i < tokens.count {
      guard isHanToken(tokens[i]) else { out.append(tokens[i]); i += 1; continue }
      var j = i + 1
      while j < tokens.count, isHanToken(tokens[j]), tokens[j].keyRange.lowerBound == tokens[j - 1].keyRange.upperBound { j += 1 }
      let script = tokens[i].script
      lattice.segment(k, Int(tokens[i].keyRange.lowerBound), Int(tokens[j - 1].keyRange.upperBound), scratch: &scratch) { lo, hi in
        let word = UnsafeBufferPointer(rebasing: k[lo..<hi])
        let known = terms?.value(of: word) != nil || lexicon?.value(of: word) != nil
        out.append(Token(
          keyRange: Int32(lo)..<Int32(hi), range: Int32(key.originalStart[lo])..<Int32(key.originalEnd[hi - 1]),
          kind: .word, script: script, isKnownTerm: known))
      }
      i = j
    }
    return out
  }

  /// Longest-match merge of tokens with known terms and lexicon headwords. A
  /// match must start at a token start and end at a token end, or inside a
  /// Han token (ICU's Chinese dictionary cuts in wrong places, so a term may
  /// end mid-token), and pass `accept(start, end)`.
  private func merge(
    _ tokens: [Token], key: MatchKey, keyUnits k: UnsafeBufferPointer<UInt16>, isTokenEnd ends: UnsafeBufferPointer<Bool>,
    accept: (Int, Int) -> Bool
  ) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(tokens.count)
    var i = 0
    var cut: Int? = nil  // tokens[i] was cut by the previous match: it starts here
    while i < tokens.count {
      var t = tokens[i]
      if let c = cut { t = Self.remainder(of: t, from: c, key: key); cut = nil }
      let start = Int(t.keyRange.lowerBound)
      var match: (end: Int, value: Int32)? = nil
      if t.kind == .word || t.kind == .number {
        // One character is what ICU gives anyway: a match is at least two units long.
        let acceptsEnd = { (end: Int) in
          end - start >= 2 && (ends[end] || (CharacterClass.isHan(utf16: k[end - 1]) && end < k.count && CharacterClass.isHan(utf16: k[end])))
            && accept(start, end)
        }
        for trie in [terms, lexicon] {
          if let m = trie?.longestMatch(in: k, from: start, acceptsEnd: acceptsEnd), m.end > (match?.end ?? 0) { match = m }
        }
      }
      guard let m = match, m.end > Int(t.keyRange.lowerBound) else {
        out.append(t)
        i += 1
        continue
      }
      out.append(Token(
        keyRange: Int32(start)..<Int32(m.end),
        range: Int32(key.originalStart[start])..<Int32(key.originalEnd[m.end - 1]),
        kind: t.kind == .number && m.end == Int(t.keyRange.upperBound) ? .number : .word, script: t.script,
        isKnownTerm: true))
      // Skip the tokens the match covers; the one it cuts continues after it.
      while i < tokens.count, Int(tokens[i].keyRange.upperBound) <= m.end { i += 1 }
      if i < tokens.count, Int(tokens[i].keyRange.lowerBound) < m.end { cut = m.end }
    }
    return out
  }

  private static func remainder(of t: Token, from cut: Int, key: MatchKey) -> Token {
    let hi = Int(t.keyRange.upperBound)
    return Token(
      keyRange: Int32(cut)..<Int32(hi),
      range: Int32(key.originalStart[cut])..<Int32(key.originalEnd[hi - 1]),
      kind: t.kind, script: t.script, isKnownTerm: false)
  }

  /// Whether `k[lo..<hi]` is Han characters only (supplementary planes included).
  static func isAllHan(_ k: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int) -> Bool {
    var i = lo
    while i < hi {
      let (c, width) = CharacterClass.of(utf16: k, at: i)
      guard c.contains(.han) else { return false }
      i += width
    }
    return true
  }

  private static func script(of k: UnsafeBufferPointer<UInt16>, at i: Int) -> Int32 {
    let u = k[i]
    if u < 0x80 {
      return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A ? ScriptCode.latin : ScriptCode.common
    }
    if CharacterClass.isHan(utf16: u) { return ScriptCode.han }
    var cp = UInt32(u)
    if UTF16.isLeadSurrogate(u), i + 1 < k.count {
      cp = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(k[i + 1]) - 0xDC00)
    }
    return ICU.script(cp)
  }

  /// Punctuation (P*) or symbol for segments ICU gives rule status 0.
  private static func classify(_ u: UInt16) -> TokenKind {
    switch ICU.charType(UInt32(u)) {
    case 19...23, 28, 29: return .punctuation  // Pc Pd Ps Pe Po, Pi Pf
    case 9...11: return .number  // Nd Nl No
    case 1...5: return .word  // letters (e.g. Lao syllables without status)
    default: return .symbol
    }
  }
}

/// Bare ICU word breaking (boundaries only): the floor every tokenizer on top
/// of ICU pays. Exists so that benchmarks can measure against it.
public final class ICUWordBreaker {
  private let iterator: BreakIterator

  public init(language: Language) throws {
    iterator = try BreakIterator(kind: .word, locale: language.icuLocale)
  }

  /// Number of word-break boundaries in a buffer.
  public func countBoundaries(_ text: UnsafeBufferPointer<UInt16>) throws -> Int {
    try iterator.withBoundaries(of: text) { b, _ in b.count }
  }
}
