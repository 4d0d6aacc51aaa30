import GlossaryText

/// Turns sentences into word-alignment units (token ids in a `WordVocabulary`).
///
/// Chinese (unspaced languages): ICU words merged by the lexicon's headwords and the
/// given terms (longest match); a multi-character Han word that is no headword or term is
/// split into characters (ICU's dictionary guesses; characters are what the lexicon knows,
/// and on small corpora they are what recurs). Without a lexicon every multi-character Han
/// word but the terms is split: on denero-dev that takes AER from 0.347 (ICU words) to 0.295.
/// Other languages: ICU words. Keys are match keys (lowercase, simplified, folded
/// punctuation). Not thread-safe (one per thread).
public final class WordAlignTokenizer {
  public let language: Language
  public let normalizer: MatchKeyNormalizer
  private let tokenizer: WordTokenizer
  private let trie: TermTrie?
  /// Split multi-character Han words the lexicon and terms do not know into characters
  /// (on by default for unspaced languages).
  public var characterFallback: Bool
  /// Fold English inflections (`reiterated` -> `reiterat`, `ministries` -> `ministry`) so that
  /// small corpora count one unit per word; on for English.
  public var foldsInflections: Bool

  /// - Parameters:
  ///   - language: language of the sentences.
  ///   - lexicon: CC-CEDICT lexicon whose headwords are merged (unspaced languages only).
  ///   - terms: further known terms (e.g. glossary sources), merged like headwords.
  public init(language: Language, lexicon: Lexicon? = nil, terms: [String] = [],
              normalizer: MatchKeyNormalizer? = nil) throws {
    let normalizer = try normalizer ?? MatchKeyNormalizer()
    self.language = language
    self.normalizer = normalizer
    var trie: TermTrie? = nil
    if language.isUnspaced, lexicon != nil || !terms.isEmpty {
      var t = TermTrie()
      lexicon?.termTrie(normalizer: normalizer, into: &t)
      let base = Int32(lexicon?.entries.count ?? 0)
      for (k, term) in terms.enumerated() { t.insert(normalizer.key(for: term).units, value: base + Int32(k)) }
      trie = t
    }
    self.trie = trie
    characterFallback = language.isUnspaced
    foldsInflections = language.base == "en"
    tokenizer = try WordTokenizer(language: language, terms: trie, normalizer: normalizer)
  }

  /// Token ids of a raw sentence.
  public func tokenize(_ sentence: String, into vocabulary: WordVocabulary) throws -> [Int32] {
    let t = try tokenizer.tokenize(sentence)
    var ids: [Int32] = []
    ids.reserveCapacity(t.tokens.count)
    let units = t.key.units
    for tok in t.tokens {
      let lo = Int(tok.keyRange.lowerBound), hi = Int(tok.keyRange.upperBound)
      let key = units[lo..<hi]
      if characterFallback, !tok.isKnownTerm, hi - lo > 1, tok.script == ScriptCode.han,
        trie?.value(of: key) == nil
      {
        var k = lo
        while k < hi {
          let w = UTF16.isLeadSurrogate(units[k]) && k + 1 < hi ? 2 : 1
          ids.append(vocabulary.id(units[k..<(k + w)]))
          k += w
        }
      } else if foldsInflections, tok.kind == .word {
        ids.append(vocabulary.id(Self.stem(key)))
      } else {
        ids.append(vocabulary.id(key))
      }
    }
    return ids
  }

  /// Light English suffix folding on a lowercase key: possessive, plural, -ed, -ing.
  /// Not a linguistic stemmer: it only has to map inflections of one word to one unit.
  public static func stem(_ key: ArraySlice<UInt16>) -> ArraySlice<UInt16> {
    var w = key
    @inline(__always) func ends(_ suffix: String) -> Bool {
      let u = Array(suffix.utf16)
      return w.count > u.count && w.suffix(u.count).elementsEqual(u)
    }
    guard w.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 || $0 == 0x2D }) else { return key }
    if ends("'s") { w = w.dropLast(2) } else if ends("'") { w = w.dropLast() }
    if w.count > 4, ends("ies") { return ArraySlice(Array(w.dropLast(3)) + [0x79]) }  // ministries -> ministry
    if w.count > 4, ends("sses") { return w.dropLast(2) }
    if w.count > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") { w = w.dropLast() }
    if w.count > 5, ends("ing") { return w.dropLast(3) }
    if w.count > 4, ends("ed") { return w.dropLast(2) }
    return w
  }

  /// Token ids of a pre-tokenized sentence: tokens split on spaces only (indices match
  /// the input), each mapped to its match key.
  public static func pretokenized(_ sentence: String, normalizer: MatchKeyNormalizer,
                                  into vocabulary: WordVocabulary) -> [Int32] {
    sentence.split(separator: " ", omittingEmptySubsequences: true).map { tok in
      let key = normalizer.key(for: String(tok)).units
      return vocabulary.id(key.isEmpty ? ArraySlice(Array(tok.utf16)) : key[...])
    }
  }
}
