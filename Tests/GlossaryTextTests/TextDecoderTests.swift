import Foundation
import Testing
@testable import GlossaryText

@Suite struct TextDecoderTests {
  @Test func bomAndLineEndings() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
    #expect(try TextDecoder.decode(bytes, path: "x") == "a\nb\nc\n")
  }

  @Test func invalidUTF8NamesLineAndColumn() {
    let bytes = Array("第一行\nab".utf8) + [0xFF] + Array("c".utf8)
    #expect(throws: TextError.invalidUTF8(path: "f.txt", line: 2, column: 3)) {
      try TextDecoder.decode(bytes, path: "f.txt")
    }
    // A truncated multi-byte sequence at the end.
    #expect(throws: TextError.invalidUTF8(path: "g", line: 1, column: 2)) {
      try TextDecoder.decode(Array("中".utf8) + [0xE4, 0xB8], path: "g")
    }
  }

  @Test func nulByteIsBinary() {
    #expect(throws: TextError.nulByte(path: "b", line: 1, column: 3)) {
      try TextDecoder.decode([0x61, 0x62, 0x00, 0x63], path: "b")
    }
  }

  @Test func emptyFileIsEmptyText() throws {
    #expect(try TextDecoder.decode([], path: "e") == "")
  }

  @Test func missingAndUnreadableFiles() {
    #expect(throws: TextError.fileNotFound(path: "/nonexistent/file.txt")) {
      try TextDecoder.read(path: "/nonexistent/file.txt")
    }
    #expect(throws: TextError.unreadable(path: "/tmp", reason: "is a directory")) {
      try TextDecoder.read(path: "/tmp")
    }
  }

  @Test func unknownLanguage() {
    #expect(throws: TextError.unknownLanguage(code: "xx")) { try Language("xx") }
    #expect((try? Language("lo"))?.code == "lo")
  }

  @Test func languageGuessByScript() {
    #expect(Language.guess("国家主席习近平").code == "zh")
    #expect(Language.guess("President Xi Jinping").code == "en")
    #expect(Language.guess("ສາທາລະນະລັດ").code == "lo")
    #expect(Language.guess("Президент").code == "ru")
  }

  @Test func lexiconParsesCedictLines() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lex-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("cedict.txt").path
    try "# comment\n務實 务实 [wu4 shi2] /pragmatic/practical/\n習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping (1953-), PRC president/\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let entries = try Lexicon.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))), path: file)
    #expect(entries.count == 2)
    #expect(entries[0].simplified == "务实" && entries[0].glosses == ["pragmatic", "practical"])
    let lex = try Lexicon.load(path: file)
    #expect(lex.entryCount == 2 && lex.keyCount == 2)
    let key = try #require(lex.keyId(of: Array("务实".utf16)))
    #expect(lex.words(ofKey: key).map(lex.word) == ["pragmatic", "practical"])
    #expect(lex.pinyin(ofKey: key) == "wu4 shi2")
    try "ok 好 [hao3] /good/\nbroken line\n".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(throws: LexiconError.malformed(path: file, line: 2, text: "broken line")) { try Lexicon.load(path: file) }
  }
}
