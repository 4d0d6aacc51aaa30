import Testing
@testable import GlossaryText

@Suite struct WordTokenizerTests {
  let normalizer = try! MatchKeyNormalizer()

  func trie(_ terms: [String]) -> TermTrie {
    var t = TermTrie()
    for (i, term) in terms.enumerated() { t.insert(normalizer.key(for: term).units, value: Int32(i)) }
    return t
  }

  func words(_ text: String, lang: String = "zh", terms: [String]? = nil) throws -> [String] {
    let tokenizer = try WordTokenizer(language: Language(lang), terms: terms.map(trie), normalizer: normalizer)
    let t = try tokenizer.tokenize(text)
    return t.tokens.map { t.keyString($0) }
  }

  @Test func icuSplitsDiplomaticWords() throws {
    // The weakness the merge exists for (notes/ICU.md).
    #expect(try words("构建人类命运共同体").count > 2)
  }

  @Test func mergeWithKnownTerms() throws {
    let terms = ["人类命运共同体", "命运共同体", "习近平", "构建"]
    #expect(try words("习近平强调构建人类命运共同体。", terms: terms) == ["习近平", "强调", "构建", "人类命运共同体", "。"])
    // Traditional text matches simplified terms (keys).
    #expect(try words("習近平強調", terms: terms).first == "习近平")
    // Longest match wins: 人类命运共同体 over 命运共同体; the shorter still matches alone.
    #expect(try words("中老命运共同体", terms: terms).contains("命运共同体"))
  }

  @Test func mergeCanCutAMisSegmentedHanToken() throws {
    // Whatever ICU does with 践行, a known term 践行 must come out whole and the rest kept.
    let w = try words("践行多边主义", terms: ["践行", "多边主义"])
    #expect(w == ["践行", "多边主义"])
  }

  @Test func kindsScriptsAndOffsets() throws {
    let tokenizer = try WordTokenizer(language: Language("zh"), normalizer: normalizer)
    let text = "２０２０年，Xi Jinping訪問老撾。"
    let t = try tokenizer.tokenize(text)
    let units = Array(text.utf16)
    let shown = t.tokens.map { String(decoding: units[Int($0.range.lowerBound)..<Int($0.range.upperBound)], as: UTF16.self) }
    #expect(shown.first == "２０２０")
    #expect(t.tokens.first?.kind == .number)
    #expect(shown.contains("Xi") && shown.contains("Jinping"))
    #expect(t.tokens.first { t.keyString($0) == "xi" }?.script == ScriptCode.latin)
    #expect(t.tokens.contains { $0.kind == .punctuation })
    #expect(t.tokens.first { $0.script == ScriptCode.han }.map { t.keyString($0) } != nil)
  }

  @Test func englishAndFrenchAndLao() throws {
    #expect(try words("The Belt and Road Initiative’s goals.", lang: "en") == ["the", "belt", "and", "road", "initiative's", "goals", "."])
    #expect(try words("l'initiative « la Ceinture et la Route »", lang: "fr").contains("ceinture"))
    #expect(try words("ສາທາລະນະລັດ ປະຊາທິປະໄຕ", lang: "lo").count == 2)
  }

  @Test func longestMatchInTrie() {
    let t = trie(["一带", "一带一路", "一带一路倡议"])
    let text = Array("一带一路建设".utf16)
    let m = text.withUnsafeBufferPointer { t.longestMatch(in: $0, from: 0) }
    #expect(m?.end == 4)
    #expect(text.withUnsafeBufferPointer { t.allMatches(in: $0, from: 0).map(\.end) } == [2, 4])
  }
}
