import GlossaryAlign
import GlossaryText

/// The miner's default sentence aligner: GlossaryAlign's (length, lexicon, glossary
/// anchors). Words are aligned by the store's frozen HMM model (`WordModelPolicy`).
public enum DefaultAligners {
  /// A factory of sentence aligners sharing one translation lexicon.
  public static func sentenceAligner(
    source: Language, target: Language, lexicon: TranslationLexicon?
  ) -> SentenceAlignerFactory {
    let shared = SendableBox(lexicon)
    return {
      let aligner = try SentenceAligner(sourceLanguage: source, targetLanguage: target, lexicon: shared.value)
      return { s, t, sp, tp in try aligner.align(source: s, target: t, sourceParagraphs: sp, targetParagraphs: tp).beads }
    }
  }
}

/// Word links as unit links: each link joins every unit of its source word to every unit of its target word.
func unitLinks(_ links: [AlignmentLink], _ pair: AlignedPair) -> [AlignmentLink] {
  guard !pair.sourceUnitWord.isEmpty || !pair.targetUnitWord.isEmpty else { return links }
  func units(_ unitWord: [Int32], _ count: Int) -> [Range<Int>] {
    guard !unitWord.isEmpty else { return (0..<count).map { $0..<($0 + 1) } }
    return StoredTokens.wordUnits(unitWord, wordCount: Int(unitWord.last.map { $0 + 1 } ?? 0))
  }
  let s = units(pair.sourceUnitWord, pair.sourceTokens.count), t = units(pair.targetUnitWord, pair.targetTokens.count)
  var out: [AlignmentLink] = []
  for l in links where l.source < s.count && l.target < t.count {
    for i in s[l.source] { for j in t[l.target] { out.append(AlignmentLink(source: i, target: j)) } }
  }
  return out
}

/// Carries a value across a `@Sendable` boundary; the value is only read.
final class SendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
