import Foundation
import Testing
@testable import GlossaryText

/// Lattice word segmentation over the shipped frequency list, lexicon headwords and known terms.
@Suite struct WordLatticeTests {
  let normalizer = try! MatchKeyNormalizer()

  func trie(_ terms: [String]) -> TermTrie {
    var t = TermTrie()
    for (i, term) in terms.enumerated() { t.insert(normalizer.key(for: term).units, value: Int32(i)) }
    return t
  }

  func words(_ text: String, terms: [String]? = nil, lexicon: [String]? = nil, lattice: Bool = true) throws -> [String] {
    let tokenizer = try WordTokenizer(
      language: Language("zh"), terms: terms.map(trie), lexicon: lexicon.map(trie), lattice: lattice, normalizer: normalizer)
    let t = try tokenizer.tokenize(text)
    return t.tokens.map { t.keyString($0) }
  }

  @Test func shippedChineseFrequencies() {
    let f = WordFrequencies.chinese
    #expect(f.frequency(of: "友谊") == 1499 && f.frequency(of: "中") == 243_191)
    #expect(f.frequency(of: "中老友谊") == 0)
    #expect(f.total == 59_492_293)  // the shipped list's sum
    #expect(f.count > 135_000 && f.count < 136_547, "count \(f.count)")  // traditional forms fold into simplified keys
    #expect(abs(Double(f.cost(ofFrequency: 1499)) - log(Double(f.total) / 1499)) < 1e-4)
    #expect(WordFrequencies.standard(for: try! Language("en")) == nil)
  }

  @Test func latticeNotLongestMatch() throws {
    // Forward longest match on a lexicon with 老友 gives 中 / 老友 / 谊; the lattice does not.
    #expect(try words("中老友谊", lexicon: ["老友", "友谊"], lattice: false) == ["中", "老友", "谊"])
    #expect(try words("中老友谊", lexicon: ["老友", "友谊"]) == ["中", "老", "友谊"])
    // A known term is a word: 中老 / 友谊.
    #expect(try words("中老友谊", terms: ["中老"], lexicon: ["老友"]) == ["中老", "友谊"])
    // ... but not cut out of a word around it: 中老年 is one.
    #expect(try words("中老年人", terms: ["中老"]) == ["中老年人"])
  }

  @Test func termsStayWholeAndAreKnown() throws {
    let tokenizer = try WordTokenizer(
      language: Language("zh"), terms: trie(["人类命运共同体", "习近平"]), normalizer: normalizer)
    let t = try tokenizer.tokenize("习近平强调构建人类命运共同体。")
    #expect(t.tokens.map { t.keyString($0) } == ["习近平", "强调", "构建", "人类命运共同体", "。"])
    #expect(t.tokens.map(\.isKnownTerm) == [true, false, false, true, false])
  }

  @Test func termsReachingBeyondHanAreMergedFirst() throws {
    let terms = ["澜沧江－湄公河合作", "21世纪海上丝绸之路"]
    #expect(try words("深化澜沧江－湄公河合作机制", terms: terms) == ["深化", "澜沧江-湄公河合作", "机制"])
    #expect(try words("共建２１世纪海上丝绸之路", terms: terms) == ["共建", "21世纪海上丝绸之路"])
  }

  @Test func offsetsPointIntoTheOriginalAcrossTraditionalText() throws {
    let tokenizer = try WordTokenizer(language: Language("zh"), normalizer: normalizer)
    let text = "中國和老撾的友誼"
    let t = try tokenizer.tokenize(text)
    let units = Array(text.utf16)
    let shown = t.tokens.map { String(decoding: units[Int($0.range.lowerBound)..<Int($0.range.upperBound)], as: UTF16.self) }
    #expect(shown.joined() == text)
    #expect(shown.last == "友誼" && t.keyString(t.tokens.last!) == "友谊")
  }

  @Test func charactersOutsideTheBMPStayWhole() throws {
    // 𠀀 (U+20000) is a Han character of two UTF-16 units.
    let w = try words("友谊𠀀友谊")
    #expect(w.joined() == "友谊𠀀友谊" && w.contains("𠀀") || w.contains { $0.contains("𠀀") && $0.unicodeScalars.count >= 1 })
    #expect(!w.contains { $0.utf16.count == 1 && UTF16.isSurrogate($0.utf16.first!) })
  }
}
