import Testing
@testable import GlossaryText

@Suite struct NormalizationTests {
  let normalizer = try! MatchKeyNormalizer()

  @Test("Traditional and Simplified give one key", arguments: [
    ("國家主席習近平", "国家主席习近平"),
    ("中老命運共同體", "中老命运共同体"),
    ("一帶一路", "一带一路"),
  ])
  func traditionalSimplified(pair: (String, String)) {
    #expect(normalizer.keyString(pair.0) == normalizer.keyString(pair.1))
    #expect(normalizer.keyString(pair.1) == pair.1)
  }

  @Test func widthCaseDashes() {
    #expect(normalizer.keyString("ＣＯＶＩＤ－１９") == "covid-19")
    #expect(normalizer.keyString("COVID–19") == "covid-19")  // en dash
    #expect(normalizer.keyString("Straße") == "strasse")
  }

  @Test func diacriticsFoldForLatinButNotCyrillic() {
    #expect(normalizer.keyString("Luiz Inácio Lula da Silva") == "luiz inacio lula da silva")
    #expect(normalizer.keyString("Nguyễn Phú Trọng") == "nguyen phu trong")
    #expect(normalizer.keyString("Xí Jìnpíng") == normalizer.keyString("Xi Jinping"))
    #expect(normalizer.keyString("Türkiye") == "turkiye")
    #expect(normalizer.keyString("й") == "й")
  }

  @Test func quotesAndSpaces() {
    let forms = ["“一带一路”", "「一帶一路」", "『一带一路』", "\"一带一路\"", "＂一带一路＂", "«一带一路»"]
    let keys = Set(forms.map(normalizer.keyString))
    #expect(keys == ["\"一带一路\""])
    // Single quotes fold to the apostrophe, which is word-internal in English and French.
    #expect(normalizer.keyString("‘a’ `b`") == "'a' 'b'")
    #expect(normalizer.keyString("《中老联合声明》（草案）") == "《中老联合声明》(草案)")
    #expect(normalizer.keyString("  a\u{3000}\tb  \n c ") == "a b c")
    #expect(normalizer.keyString("people’s") == normalizer.keyString("people's"))
  }

  @Test func offsetsMapBackToOriginal() {
    let original = "ＡＢ 國家主席習近平說"
    let key = normalizer.key(for: original)
    #expect(key.text == "ab 国家主席习近平说")
    let hit = key.text.utf16.count - 4  // "习近平说" starts 4 units from the end
    let range = key.originalRange(hit..<(hit + 3))
    let units = Array(original.utf16)
    #expect(String(decoding: units[range], as: UTF16.self) == "習近平")
    // Expansions map every output unit to the whole input character.
    let k2 = normalizer.key(for: "x①y")
    #expect(k2.text == "x1y")
    #expect(k2.originalRange(1..<2) == 1..<2)
  }

  @Test func pinyinKeysMatchRomanizedNames() {
    #expect(normalizer.pinyinKey("习近平") == normalizer.pinyinKey("Xi Jinping"))
    #expect(normalizer.pinyinKey("王毅") == "wangyi")
  }

  @Test func displayTextIsNFCNotFolded() throws {
    let decomposed = "e\u{301}①"
    #expect(try Normalization.nfc(decomposed) == "é①")
  }
}
