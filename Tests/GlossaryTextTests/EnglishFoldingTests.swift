import Testing
@testable import GlossaryText

@Suite struct EnglishFoldingTests {
  @Test("Irregular and regular inflection to WordNet base forms", arguments: [
    ("met", "meet"), ("spoke", "speak"), ("held", "hold"), ("talks", "talk"), ("countries", "country"),
    ("meetings", "meet"), ("meeting", "meet"), ("children", "child"), ("ministries", "ministry"),
    ("relations", "relation"), ("exchanges", "exchange"), ("reiterated", "reiterate"), ("deepened", "deepen"),
    ("building", "build"), ("hoped", "hope"), ("stopped", "stop"), ("closer", "close"), ("boxes", "box"),
    ("classes", "class"), ("statesmen", "statesman"), ("china's", "china"), ("countries's", "country"),
    ("speaks", "speak"), ("built", "build"), ("HELD", "hold"), ("has", "have"),
  ])
  func baseForms(pair: (String, String)) {
    #expect(EnglishFolding.baseForm(pair.0) == pair.1)
  }

  @Test("Words that only look inflected, proper names, participial adjectives and suppletion stay", arguments: [
    "news", "laos", "bounnhang", "series", "athens", "philippines", "developed", "developing", "united",
    "better", "went", "o'clock", "covid", "shared", "its", "bus", "process", "congress", "outer",
  ])
  func staysAsIs(word: String) {
    #expect(EnglishFolding.baseForm(word) == word)
  }

  @Test func keysDropALeadingArticleAndKeepMultiwordNames() {
    #expect(EnglishFolding.foldKey("the united states") == "united states")
    #expect(EnglishFolding.foldKey("the united states holds talks") == "united states hold talk")
    #expect(EnglishFolding.foldKey("member states of the united nations") == "member state of the united nations")
    #expect(EnglishFolding.foldKey("developed countries") != EnglishFolding.foldKey("developing countries"))
    #expect(EnglishFolding.foldKey("the communities") == "community")
    #expect(EnglishFolding.foldKey("the") == "the")  // nothing follows: the article is the key
    #expect(EnglishFolding.foldKey("a community with a shared future") == "community with a shared future")  // shared: an adjective
    #expect(EnglishFolding.foldKey("high-level exchanges, 2 visits") == "high-level exchange, 2 visit")
    #expect(EnglishFolding.foldKey("covid-19 vaccines") == "covid-19 vaccine")
    #expect(EnglishFolding.foldKey("théâtres и лаос") == "théâtres и лаос")  // not ASCII words: unchanged
    #expect(EnglishFolding.foldKey("the", dropLeadingArticle: false) == "the")
    #expect(EnglishFolding.foldKey("the talks", dropLeadingArticle: false) == "the talk")
    #expect(EnglishFolding.foldKey(utf16: Array("held talks".utf16)) == Array("hold talk".utf16))
  }

  @Test func articlesAndFunctionWords() {
    #expect(EnglishFolding.articles == ["a", "an", "the"])
    #expect(EnglishFolding.isArticle(utf16: Array("an".utf16)))
    #expect(!EnglishFolding.isArticle(utf16: Array("and".utf16)))
    #expect(EnglishFolding.isFunctionWord("of") && !EnglishFolding.isFunctionWord("trust"))
  }

  @Test func appendBaseFormReportsChanges() {
    var out: [UInt16] = []
    let w = Array("held".utf16)
    #expect(w.withUnsafeBufferPointer { EnglishFolding.appendBaseForm(of: $0, to: &out) })
    #expect(out == Array("hold".utf16))
    out.removeAll()
    let t = Array("trust".utf16)
    #expect(!t.withUnsafeBufferPointer { EnglishFolding.appendBaseForm(of: $0, to: &out) })
    #expect(out == t)
  }
}
