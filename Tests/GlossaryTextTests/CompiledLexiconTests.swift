import Foundation
import Testing
@testable import GlossaryText

/// The mapped-image machinery (TermTrie images, BinaryImage, ImageCache) and the compiled lexicon.
@Suite struct CompiledLexiconTests {
  func tempDir() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexc-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func trieRoundTripsThroughAnImageAndCopiesOnWrite() throws {
    var trie = TermTrie()
    let keys = ["一带", "一带一路", "一带一路倡议", "命运共同体", "x"]
    for (k, key) in keys.enumerated() { trie.insert(Array(key.utf16), value: Int32(k)) }
    let format = ImageFormat(magic: "TESTTRI1", version: 1, sectionCount: 3)
    var b = BinaryImageBuilder(format: format)
    trie.write(into: &b, sections: 0)
    let image = BinaryImage.owning(b.finish(identity: FileIdentity.of(bytes: UnsafeBufferPointer(start: nil, count: 0))))
    var mapped = try #require(TermTrie(image: image, sections: 0))
    for (k, key) in keys.enumerated() { #expect(mapped.value(of: Array(key.utf16)) == Int32(k)) }
    #expect(mapped.value(of: Array("一带一".utf16)) == nil)
    let text = Array("一带一路倡议书".utf16)
    #expect(text.withUnsafeBufferPointer { mapped.allMatches(in: $0, from: 0).map(\.end) } == [2, 4, 6])
    // Writing to a mapped trie copies it: the image is untouched, the copy has both.
    mapped.insert(Array("一带一路建设".utf16), value: 9)
    #expect(mapped.value(of: Array("一带一路建设".utf16)) == 9 && mapped.value(of: Array("一带".utf16)) == 0)
    #expect(TermTrie(image: image, sections: 0)?.value(of: Array("一带一路建设".utf16)) == nil)
  }

  @Test func imagesOfAnotherFormatOrTruncatedAreRejected() throws {
    let format = ImageFormat(magic: "TESTIMG1", version: 3, sectionCount: 2, salt: 42)
    var b = BinaryImageBuilder(format: format)
    b.put(0, [UInt32(1), 2, 3])
    b.put(1, [UInt64(7)])
    b.setScalar(2, 99)
    let bytes = b.finish(identity: FileIdentity.of(bytes: UnsafeBufferPointer(start: nil, count: 0)))
    let image = BinaryImage.owning(bytes)
    #expect(image.isWellFormed(format))
    #expect(Array(image.section(0, UInt32.self)) == [1, 2, 3] && Array(image.section(1, UInt64.self)) == [7])
    #expect(image.scalar(2) == 99)
    #expect(!image.isWellFormed(ImageFormat(magic: "TESTIMG1", version: 3, sectionCount: 2, salt: 43)))
    #expect(!image.isWellFormed(ImageFormat(magic: "TESTIMG2", version: 3, sectionCount: 2, salt: 42)))
    #expect(!image.isWellFormed(ImageFormat(magic: "TESTIMG1", version: 4, sectionCount: 2, salt: 42)))
    #expect(!BinaryImage.owning(Array(bytes.dropLast(8))).isWellFormed(format))
  }

  @Test func lexiconIsParsedFromBytesWithBOMAndCRLFAndReportsBadLines() throws {
    let text = "\u{FEFF}# CC-CEDICT\r\n務實 务实 [wu4 shi2] /pragmatic/practical/\r\n\r\n"
      + "友誼 友谊 [you3 yi4] /companionship; fellowship/friendship/\r\n友誼 友谊 [You3 yi4] /(surname)/see 友/\n"
    let entries = try Lexicon.parse(Array(text.utf8), path: "x.u8")
    #expect(entries.count == 3 && entries[0].traditional == "務實" && entries[2].pinyin == "You3 yi4")
    #expect(entries[1].glosses == ["companionship; fellowship", "friendship"])
    let lex = try Lexicon(entries: entries)
    #expect(lex.entryCount == 3 && lex.keyCount == 2)
    let friend = try #require(lex.keyId(of: Array("友谊".utf16)))
    #expect(lex.words(ofKey: friend).map(lex.word) == ["companionship", "fellowship", "friendship"])
    #expect(lex.pinyin(ofKey: friend) == "you3 yi4" && lex.keyString(friend) == "友谊")
    #expect(lex.wordId(of: "friendship") != nil && lex.wordId(of: "enmity") == nil)
    let bad = "務實 务实 [wu4 shi2] /pragmatic/\r\n\r\n友誼 友谊 you3 yi4 /friendship/\r\n"
    #expect(throws: LexiconError.malformed(path: "y.u8", line: 3, text: "友誼 友谊 you3 yi4 /friendship/")) {
      try Lexicon.parse(Array(bad.utf8), path: "y.u8")
    }
    #expect(throws: TextError.invalidUTF8(path: "z.u8", line: 2, column: 4)) {
      try Lexicon.parse(Array("a b [c] /d/\r\n務實 ".utf8) + [0xFF], path: "z.u8")
    }
  }

  @Test func largeLexiconsAreCachedByIdentityAndRebuiltWhenTheyChange() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    setenv("GLOSSARY_CACHE_DIR", dir + "/cache", 1)
    defer { unsetenv("GLOSSARY_CACHE_DIR") }
    // Big enough to be cached (Lexicon.cacheMinBytes).
    var text = ""
    var k = 0
    while text.utf8.count < Int(Lexicon.cacheMinBytes) {
      text += "詞\(k) 词\(k) [ci2] /word number \(k)/\n"
      k += 1
    }
    let path = dir + "/lex.u8"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let first = try Lexicon.load(path: path)
    let cached = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache").filter { $0.hasPrefix("lexicon-") }
    #expect(cached.count == 1)
    let second = try Lexicon.load(path: path)
    #expect(second.keyCount == first.keyCount && second.keyCount == k)
    let id = try #require(second.keyId(of: Array("词7".utf16)))
    #expect(second.words(ofKey: id).map(second.word) == ["word", "number"])
    // A changed file (another size and content) is compiled again.
    try (text + "新 新 [xin1] /new/\n").write(toFile: path, atomically: false, encoding: .utf8)
    let third = try Lexicon.load(path: path)
    #expect(third.keyCount == k + 1 && third.keyId(of: Array("新".utf16)) != nil)
    // Caching off: still loads.
    setenv("GLOSSARY_CACHE_DIR", "off", 1)
    #expect(try Lexicon.load(path: path).keyCount == k + 1)
    #expect(throws: TextError.fileNotFound(path: dir + "/none.u8")) { try Lexicon.load(path: dir + "/none.u8") }
  }

  @Test func glossContentWordsOnTheFastAndTheUnicodePath() {
    for g in ["to cooperate", "CL:個|个[ge4]", "surname He", "variant of 河[he2]", "friend (esp. old)",
              "to reiterate; to restate", "Ministry of Foreign Affairs (PRC)", "a kind of tea", "Zürich (city)",
              "the Belt and Road Initiative", "one's own", "ASEAN; Association of Southeast Asian Nations"] {
      var s = g
      if let fast = s.withUTF8({ Gloss.asciiContentWords($0) }) { #expect(fast == Gloss.unicodeContentWords(g)) }
    }
    #expect(Gloss.contentWords("to reiterate; to restate") == ["reiterate", "restate"])
    #expect(Gloss.contentWords("Zürich (city)") == ["zürich"])
    #expect(Gloss.contentWords("see 友[you3]").isEmpty)
    #expect(Gloss.contentWords("one's own") == ["one", "own"])
  }
}
