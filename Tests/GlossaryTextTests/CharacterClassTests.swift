import CICU
import Testing
@testable import GlossaryText

@Suite struct CharacterClassTests {
  @Test("Han: ideographs of every block and plane, 々 and 〇", arguments: [
    0x4E00, 0x9FFF - 0x10, 0x3400, 0xF900, 0x20000, 0x2A700, 0x30000, 0x3005, 0x3007,
  ] as [UInt32])
  func han(_ cp: UInt32) {
    #expect(CharacterClass.isHan(codePoint: cp))
    #expect(CharacterClass.of(codePoint: cp).contains(.unspaced))
  }

  @Test("Not Han: kana, CJK punctuation, emoji, radicals, Hangul, Latin", arguments: [
    0x3042, 0x30AB, 0x30FC, 0x3001, 0x3002, 0xFF0C, 0x300C, 0x1F600, 0x2E80, 0xAC00, 0x61, 0x31, 0x20,
  ] as [UInt32])
  func notHan(_ cp: UInt32) {
    #expect(!CharacterClass.isHan(codePoint: cp))
  }

  @Test func exactClasses() {
    #expect(CharacterClass.of("中") == [.letter, .han, .unspaced, .wide])
    #expect(CharacterClass.of("あ") == [.letter, .kana, .unspaced, .wide])
    #expect(CharacterClass.of("ー") == [.letter, .kana, .unspaced, .wide])
    #expect(CharacterClass.of("한") == [.letter, .hangul, .wide])
    #expect(CharacterClass.of("é") == [.letter, .latin])
    #expect(CharacterClass.of("5") == [.number, .digit])
    #expect(CharacterClass.of("٣") == [.number, .digit])  // Arabic-Indic three
    #expect(CharacterClass.of("。") == [.punctuation, .cjkPunctuation, .wide])
    #expect(CharacterClass.of("，") == [.punctuation, .cjkPunctuation, .wide])
    #expect(CharacterClass.of("《") == [.punctuation, .cjkPunctuation, .wide])
    #expect(CharacterClass.of("“") == [.punctuation])  // East Asian Width ambiguous: not CJK punctuation
    #expect(CharacterClass.of(",") == [.punctuation])
    #expect(CharacterClass.of("😀") == [.symbol, .wide])
    #expect(CharacterClass.of(" ") == [.whitespace])
    #expect(CharacterClass.of("\u{3000}") == [.whitespace, .wide])
    #expect(CharacterClass.of("\n") == [.control, .whitespace, .lineBreak])
    #expect(CharacterClass.of("\u{2028}") == [.whitespace, .lineBreak])
    #expect(CharacterClass.of("\t") == [.control, .whitespace])
    #expect(CharacterClass.of("\u{301}") == [.mark])
    #expect(CharacterClass.of("ກ") == [.letter, .unspaced])  // Lao
    #expect(CharacterClass.of(codePoint: 0x110000) == [])
    #expect(CharacterClass.of(codePoint: 0x0378) == [])  // unassigned
  }

  @Test func terminalColumns() {
    #expect(CharacterClass.columns(of: "abc") == 3)
    #expect(CharacterClass.columns(of: "一带一路") == 8)
    #expect(CharacterClass.columns(of: "《人民日报》，") == 14)  // fullwidth punctuation
    #expect(CharacterClass.columns(of: "ＡＢ") == 4)  // fullwidth Latin
    #expect(CharacterClass.columns(of: "e\u{301}") == 1)  // combining acute
    #expect(CharacterClass.columns(of: "a\u{200B}b\u{7F}\t") == 2)  // zero width space, DEL, tab
    #expect(CharacterClass.columns(of: "😀") == 2)
    #expect(CharacterClass.columns(of: "𠀀") == 2)  // supplementary-plane ideograph
    #expect(CharacterClass.columns(of: "“ok”") == 4)  // East Asian Width ambiguous: one column
  }

  @Test func tableAgreesWithICUOnSampledCodePoints() {
    for cp in stride(from: UInt32(0), to: 0x110000, by: 97) {
      #expect(cicu_class(cp) == cicu_class_uncached(cp), "U+\(String(cp, radix: 16))")
    }
  }

  @Test func utf16AndUTF8EntryPoints() {
    let units = Array("a𠀀中".utf16)
    units.withUnsafeBufferPointer { u in
      #expect(CharacterClass.of(utf16: u, at: 0) == (.init([.letter, .latin]), 1))
      let (c, w) = CharacterClass.of(utf16: u, at: 1)
      #expect(c.contains(.han) && w == 2)
      #expect(CharacterClass.of(utf16: u[1]) == [])  // a lone surrogate unit has no class
      #expect(CharacterClass.of(utf16: u, at: 3).0.contains(.han))
    }
    let bytes = Array("é𠀀".utf8) + [0xFF]
    bytes.withUnsafeBufferPointer { b in
      #expect(CharacterClass.of(utf8: b, at: 0) == (.init([.letter, .latin]), 2))
      let (c, w) = CharacterClass.of(utf8: b, at: 2)
      #expect(c.contains(.han) && w == 4)
      #expect(CharacterClass.of(utf8: b, at: 6) == ([], 1))
    }
  }
}
