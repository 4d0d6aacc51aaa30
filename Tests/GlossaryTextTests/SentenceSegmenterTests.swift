import Testing
@testable import GlossaryText

@Suite struct SentenceSegmenterTests {
  let zh = try! SentenceSegmenter(language: Language("zh"))
  let en = try! SentenceSegmenter(language: Language("en"))

  @Test func chinesePressRelease() throws {
    let text = "双方签署了《中华人民共和国和老挝人民民主共和国联合声明》。中方愿同老方加强在经贸、投资、人文等领域合作；推动构建中老命运共同体。“中方坚定支持老方抗击疫情。”王毅说。你们准备好了吗？准备好了！"
    #expect(try zh.sentences(of: text) == [
      "双方签署了《中华人民共和国和老挝人民民主共和国联合声明》。",
      "中方愿同老方加强在经贸、投资、人文等领域合作；推动构建中老命运共同体。",
      "“中方坚定支持老方抗击疫情。”王毅说。",
      "你们准备好了吗？",
      "准备好了！",
    ])
  }

  @Test func ellipsisEndsASentenceBeforeANewOne() throws {
    #expect(try zh.sentences(of: "会谈涉及经贸、人文……双方同意加强合作。") == ["会谈涉及经贸、人文……", "双方同意加强合作。"])
    // …… before 等 is an enumeration, not an end.
    #expect(try zh.sentences(of: "双方在经贸、人文……等领域合作。") == ["双方在经贸、人文……等领域合作。"])
  }

  @Test func openingQuoteStartsTheNextSentence() throws {
    #expect(try zh.sentences(of: "双方同意加强合作。“我们欢迎。”他说。") == ["双方同意加强合作。", "“我们欢迎。”他说。"])
  }

  @Test func englishAbbreviations() throws {
    let text = "Mr. Wang met Dr. Smith at the U.N. headquarters. He spoke with the U.S. President on Jan. 5. "
      + "Talks were held with the U.S. The two sides agreed. See Art. 5 and No. 3 of the Charter, e.g. the preamble."
    #expect(try en.sentences(of: text) == [
      "Mr. Wang met Dr. Smith at the U.N. headquarters.",
      "He spoke with the U.S. President on Jan. 5.",
      "Talks were held with the U.S.",
      "The two sides agreed.",
      "See Art. 5 and No. 3 of the Charter, e.g. the preamble.",
    ])
  }

  @Test func englishQuoteAttribution() throws {
    #expect(try en.sentences(of: "\"China firmly supports Laos.\" Wang Yi said. Both sides agreed.")
      == ["\"China firmly supports Laos.\" Wang Yi said.", "Both sides agreed."])
  }

  @Test func titleAndParagraphsAreHardBoundaries() throws {
    let doc = TextDocument(text: "习近平同本扬通电话\n\n4月3日晚，习近平同本扬通电话\n\n双方同意合作。\n")
    let s = try zh.sentences(in: doc)
    #expect(s.map { doc.string($0.range) } == ["习近平同本扬通电话", "4月3日晚，习近平同本扬通电话", "双方同意合作。"])
    #expect(s.map(\.paragraph) == [0, 1, 2])
  }

  @Test func hardWrappedParagraphIsOneBlock() throws {
    let doc = TextDocument(text: "The two sides agreed to deepen\npractical cooperation.\n\nNext paragraph.\n")
    let s = try en.sentences(in: doc)
    #expect(s.map { doc.string($0.range) } == ["The two sides agreed to deepen\npractical cooperation.", "Next paragraph."])
  }

  @Test func noBlankLineMeansOneParagraphPerLine() throws {
    let doc = TextDocument(text: "第一行\n第二行\n")
    #expect(try zh.sentences(in: doc).map(\.paragraph) == [0, 1])
  }

  @Test func offsetsPointIntoTheOriginal() throws {
    let doc = TextDocument(text: "标题\n\n第一句。第二句。")
    let s = try zh.sentences(in: doc)
    #expect(s[2].range == 8..<12)
    #expect(doc.lineColumn(s[2].range.lowerBound) == (3, 5))
  }

  @Test func otherLanguages() throws {
    let fr = try SentenceSegmenter(language: Language("fr"))
    #expect(try fr.sentences(of: "M. Wang a rencontré le ministre. Les deux parties ont convenu.").count == 2)
    let ru = try SentenceSegmenter(language: Language("ru"))
    #expect(try ru.sentences(of: "Стороны договорились. Это важно.").count == 2)
  }
}
