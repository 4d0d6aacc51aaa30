import Foundation
import GlossaryText
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// The fast paths of index building and lookup give what the plain ones give.
@Suite struct LookupIndexBuildTests {
  let keys: LookupKeys

  init() throws { keys = try LookupKeys() }

  /// A generated glossary: `count` concepts of 2-4 Han characters, most with one plain rendering,
  /// some with two (the second admitted) and a few with tags and dates.
  static func generated(_ count: Int) -> String {
    var state: UInt64 = 7
    func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    let words = ["kato", "rimu", "sela", "vonda", "pires", "lukas", "tanis", "mora", "bees", "the", "a", "studies"]
    var text = "# generated\nzh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed\n"
    var seen = Set<String>()
    while seen.count < count {
      var s = ""
      for _ in 0..<(2 + Int(next() % 3)) { s.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(next() % 400))!) }
      guard seen.insert(s).inserted else { continue }
      var t = ""
      for k in 0..<(1 + Int(next() % 3)) { t += (k > 0 ? " " : "") + words[Int(next() % UInt64(words.count))] }
      if next() % 10 == 0 {
        text += "\(s)\t\(t)\tpreferred\t2016-01-01\t\t\ttitle\tA note.\t\t\t\t\t\t\n"
      } else {
        text += "\(s)\t\(t)\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"
      }
      if next() % 4 == 0 { text += "\(s)\t\(t) variant\tadmitted\t\t\t\t\tnote\t\t\t\t\tme\t\n" }
    }
    return text
  }

  @Test func parallelBuildEqualsSerialBuild() throws {
    let text = Self.generated(3000)
    let bytes = Array(text.utf8)
    let g = try Glossary.parse(text, path: "g.tsv")
    let id = GlossaryIdentity(file: FileIdentity(size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0))
    let one = IndexImage.owning(LookupIndexBuilder.build(glossary: g, bytes: bytes, identity: id, keys: keys, workers: 1))
    let two = IndexImage.owning(LookupIndexBuilder.build(glossary: g, bytes: bytes, identity: id, keys: try LookupKeys(), workers: 2))
    #expect(one.isWellFormed && two.isWellFormed)
    // Every section but the pinyin table (its blob order follows the workers) is the same.
    for s in IndexLayout.S.allCases where ![.pyUnitOffset, .pyUnitLength, .pyUnitBlob].contains(s) {
      let size = IndexLayout.elementSize(s)
      let x = UnsafeRawBufferPointer(start: one.section(s, UInt8.self).baseAddress, count: one.section(s, UInt8.self).count * size)
      let y = UnsafeRawBufferPointer(start: two.section(s, UInt8.self).baseAddress, count: two.section(s, UInt8.self).count * size)
      #expect(Array(x) == Array(y), "section \(s)")
    }
  }

  @Test func gramDirectoryFindsEveryGram() throws {
    let index = try LookupIndex.inMemory(text: Self.generated(2000), path: "g.tsv", keys: keys)
    for side in [LookupIndex.Side.terms] {
      let v = index.view(side)
      for k in 0..<v.count {
        for g in LookupKeys.grams(v.key(k)) {
          #expect(v.keys(withGram: g).contains { Int($0 & 0xFFFF_FFFF) == k })
        }
      }
    }
  }

  @Test func gramsWithoutAllocationMatchTheUnits() {
    for text in ["命运共同体", "one belt one road", "中 国 abc 人民 x", "习", "a 习 b", "", "共同体 of 2 words"] {
      let key = Array(text.utf8)
      let got = key.withUnsafeBufferPointer { LookupKeys.grams($0) }
      // The definition, from the units.
      var want: [UInt64] = []
      key.withUnsafeBufferPointer { b in
        let us = LookupKeys.units(b)
        var han = 0
        for (k, u) in us.enumerated() {
          if u.han {
            han += 1
            if k + 1 < us.count, us[k + 1].han {
              want.append(LookupKeys.hash(UnsafeBufferPointer(rebasing: b[u.range.lowerBound..<us[k + 1].range.upperBound]), seed: 2))
            }
          } else {
            want.append(LookupKeys.hash(UnsafeBufferPointer(rebasing: b[u.range]), seed: 1))
          }
        }
        if han == 1 && want.isEmpty, let u = us.first(where: { $0.han }) {
          want.append(LookupKeys.hash(UnsafeBufferPointer(rebasing: b[u.range]), seed: 3))
        }
        #expect(LookupKeys.unitCount(b) == us.count, "\(text)")
      }
      #expect(Set(got) == Set(want), "\(text)")
    }
  }

  @Test func englishKeysAreEnglishFoldingOfMatchKeys() throws {
    let keys = try LookupKeys()
    func key(_ s: String) -> String { String(decoding: keys.key(s, language: "en"), as: UTF8.self) }
    #expect(key("The Communities") == "community")
    #expect(key("the") == "the")
    #expect(key("  a  bus   glasses boxes churches wishes buzzes studies ties kiss") == "bus glass box church wish buzz study tie kiss")
    #expect(key("an 2020s ideas") == "2020s idea")
    #expect(key("Held Talks") == "hold talk")
    #expect(key("the United States") == "united states")
    #expect(key("") == "")
    #expect(keys.key("The Talks", language: "fr") == Array("the talks".utf8))  // only English is folded
  }

  @Test func gramUnitsStandAloneOnlyForUnspacedScripts() {
    // Han, kana and Lao letters are units of their own; CJK punctuation and emoji are not Han.
    for (text, alone) in [("中国", 2), ("かな", 2), ("ລາວ", 3), ("。", 0), ("😀", 0), ("《中》", 1)] {
      let b = Array(text.utf8)
      let units = b.withUnsafeBufferPointer { LookupKeys.units($0) }
      #expect(units.filter(\.han).count == alone, "\(text)")
    }
  }

  @Test func conceptsReadBackFromRowsAreTheFormatReaders() throws {
    let text = Self.generated(300) + "甲\tOne\\\\Tab\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n乙\tcafé\tadmitted\t\t\t\t\t\t\t\t\t\t\t\n"
    let index = try LookupIndex.inMemory(text: text, path: "g.tsv", keys: keys)
    let g = try Glossary.parse(text, path: "g.tsv")
    #expect(index.conceptCount == g.concepts.count && index.termCount == g.concepts.reduce(0) { $0 + $1.terms.count })
    for c in 0..<index.conceptCount { #expect(index.concept(at: c) == g.concepts[c]) }
    #expect(index.lookup("One\\Tab", keys: keys, options: LookupOptions(language: "en")).first?.source == "甲")
    // Format 2, rows of a concept apart, descriptions and a third language.
    var v2 = g
    v2.targetLanguages.append("fr")
    try v2.modifyConcept(id: v2.concepts[0].id) { c in
      c.terms.append(Term(language: "fr", text: "essai", status: .preferred))
      c.setDefinition("Un essai.", source: "moi", language: "fr")
      c.subjectField = "tests"
    }
    let v2text = v2.tsv()
    let v2g = try Glossary.parse(v2text, path: "g2.tsv")
    let v2index = try LookupIndex.inMemory(text: v2text, path: "g2.tsv", keys: keys)
    for c in 0..<v2index.conceptCount { #expect(v2index.concept(at: c) == v2g.concepts[c]) }
    let hit = try #require(v2index.lookup("essai", keys: keys).first)
    #expect(hit.matchedLanguage == "fr" && hit.otherTerms.map(\.text) == ["essai"] && hit.concept.subjectField == "tests")
  }

  @Test func theIndexReadsConceptsAsTheFileReaderDoesConceptByConcept() throws {
    for text in [Self.generated(500), try Glossary.parse(Self.generated(500), path: "g.tsv").tsv()] {
      let bytes = Array(text.utf8)
      let g = try Glossary.parse(text, path: "g.tsv")
      let single = try #require(try bytes.withUnsafeBufferPointer { try IndexInput.stream($0, path: "g.tsv") })
      let whole = bytes.withUnsafeBufferPointer { IndexInput.of(g, bytes: $0) }
      #expect(single.count == 1)
      let streamed = single[0]
      #expect(streamed.rowOffset == whole.rowOffset && streamed.rowLine == whole.rowLine && streamed.conceptStart == whole.conceptStart)
      #expect(streamed.termText == whole.termText && streamed.termLanguage == whole.termLanguage && streamed.termConcept == whole.termConcept)
      // Read in many chunks (cut at concept boundaries), the index is byte for byte the same.
      var chunked = try #require(try bytes.withUnsafeBufferPointer { try IndexInput.stream($0, path: "g.tsv", chunkBytes: 2000) })
      #expect(chunked.count > 5)
      var parts = [whole]
      let id = GlossaryIdentity(file: FileIdentity(size: 0, mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0))
      #expect(LookupIndexBuilder.image(&chunked, identity: id, keys: keys) == LookupIndexBuilder.image(&parts, identity: id, keys: keys))
    }
    // Rows of a concept apart: read whole instead, with the same result.
    let scattered = "languages\tzh\ten\nconcept\tlang\tterm\tstatus\nc1\tzh\t甲\tpreferred\nc2\tzh\t乙\tpreferred\nc1\ten\tA\tpreferred\nc2\ten\tB\tpreferred\n"
    #expect(try Array(scattered.utf8).withUnsafeBufferPointer { try IndexInput.stream($0, path: "s.tsv") } == nil)
    let index = try LookupIndex.inMemory(text: scattered, path: "s.tsv", keys: keys)
    #expect(index.lookup("A", keys: keys).first?.source == "甲" && index.lookup("乙", keys: keys).first?.entries.map(\.target) == ["B"])
    // A broken file is refused by the index with the file reader's own message.
    let broken = "languages\tzh\ten\nconcept\tlang\tterm\tstatus\treplaced_by\nc1\tzh\t甲\tpreferred\t\nc1\ten\tA\tdeprecated\tZ\n"
    var want = "", got = ""
    do { _ = try Glossary.parse(broken, path: "b.tsv") } catch { want = "\(error)" }
    do { _ = try LookupIndex.inMemory(text: broken, path: "b.tsv", keys: keys) } catch { got = "\(error)" }
    #expect(!want.isEmpty && got == want)
  }

  /// One reader: a BOM, CRLF and lone CR line ends, comments, invalid UTF-8 read the same by every command and the index.
  @Test func everyLineEndAndBOMReadsTheSameEverywhere() throws {
    let text = "\u{FEFF}# top\r\nlanguages\tzh\ten\r\nconcept\tlang\tterm\tstatus\r# a comment\rc1\tzh\t一带一路\tpreferred\r\nc1\ten\tthe Belt and Road Initiative\tpreferred\rc2\tzh\t务实合作\tpreferred\nc2\ten\tpractical cooperation\tpreferred\n"
    let g = try Glossary.parse(text, path: "e.tsv")
    #expect(g.comments == ["# top"] && g.concepts.map(\.id) == ["c1", "c2"] && g.concepts[0].comments == ["# a comment"])
    let index = try LookupIndex.inMemory(text: text, path: "e.tsv", keys: keys)
    for c in 0..<index.conceptCount {
      var want = g.concepts[c]
      want.comments = []  // the index does not carry comments
      #expect(index.concept(at: c) == want)
    }
    let hit = try #require(index.lookup("一带一路", keys: keys).first)
    #expect(hit.line == 5 && hit.entries.map(\.target) == ["the Belt and Road Initiative"])
    var bad = Array("languages\tzh\ten\nconcept\tlang\tterm\tstatus\nc1\tzh\t甲\tpreferred\n".utf8)
    bad.insert(0xFF, at: bad.count - 5)
    #expect {
      try bad.withUnsafeBufferPointer { try Glossary.parse(bytes: $0, path: "u.tsv") }
    } throws: { error in "\(error)" == "u.tsv:3: column 14: invalid UTF-8" }
  }

  @Test func pinyinFromTheIndexTable() throws {
    let index = try LookupIndex.inMemory(text: TestSupport.sampleGlossary, path: "s.tsv", keys: keys)
    let other = try LookupKeys()
    for q in ["命运共同体", "名运", "一带一路 OBOR", "鑫", "x"] {
      let key = keys.key(q, language: "zh")
      #expect(index.pinyinKey(ofKey: key, keys: keys) == other.pinyinKey(ofKey: key), "\(q)")
    }
    // A complete table (cache files) answers without the transliterator, the same way.
    let bytes = Array(TestSupport.sampleGlossary.utf8)
    let g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    let id = GlossaryIdentity(file: FileIdentity(size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0))
    let full = LookupIndex(
      path: "s.tsv", image: .owning(LookupIndexBuilder.build(glossary: g, bytes: bytes, identity: id, keys: try LookupKeys(), completePinyin: true)),
      fileBytes: bytes)
    #expect(full.image.section(.pyUnitLength, UInt8.self).allSatisfy { $0 != IndexLayout.pinyinUnknown })
    for q in ["鑫淼", "名运共同体"] {
      let key = keys.key(q, language: "zh")
      #expect(full.pinyinKey(ofKey: key, keys: keys) == other.pinyinKey(ofKey: key), "\(q)")
    }
    #expect(full.lookup("名运共同体", keys: keys).first?.source == "命运共同体")
  }

  @Test func fuzzyCandidatesFromGramsFindWhatTheScanFinds() throws {
    // Two-word renderings from few words: every word is shared by many keys.
    var text = "zh\ten\tstatus\n"
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    var n = 0
    for a in words { for b in words where a != b { text += "\(String(UnicodeScalar(0x4E00 + n)!))\(String(UnicodeScalar(0x5E00 + n)!))\t\(a) \(b)\tpreferred\n"; n += 1 } }
    text += "命运共同体\tcommunity with a shared future\tpreferred\n"
    let index = try LookupIndex.inMemory(text: text, path: "f.tsv", keys: keys)
    for (q, lang) in [("charlie hotl", "en"), ("bravo ech", "en"), ("communty with a shared future", "en"), ("名运共同体", "zh")] {
      let key = keys.key(q, language: lang)
      let v = index.view(.terms)
      let scanned = key.withUnsafeBufferPointer { index.near($0, in: v) }
      let fromGrams = key.withUnsafeBufferPointer { index.near($0, in: v, scanUpTo: 0) }
      #expect(!scanned.isEmpty, "\(q)")
      #expect(fromGrams.first.map { v.key($0.0).elementsEqual(v.key(scanned[0].0)) } == true, "\(q)")
      #expect(fromGrams.first?.1 == 1, "\(q)")
    }
  }

  @Test func queryLanguageWithoutICU() {
    for q in ["命运共同体", "Belt and Road", "一带一路 OBOR", "OBOR 一带", "ab 一", "123", "", "café", "ひらがな", "한국어", "Ελλάδα"] {
      #expect(LookupIndex.guessLanguage(q) == String(Language.guess(q).code.prefix { $0 != "-" }).lowercased(), "\(q)")
    }
  }
}
