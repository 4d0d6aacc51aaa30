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

/// Tokenizes text into words with ICU, on the match key, then merges tokens
/// with a term list by longest match (ICU's Chinese dictionary splits 构建,
/// 命运共同体 and names like 习近平; a glossary or lexicon knows them).
///
/// Works for any locale ICU has (`zh`, `en`, `fr`, `lo` ...). Not thread-safe:
/// it owns an ICU break iterator and a normalizer; make one per thread.
public final class WordTokenizer {
  public let language: Language
  public let normalizer: MatchKeyNormalizer
  private let iterator: BreakIterator
  private let terms: TermTrie?
  /// Scratch: isTokenEnd[i] when a token ends at key offset i (reused, all false between calls).
  private var isTokenEnd: [Bool] = []

  /// - Parameters:
  ///   - language: ICU language of the text.
  ///   - terms: known terms as match keys (see `TermTrie`), merged by longest match.
  public init(language: Language, terms: TermTrie? = nil, normalizer: MatchKeyNormalizer? = nil) throws {
    self.language = language
    self.iterator = try BreakIterator(kind: .word, locale: language.icuLocale)
    self.terms = terms
    self.normalizer = try normalizer ?? MatchKeyNormalizer()
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
      if let terms, !tokens.isEmpty {
        if isTokenEnd.count < k.count + 1 { isTokenEnd = [Bool](repeating: false, count: k.count + 1) }
        for t in tokens { isTokenEnd[Int(t.keyRange.upperBound)] = true }
        tokens = isTokenEnd.withUnsafeBufferPointer { ends in
          Self.merge(tokens, with: terms, key: key, keyUnits: k, isTokenEnd: ends)
        }
        for t in tokens { isTokenEnd[Int(t.keyRange.upperBound)] = false }
      }
    }
    return TokenizedText(key: key, tokens: tokens)
  }

  /// Longest-match merge of tokens with known terms. A match must start at a
  /// token start and end at a token end, or inside a Han token (ICU's Chinese
  /// dictionary cuts in wrong places, so a term may end mid-token).
  static func merge(
    _ tokens: [Token], with terms: TermTrie, key: MatchKey, keyUnits k: UnsafeBufferPointer<UInt16>,
    isTokenEnd ends: UnsafeBufferPointer<Bool>
  ) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(tokens.count)
    var i = 0
    var cut: Int? = nil  // tokens[i] was cut by the previous match: it starts here
    while i < tokens.count {
      var t = tokens[i]
      if let c = cut { t = remainder(of: t, from: c, key: key); cut = nil }
      let start = Int(t.keyRange.lowerBound)
      let match = t.kind == .word ? terms.longestMatch(in: k, from: start) { end in
        ends[end] || (CharacterClass.isHan(utf16: k[end - 1]) && end < k.count && CharacterClass.isHan(utf16: k[end]))
      } : nil
      guard let m = match else {
        out.append(t)
        i += 1
        continue
      }
      out.append(Token(
        keyRange: Int32(start)..<Int32(m.end),
        range: Int32(key.originalStart[start])..<Int32(key.originalEnd[m.end - 1]),
        kind: .word, script: t.script, isKnownTerm: true))
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
