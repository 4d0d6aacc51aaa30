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
  private let terms: TermTrie?
  private let lexicon: TermTrie?
  /// Split multi-character Han words the lexicon and terms do not know into characters
  /// (on by default for unspaced languages).
  public var characterFallback: Bool
  /// Fold English inflections with ``EnglishFolding`` (`reiterated` -> `reiterate`,
  /// `ministries` -> `ministry`, `held` -> `hold`) so that small corpora count one unit per
  /// word; on for English.
  public var foldsInflections: Bool
  /// Words met so far and the id of each one's folded form in `foldedKeys` (folding once per word).
  private var rawKeys = Interner<UInt16>()
  private var foldOfRaw: [Int32] = [0]
  private var foldedKeys = Interner<UInt16>()

  /// - Parameters:
  ///   - language: language of the sentences.
  ///   - lexicon: CC-CEDICT lexicon whose headwords are merged (unspaced languages only).
  ///   - terms: further known terms (e.g. glossary sources), merged like headwords.
  public init(language: Language, lexicon: Lexicon? = nil, terms: [String] = [],
              normalizer: MatchKeyNormalizer? = nil) throws {
    let normalizer = try normalizer ?? MatchKeyNormalizer()
    self.language = language
    self.normalizer = normalizer
    var termTrie: TermTrie? = nil
    if language.isUnspaced, !terms.isEmpty {
      var t = TermTrie()
      for (k, term) in terms.enumerated() { t.insert(normalizer.key(for: term).units, value: Int32(k)) }
      termTrie = t
    }
    self.terms = termTrie
    self.lexicon = language.isUnspaced ? lexicon?.terms : nil
    characterFallback = language.isUnspaced
    foldsInflections = language.base == "en"
    tokenizer = try WordTokenizer(language: language, terms: termTrie, lexicon: self.lexicon, lattice: false, normalizer: normalizer)
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
      if characterFallback, Self.splitsIntoCharacters(tok, key: key, terms: terms, lexicon: lexicon) {
        var k = lo
        while k < hi {
          let w = UTF16.isLeadSurrogate(units[k]) && k + 1 < hi ? 2 : 1
          ids.append(vocabulary.id(units[k..<(k + w)]))
          k += w
        }
      } else if foldsInflections, tok.kind == .word {
        ids.append(vocabulary.id(folded(key)))
      } else {
        ids.append(vocabulary.id(key))
      }
    }
    return ids
  }

  /// Whether a token of an unspaced script stands for its characters: a multi-character Han
  /// word that is no known term (merged by `terms`) nor a key of `terms` or of `lexicon` (headwords).
  /// The one rule for the word aligner's units and the miner's (`PreparedCorpus`).
  public static func splitsIntoCharacters(
    _ token: Token, key: ArraySlice<UInt16>, terms: TermTrie?, lexicon: TermTrie? = nil
  ) -> Bool {
    !token.isKnownTerm && key.count > 1 && token.script == ScriptCode.han && terms?.value(of: key) == nil
      && lexicon?.value(of: key) == nil
  }

  /// The English fold of a word key, computed once per distinct word.
  private func folded(_ key: ArraySlice<UInt16>) -> ArraySlice<UInt16> {
    let raw = rawKeys.intern(key)
    if Int(raw) == foldOfRaw.count { foldOfRaw.append(foldedKeys.intern(Self.fold(key))) }
    return foldedKeys[foldOfRaw[Int(raw)]]
  }

  /// ``EnglishFolding``'s base form of a lowercase word key (the key itself when nothing applies).
  public static func fold(_ key: ArraySlice<UInt16>) -> ArraySlice<UInt16> {
    var out: [UInt16] = []
    let changed = key.withUnsafeBufferPointer { EnglishFolding.appendBaseForm(of: $0, to: &out) }
    return changed ? out[...] : key
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
